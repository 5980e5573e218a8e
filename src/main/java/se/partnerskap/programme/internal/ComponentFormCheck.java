package se.partnerskap.programme.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.partnerskap.programme.AmountRule;
import se.partnerskap.programme.Component;
import se.partnerskap.programme.Components;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.programme.internal.ComponentAdmin.ComponentForm;
import se.partnerskap.programme.internal.ComponentAdmin.RuleRow;
import se.partnerskap.web.Ui;

/**
 * A component's edit form as posted, read and checked: its years (1–99, the longest not shorter than the
 * shortest), its most partners, its amount rules (each row kept or removed, its most kronor checked) and one
 * new rule, with an error keyed by field id next to each. A rule row for a region or party count the form
 * never offered is 404: the form was not ours.
 */
final class ComponentFormCheck {

    private static final String PROGRAMME = ComponentAdmin.PROGRAMME;

    /** The form as typed with its errors, and what would be stored when there are none. */
    record Checked(ComponentForm form, Integer minYears, Integer maxYears, int maxPartners, List<AmountRule> rules) {
    }

    private ComponentFormCheck() {
    }

    static Checked read(Component c, Map<String, String> p, Ui ui) {
        String key = c.key();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer minYears = years(p.getOrDefault("minYears", ""), "minYears", errors);
        Integer maxYears = years(p.getOrDefault("maxYears", ""), "maxYears", errors);
        if (minYears != null && maxYears != null && maxYears < minYears) {
            errors.put("maxYears", "components.error.years.order");
        }
        // a form that does not send the field leaves the number as it is
        String typedPartners = p.getOrDefault("maxPartners", String.valueOf(c.maxPartners())).strip();
        int maxPartners = typedPartners.matches("\\d{1,2}") ? Integer.parseInt(typedPartners) : -1;
        if (maxPartners < 1 || maxPartners > Components.MAX_PARTNERS) {
            errors.put("maxPartners", "components.error.maxPartners");
        }
        List<RuleRow> rows = new ArrayList<>();
        List<AmountRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = Math.min(parse(p.get("rules"), 0), 100);
        for (int i = 0; i < count; i++) {
            String region = p.getOrDefault("region_" + i, "");
            int parties = parse(p.get("parties_" + i), 2);
            String max = p.getOrDefault("max_" + i, "");
            boolean perYear = "true".equals(p.get("perYear_" + i));
            boolean remove = "true".equals(p.get("remove_" + i));
            rows.add(new RuleRow(region, ui.t("components.region." + region), parties, max, perYear, null, remove));
            if (!Components.WORLD_REGIONS.contains(region) || parties < 2) {
                throw new NotFoundException();
            }
            if (remove) {
                continue;
            }
            Long sek = RoundForms.kronor(max, "max_" + i, errors);
            if (sek != null) {
                rules.add(new AmountRule(PROGRAMME, key, region, parties, sek, perYear));
                seen.add(region + "/" + parties);
            }
        }
        String newRegion = p.getOrDefault("newRegion", "");
        String newParties = p.getOrDefault("newParties", "2");
        String newMax = p.getOrDefault("newMax", "");
        boolean newPerYear = "true".equals(p.get("newPerYear"));
        if (!newRegion.isBlank() || !newMax.isBlank()) {
            if (!Components.WORLD_REGIONS.contains(newRegion)) {
                errors.put("newRegion", "components.error.region");
            }
            int parties = parse(newParties, -1);
            if (parties < 2 || parties > 20) {
                errors.put("newParties", "components.error.parties");
            }
            Long sek = RoundForms.kronor(newMax, "newMax", errors);
            if (!errors.containsKey("newRegion") && !errors.containsKey("newParties")
                    && seen.contains(newRegion + "/" + parties)) {
                errors.put("newRegion", "components.error.duplicate");
            }
            if (sek != null && !errors.containsKey("newRegion") && !errors.containsKey("newParties")) {
                rules.add(new AmountRule(PROGRAMME, key, newRegion, parties, sek, newPerYear));
            }
        }
        int version = parse(p.get("version"), 0);
        ComponentForm form = new ComponentForm(key, c.name(ui.language()), p.getOrDefault("minYears", ""),
                p.getOrDefault("maxYears", ""), "true".equals(p.get("outsideRounds")), typedPartners, rows, newRegion, newParties,
                newMax, newPerYear, version, errors, Components.WORLD_REGIONS);
        return new Checked(form, minYears, maxYears, maxPartners, rules);
    }

    private static Integer years(String typed, String field, Map<String, String> errors) {
        String s = typed.strip();
        if (!s.matches("\\d{1,2}") || Integer.parseInt(s) < 1) {
            errors.put(field, "components.error.years");
            return null;
        }
        return Integer.parseInt(s);
    }

    private static int parse(String s, int otherwise) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

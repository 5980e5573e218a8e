package se.partnerskap.programme.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.programme.AmountRule;
import se.partnerskap.programme.Component;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.Programmes;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** Administrators view and edit the components and their amount rules: data, not code. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class ComponentAdmin {

    static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final Components components;

    ComponentAdmin(Components components) {
        this.components = components;
    }

    public record RuleRow(String region, String regionName, int minParties, String max, boolean perYear,
            String maxShown, boolean remove) {
    }

    public record ComponentView(String key, String name, String description, int minYears, int maxYears,
            boolean outsideRounds, int maxPartners, List<RuleRow> rules) {
    }

    /** The edit form as typed: years, rules (existing rows plus one new), errors keyed by field id. */
    public record ComponentForm(String key, String name, String minYears, String maxYears, boolean outsideRounds,
            String maxPartners, List<RuleRow> rules, String newRegion, String newParties, String newMax, boolean newPerYear, int version,
            Map<String, String> errors, List<String> regions) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    @GetMapping({"/admin/komponenter", "/en/admin/components"})
    String list(Ui ui, Model model) {
        List<AmountRule> rules = components.rules(PROGRAMME);
        List<ComponentView> views = components.all(PROGRAMME).stream().map(c -> new ComponentView(c.key(),
                c.name(ui.language()), c.description(ui.language()), c.minYears(), c.maxYears(), c.outsideRounds(),
                c.maxPartners(), rules.stream().filter(r -> r.componentKey().equals(c.key())).map(r -> row(r, ui, false)).toList()))
                .toList();
        model.addAttribute("components", views);
        return "programme/components/list";
    }

    @GetMapping({"/admin/komponenter/{key}", "/en/admin/components/{key}"})
    String edit(@PathVariable String key, Ui ui, Model model) {
        Component c = find(key);
        List<RuleRow> rules = components.rules(PROGRAMME).stream().filter(r -> r.componentKey().equals(key))
                .map(r -> row(r, ui, false)).toList();
        model.addAttribute("form", new ComponentForm(key, c.name(ui.language()), String.valueOf(c.minYears()),
                String.valueOf(c.maxYears()), c.outsideRounds(), String.valueOf(c.maxPartners()), rules, "", "2", "", true,
                components.version(PROGRAMME, key), Map.of(), Components.WORLD_REGIONS));
        return "programme/components/edit";
    }

    @PostMapping({"/admin/komponenter/{key}", "/en/admin/components/{key}"})
    String save(@PathVariable String key, @RequestParam Map<String, String> p, Ui ui, Principal principal,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Component c = find(key);
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
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("form", form);
            return "programme/components/edit";
        }
        if (!components.update(PROGRAMME, key, minYears, maxYears, form.outsideRounds(), maxPartners, rules, version,
                principal.getName())) {
            response.setStatus(409);
            errors.put("version", "components.error.conflict");
            model.addAttribute("form", new ComponentForm(key, form.name(), form.minYears(), form.maxYears(),
                    form.outsideRounds(), form.maxPartners(), rows, newRegion, newParties, newMax, newPerYear,
                    components.version(PROGRAMME, key), errors, Components.WORLD_REGIONS));
            return "programme/components/edit";
        }
        redirect.addFlashAttribute("notice", "components.notice.saved");
        return "redirect:" + ui.href("/admin/komponenter") + "#" + key;
    }

    private static Integer years(String typed, String field, Map<String, String> errors) {
        String s = typed.strip();
        if (!s.matches("\\d{1,2}") || Integer.parseInt(s) < 1) {
            errors.put(field, "components.error.years");
            return null;
        }
        return Integer.parseInt(s);
    }

    private static RuleRow row(AmountRule r, Ui ui, boolean remove) {
        return new RuleRow(r.worldRegion(), ui.t("components.region." + r.worldRegion()), r.minParties(),
                String.valueOf(r.maxSek()), r.perYear(), ui.money(r.maxSek()), remove);
    }

    private Component find(String key) {
        return components.component(PROGRAMME, key).orElseThrow(NotFoundException::new);
    }

    private static int parse(String s, int otherwise) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

package se.partnerskap.programme.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
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
@Secured("ROLE_ADMINISTRATOR")
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
        ComponentFormCheck.Checked checked = ComponentFormCheck.read(c, p, ui);
        ComponentForm form = checked.form();
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("form", form);
            return "programme/components/edit";
        }
        if (!components.update(PROGRAMME, key, checked.minYears(), checked.maxYears(), form.outsideRounds(),
                checked.maxPartners(), checked.rules(), form.version(), principal.getName())) {
            response.setStatus(409);
            errors.put("version", "components.error.conflict");
            model.addAttribute("form", new ComponentForm(key, form.name(), form.minYears(), form.maxYears(),
                    form.outsideRounds(), form.maxPartners(), form.rules(), form.newRegion(), form.newParties(),
                    form.newMax(), form.newPerYear(), components.version(PROGRAMME, key), errors, Components.WORLD_REGIONS));
            return "programme/components/edit";
        }
        redirect.addFlashAttribute("notice", "components.notice.saved");
        return "redirect:" + ui.href("/admin/komponenter") + "#" + key;
    }

    private static RuleRow row(AmountRule r, Ui ui, boolean remove) {
        return new RuleRow(r.worldRegion(), ui.t("components.region." + r.worldRegion()), r.minParties(),
                String.valueOf(r.maxSek()), r.perYear(), ui.money(r.maxSek()), remove);
    }

    private Component find(String key) {
        return components.component(PROGRAMME, key).orElseThrow(NotFoundException::new);
    }
}

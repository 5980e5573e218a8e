package se.partnerskap.programme.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.internal.RoundViews.RoundForm;
import se.partnerskap.web.Ui;

/**
 * Case officers and administrators list, create, edit, publish and close rounds. Dates and times are
 * typed as Stockholm local time and stored as instants; a new round proposes the next window.
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class RoundAdmin {

    private final RoundManagement management;
    private final RoundAdminPages pages;
    private final RoundForms forms;

    RoundAdmin(RoundManagement management, RoundAdminPages pages, RoundForms forms) {
        this.management = management;
        this.pages = pages;
        this.forms = forms;
    }

    @GetMapping({"/admin/omgangar", "/en/admin/rounds"})
    String list(Ui ui, Model model) {
        model.addAttribute("programmes", pages.list(ui));
        return "programme/rounds/list";
    }

    @GetMapping({"/admin/omgangar/ny", "/en/admin/rounds/new"})
    String newRound(@RequestParam(defaultValue = RoundForms.PROGRAMME) String programme, Ui ui, Model model) {
        return page(pages.proposed(programme), null, false, ui, model);
    }

    @PostMapping({"/admin/omgangar/ny", "/en/admin/rounds/new"})
    String create(Ui ui, Principal principal, @RequestParam Map<String, String> params,
            @RequestParam(name = "countries", required = false) List<String> countries,
            @RequestParam(name = "components", required = false) List<String> componentKeys, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundForm form = RoundForms.form(null, params.getOrDefault("programme", RoundForms.PROGRAMME), params, countries,
                componentKeys);
        RoundInput input = forms.validate(form);
        if (input == null) {
            response.setStatus(400);
            return page(form, null, false, ui, model);
        }
        UUID id = management.create(input, principal.getName());
        redirect.addFlashAttribute("notice", "rounds.notice.created");
        return "redirect:" + ui.href("/admin/omgangar/" + id);
    }

    @GetMapping({"/admin/omgangar/{id}", "/en/admin/rounds/{id}"})
    String edit(@PathVariable UUID id, Ui ui, Model model) {
        RoundDetails r = pages.find(id);
        return page(RoundForms.formOf(r), r, false, ui, model);
    }

    @PostMapping({"/admin/omgangar/{id}", "/en/admin/rounds/{id}"})
    String save(@PathVariable UUID id, Ui ui, Principal principal, @RequestParam Map<String, String> params,
            @RequestParam(name = "countries", required = false) List<String> countries,
            @RequestParam(name = "components", required = false) List<String> componentKeys, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundDetails r = pages.find(id);
        RoundForm form = RoundForms.form(r.id().toString(), r.programme(), params, countries, componentKeys);
        RoundInput input = forms.validate(form);
        if (input == null) {
            response.setStatus(400);
            return page(form, r, false, ui, model);
        }
        try {
            management.update(r.id(), input, form.version(), principal.getName());
        } catch (RoundManagement.StaleRound stale) {
            response.setStatus(409);
            return page(form, pages.find(id), true, ui, model);
        } catch (RoundManagement.NotAllowed closed) {
            response.setStatus(409);
            return page(form, r, false, ui, model);
        }
        redirect.addFlashAttribute("notice", "rounds.notice.saved");
        return "redirect:" + ui.href("/admin/omgangar/" + r.id());
    }

    @PostMapping({"/admin/omgangar/{id}/publicera", "/en/admin/rounds/{id}/publicera"})
    String publish(@PathVariable UUID id, @RequestParam(defaultValue = "0") int version, Ui ui,
            Principal principal, RedirectAttributes redirect) {
        return changeStatus(pages.find(id), r -> management.open(r.id(), version, principal.getName()),
                "rounds.notice.published", ui, redirect);
    }

    @PostMapping({"/admin/omgangar/{id}/stang", "/en/admin/rounds/{id}/stang"})
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "0") int version, Ui ui,
            Principal principal, RedirectAttributes redirect) {
        return changeStatus(pages.find(id), r -> management.close(r.id(), version, principal.getName()),
                "rounds.notice.closed", ui, redirect);
    }

    /** Publishes or closes a round; if someone changed it meanwhile, says so and changes nothing. */
    private String changeStatus(RoundDetails r, java.util.function.Consumer<RoundDetails> change, String notice, Ui ui,
            RedirectAttributes redirect) {
        try {
            change.accept(r);
            redirect.addFlashAttribute("notice", notice);
        } catch (RoundManagement.StaleRound | RoundManagement.NotAllowed e) {
            redirect.addFlashAttribute("notice", "rounds.notice.changedMeanwhile");
        }
        return "redirect:" + ui.href("/admin/omgangar/" + r.id());
    }

    private String page(RoundForm form, RoundDetails r, boolean conflict, Ui ui, Model model) {
        model.addAttribute("page", pages.page(form, r, conflict, ui));
        return "programme/rounds/form";
    }
}

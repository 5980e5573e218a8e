package se.partnerskap.programme.internal;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.internal.RoundViews.ExtendForm;
import se.partnerskap.programme.internal.RoundViews.ExtendPage;
import se.partnerskap.web.FieldErrors;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** A case officer extends an open round to a later deadline, with a reason in both languages. */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class RoundExtensionAdmin {

    private final RoundAdminPages rounds;
    private final RoundManagement management;
    private final Programmes programmes;

    RoundExtensionAdmin(RoundAdminPages rounds, RoundManagement management, Programmes programmes) {
        this.rounds = rounds;
        this.management = management;
        this.programmes = programmes;
    }

    @GetMapping({"/admin/omgangar/{id}/forlang", "/en/admin/rounds/{id}/forlang"})
    String form(@PathVariable UUID id, Ui ui, Model model) {
        RoundDetails r = extendable(id);
        String proposed = RoundForms.local(r.deadline().plus(java.time.Duration.ofDays(7)));
        return page(r, new ExtendForm(proposed, "", "", r.version(), Map.of()), false, ui, model);
    }

    @PostMapping({"/admin/omgangar/{id}/forlang", "/en/admin/rounds/{id}/forlang"})
    String extend(@PathVariable UUID id, @ModelAttribute("extension") ExtensionRequest typed, BindingResult binding,
            Ui ui, Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasFieldErrors("version")) {
            // not a version number: a bad request that changes nothing
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        RoundDetails r = extendable(id);
        new ExtensionRequest.Rules(r.deadline(), programmes.now()).validate(typed, binding);
        Map<String, String> errors = FieldErrors.byField(binding);
        ExtendForm form = new ExtendForm(typed.until(), typed.reasonSv(), typed.reasonEn(), typed.version(), errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(r, form, false, ui, model);
        }
        try {
            management.extend(r.id(), typed.deadline(), typed.reasonSv(), typed.reasonEn(), typed.version(),
                    principal.getName());
        } catch (RoundManagement.StaleRound | RoundManagement.NotAllowed changed) {
            response.setStatus(409);
            RoundDetails now = rounds.find(id);
            return page(now, new ExtendForm(typed.until(), typed.reasonSv(), typed.reasonEn(), now.version(), errors),
                    true, ui, model);
        }
        redirect.addFlashAttribute("notice", "rounds.notice.extended");
        return "redirect:" + ui.href("/admin/omgangar/" + r.id());
    }

    private RoundDetails extendable(UUID id) {
        RoundDetails r = rounds.find(id);
        RoundDetails.State state = rounds.state(r);
        if (state != RoundDetails.State.OPEN && state != RoundDetails.State.SCHEDULED) {
            throw new NotFoundException();
        }
        return r;
    }

    private String page(RoundDetails r, ExtendForm form, boolean conflict, Ui ui, Model model) {
        model.addAttribute("page", new ExtendPage(r.id().toString(), r.name(ui.language()),
                RoundForms.time(r.deadline(), ui.language()), form, conflict));
        return "programme/rounds/extend";
    }
}

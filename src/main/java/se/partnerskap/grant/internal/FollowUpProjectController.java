package se.partnerskap.grant.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * A project's follow-up page for the case officers: the agreement (its PDF, countersigning), payment release
 * and the decisions on change requests. A refused step comes back to the page with its form's errors.
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class FollowUpProjectController {

    private final FollowUp followUp;
    private final ProjectPages pages;
    private final Agreements agreements;
    private final Payments payments;
    private final ChangeRequests changes;

    FollowUpProjectController(FollowUp followUp, ProjectPages pages, Agreements agreements, Payments payments,
            ChangeRequests changes) {
        this.followUp = followUp;
        this.pages = pages;
        this.agreements = agreements;
        this.payments = payments;
        this.changes = changes;
    }

    private FollowUp.Project project(String key) {
        return followUp.byKey(key).orElseThrow(NotFoundException::new);
    }

    @GetMapping({FollowUpController.SV + "/projekt/{key}", FollowUpController.EN + "/projects/{key}", FollowUpController.EN + "/projekt/{key}"})
    String project(@PathVariable String key, Ui ui, Model model) {
        model.addAttribute("page", pages.page(project(key), true, ui, "", Map.of(), Map.of()));
        return "grant/followup/project";
    }

    @GetMapping({FollowUpController.SV + "/projekt/{key}/avtal.pdf", FollowUpController.EN + "/projects/{key}/agreement.pdf", FollowUpController.EN + "/projekt/{key}/avtal.pdf"})
    ResponseEntity<byte[]> agreement(@PathVariable String key, Ui ui) {
        FollowUp.Project p = project(key);
        return MyProjectsController.pdf(agreements.pdf(p, ui.language()), agreements.fileName(p));
    }

    @PostMapping({FollowUpController.SV + "/projekt/{key}/kontrasignera", FollowUpController.EN + "/projects/{key}/countersign", FollowUpController.EN + "/projekt/{key}/kontrasignera"})
    String countersign(@AuthenticationPrincipal SignedIn me, @PathVariable String key,
            @RequestParam(defaultValue = "") String countersignName, @RequestParam(defaultValue = "") String countersignRole,
            @RequestParam(defaultValue = "") String countersignPlace, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = project(key);
        try {
            agreements.countersign(p, new Agreements.Signature(countersignName, countersignRole, countersignPlace),
                    me.email());
        } catch (Refused refused) {
            return refused(p, "countersign", refused, Map.of("countersignName", countersignName, "countersignRole",
                    countersignRole, "countersignPlace", countersignPlace), ui, model, response);
        }
        redirect.addFlashAttribute("notice", "followup.notice.countersigned");
        return "redirect:" + ui.href(FollowUpController.SV + "/projekt/" + key);
    }

    @PostMapping({FollowUpController.SV + "/projekt/{key}/utbetalningar/{paymentId}", FollowUpController.EN + "/projects/{key}/payments/{paymentId}",
            FollowUpController.EN + "/projekt/{key}/utbetalningar/{paymentId}"})
    String release(@AuthenticationPrincipal SignedIn me, @PathVariable String key, @PathVariable("paymentId") UUID id,
            @RequestParam(defaultValue = "") String releasedOn, @RequestParam(defaultValue = "") String reference,
            Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = project(key);
        try {
            payments.release(p, id, releasedOn, reference, me.email());
        } catch (Refused refused) {
            return refused(p, "payment-" + id, refused, Map.of("releasedOn", releasedOn, "reference", reference), ui,
                    model, response);
        }
        redirect.addFlashAttribute("notice", "followup.notice.released");
        return "redirect:" + ui.href(FollowUpController.SV + "/projekt/" + key);
    }

    @PostMapping({FollowUpController.SV + "/projekt/{key}/andringar/{changeId}", FollowUpController.EN + "/projects/{key}/change-requests/{changeId}",
            FollowUpController.EN + "/projekt/{key}/andringar/{changeId}"})
    String decide(@AuthenticationPrincipal SignedIn me, @PathVariable String key, @PathVariable("changeId") UUID id,
            @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
            Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = project(key);
        try {
            changes.decide(p, id, decision, comment, me.email());
        } catch (Refused refused) {
            return refused(p, "decision-" + id, refused, Map.of("decision", decision, "comment", comment), ui, model,
                    response);
        }
        redirect.addFlashAttribute("notice", "approve".equals(decision) ? "followup.notice.changeApproved"
                : "followup.notice.changeRefused");
        return "redirect:" + ui.href(FollowUpController.SV + "/projekt/" + key);
    }

    private String refused(FollowUp.Project p, String form, Refused refused, Map<String, String> values, Ui ui,
            Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", pages.page(p, true, ui, form, refused.errors(), values));
        return "grant/followup/project";
    }
}

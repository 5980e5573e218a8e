package se.partnerskap.application.internal;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;
import se.partnerskap.application.internal.SubmissionViews.Header;

/**
 * Submission pages: declaration and submit (with the eligibility result), the receipt with the
 * reference, withdrawal, and "my applications" with the countdown (the PDF copy and the deadline as
 * iCalendar are {@link SubmissionFilesController}'s). Every address of an application answers 404 to anyone outside its organisation.
 */
@Controller
@Secured("ROLE_APPLICANT")
class SubmissionController {


    private final Submissions submissions;
    private final Applications applications;
    private final SubmissionPages pages;

    SubmissionController(Submissions submissions, Applications applications, SubmissionPages pages) {
        this.submissions = submissions;
        this.applications = applications;
        this.pages = pages;
    }

    // ---- declaration and submit

    @GetMapping({"/ansokningar/{id}/skicka-in", "/ansokningar/{id}/submit", "/en/applications/{id}/submit",
            "/en/applications/{id}/skicka-in"})
    String submitPage(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        Application a = applications.forMember(id, me.userId());
        model.addAttribute("view", pages.submit(a, ui, null, false));
        return "application/submit";
    }

    @PostMapping({"/ansokningar/{id}/skicka-in", "/ansokningar/{id}/submit", "/en/applications/{id}/submit",
            "/en/applications/{id}/skicka-in"})
    String submit(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String declaration, Ui ui,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Application a = applications.forMember(id, me.userId());
        SubmitResult result;
        try {
            result = submissions.submit(a.id(), me.userId(), me.email(), key, "yes".equals(declaration), ui.language());
        } catch (Applications.NotFound e) {
            throw new NotFoundException();
        }
        return switch (result) {
            case SubmitResult.Submitted s -> {
                redirect.addFlashAttribute("notice", "submission.notice.submitted");
                yield "redirect:" + pages.header(a, ui).receiptHref();
            }
            case SubmitResult.AlreadySubmitted s -> {
                redirect.addFlashAttribute("notice", "submission.notice.already");
                yield "redirect:" + pages.header(a, ui).receiptHref();
            }
            case SubmitResult.Closed c -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("view", pages.submit(applications.forMember(a.id(), me.userId()), ui, List.of(), false));
                yield "application/submit";
            }
            case SubmitResult.NotDeclared n -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", pages.submit(applications.forMember(a.id(), me.userId()), ui, null, true));
                yield "application/submit";
            }
            case SubmitResult.Ineligible i -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", pages.submit(applications.forMember(a.id(), me.userId()), ui, i.reasons(), false));
                yield "application/submit";
            }
        };
    }

    // ---- receipt, withdrawal

    @GetMapping({"/ansokningar/{id}/kvitto", "/ansokningar/{id}/receipt", "/en/applications/{id}/receipt",
            "/en/applications/{id}/kvitto"})
    String receipt(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        Application a = applications.forMember(id, me.userId());
        List<SubmissionRecord> all = submissions.all(a.id(), me.userId());
        if (all.isEmpty()) {
            throw new NotFoundException();
        }
        model.addAttribute("view", pages.receipt(a, all, ui));
        return "application/receipt";
    }

    @PostMapping({"/ansokningar/{id}/aterkalla", "/ansokningar/{id}/withdraw", "/en/applications/{id}/withdraw",
            "/en/applications/{id}/aterkalla"})
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui,
            RedirectAttributes redirect) {
        Application a = applications.forMember(id, me.userId());
        Submissions.Withdrawal done = submissions.withdraw(a.id(), me.userId(), me.email());
        Header header = pages.header(a, ui);
        return switch (done) {
            case WITHDRAWN -> {
                redirect.addFlashAttribute("notice", "submission.notice.withdrawn");
                yield "redirect:" + header.receiptHref();
            }
            case NOT_SUBMITTED -> {
                redirect.addFlashAttribute("notice", "submission.notice.notSubmitted");
                yield "redirect:" + header.submitHref();
            }
            case CLOSED -> {
                redirect.addFlashAttribute("notice", "submission.notice.withdrawClosed");
                yield "redirect:" + header.receiptHref();
            }
        };
    }

    // ---- my applications

    @GetMapping({"/ansokningar/mina", "/ansokningar/mine", "/en/applications/mine", "/en/applications/mina"})
    String mine(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "1") String page, Ui ui,
            Model model) {
        model.addAttribute("view", pages.mine(me.userId(), page, ui));
        return "application/mine";
    }

    /** The page a refused change after the deadline ends on (forwarded to from the handler of the exception). */
    @RequestMapping({"/ansokningar/{id}/stangd", "/en/applications/{id}/closed"})
    String closed(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model,
            HttpServletResponse response) {
        Application a = applications.forMember(id, me.userId());
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("view", pages.header(a, ui));
        return "application/closed";
    }


}

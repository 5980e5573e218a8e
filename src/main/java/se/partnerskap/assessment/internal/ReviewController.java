package se.partnerskap.assessment.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.internal.AssessmentViews.ReviewPage;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.FieldErrors;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The reviewers' side: only the applications assigned to the reviewer exist for it. Before it sees an
 * application it declares whether it has a conflict of interest; then it scores every criterion.
 */
@Controller
@Secured("ROLE_REVIEWER")
class ReviewController {

    private final Reviews reviews;
    private final SubmittedApplications applications;
    private final ReviewPages pages;

    ReviewController(Reviews reviews, SubmittedApplications applications, ReviewPages pages) {
        this.reviews = reviews;
        this.applications = applications;
        this.pages = pages;
    }

    @GetMapping({"/granskning", "/en/reviews"})
    String list(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        model.addAttribute("rows", pages.assignments(me.userId(), ui));
        return "assessment/reviews/list";
    }

    @GetMapping({"/granskning/{id}", "/en/reviews/{id}"})
    String review(@PathVariable UUID id, @AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        Reviews.Assignment assignment = assignment(id, me);
        SubmittedApplication a = applications.find(assignment.applicationId()).orElseThrow(NotFoundException::new);
        if (assignment.status() == Reviews.Status.ASSIGNED) {
            return declarationPage(a, Map.of(), model);
        }
        return page(pages.review(a, assignment, me.userId(), Map.of(), Map.of(), ui), model);
    }

    @PostMapping({"/granskning/{id}/jav", "/en/reviews/{id}/jav"})
    String declare(@PathVariable UUID id, @ModelAttribute Declaration declaration, BindingResult binding,
            @AuthenticationPrincipal SignedIn me, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Reviews.Assignment assignment = assignment(id, me);
        SubmittedApplication a = applications.find(assignment.applicationId()).orElseThrow(NotFoundException::new);
        if (assignment.status() != Reviews.Status.ASSIGNED) {
            return "redirect:" + ui.href("/granskning/" + a.id());
        }
        Declaration.RULES.validate(declaration, binding);
        if (binding.hasErrors()) {
            response.setStatus(400);
            return declarationPage(a, FieldErrors.byField(binding), model);
        }
        reviews.declare(a, me.userId(), declaration.conflicted(), declaration.reason().strip(), me.email());
        if (declaration.conflicted()) {
            redirect.addFlashAttribute("notice", "assessment.notice.conflictDeclared");
            return "redirect:" + ui.href("/granskning");
        }
        return "redirect:" + ui.href("/granskning/" + a.id());
    }

    @PostMapping({"/granskning/{id}", "/en/reviews/{id}"})
    String submit(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedIn me, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Reviews.Assignment assignment = assignment(id, me);
        SubmittedApplication a = applications.find(assignment.applicationId()).orElseThrow(NotFoundException::new);
        if (assignment.status() != Reviews.Status.CLEARED) {
            // a review not yet cleared of conflicts, or already submitted, takes no scores
            response.setStatus(409);
            if (assignment.status() == Reviews.Status.ASSIGNED) {
                return declarationPage(a, Map.of("conflict", "assessment.declare.error.first"), model);
            }
            return page(pages.review(a, assignment, me.userId(), Map.of(), Map.of(), ui), model);
        }
        ScoreSheet sheet = ScoreSheet.of(params);
        Map<String, String> errors = reviews.submit(a, me.userId(), sheet.scores(), sheet.comments(), me.email());
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(pages.review(a, assignment, me.userId(), params, errors, ui), model);
        }
        redirect.addFlashAttribute("notice", "assessment.notice.reviewSubmitted");
        return "redirect:" + ui.href("/granskning/" + a.id());
    }

    private static String declarationPage(SubmittedApplication a, Map<String, String> errors, Model model) {
        model.addAttribute("id", a.id().toString());
        model.addAttribute("reference", a.reference());
        model.addAttribute("errors", errors);
        return "assessment/reviews/declare";
    }

    private static String page(ReviewPage page, Model model) {
        model.addAttribute("page", page);
        return "assessment/reviews/review";
    }

    /** The reviewer's live assignment; anything else (not assigned, a conflict, not an id) is a 404. */
    private Reviews.Assignment assignment(UUID id, SignedIn me) {
        return reviews.of(id, me.userId()).orElseThrow(NotFoundException::new);
    }
}

package se.partnerskap.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.internal.AssessmentViews.AssignmentRow;
import se.partnerskap.assessment.internal.AssessmentViews.CriterionRow;
import se.partnerskap.assessment.internal.AssessmentViews.ReviewPage;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The reviewers' side: only the applications assigned to the reviewer exist for it. Before it sees an
 * application it declares whether it has a conflict of interest; then it scores every criterion.
 */
@Controller
@PreAuthorize("hasRole('REVIEWER')")
class ReviewController {

    private final Reviews reviews;
    private final SubmittedApplications applications;
    private final Registry registry;
    private final Programmes programmes;

    ReviewController(Reviews reviews, SubmittedApplications applications, Registry registry, Programmes programmes) {
        this.reviews = reviews;
        this.applications = applications;
        this.registry = registry;
        this.programmes = programmes;
    }

    @GetMapping({"/granskning", "/en/reviews"})
    String list(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        List<AssignmentRow> rows = reviews.of(me.userId()).stream()
                .map(a -> applications.find(a.applicationId()).map(s -> new AssignmentRow(s.id().toString(),
                        s.reference(), s.title(), ui.t("assessment.review.status." + a.status().key()))).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        model.addAttribute("rows", rows);
        return "assessment/reviews/list";
    }

    @GetMapping({"/granskning/{id}", "/en/reviews/{id}"})
    String review(@PathVariable UUID id, @AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        Reviews.Assignment assignment = assignment(id, me);
        SubmittedApplication a = applications.find(assignment.applicationId()).orElseThrow(NotFoundException::new);
        if (assignment.status() == Reviews.Status.ASSIGNED) {
            model.addAttribute("id", a.id().toString());
            model.addAttribute("reference", a.reference());
            model.addAttribute("errors", Map.<String, String>of());
            return "assessment/reviews/declare";
        }
        return page(a, assignment, me, Map.of(), Map.of(), ui, model);
    }

    @PostMapping({"/granskning/{id}/jav", "/en/reviews/{id}/jav"})
    String declare(@PathVariable UUID id, @RequestParam(defaultValue = "") String conflict,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SignedIn me, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Reviews.Assignment assignment = assignment(id, me);
        SubmittedApplication a = applications.find(assignment.applicationId()).orElseThrow(NotFoundException::new);
        if (assignment.status() != Reviews.Status.ASSIGNED) {
            return "redirect:" + ui.href("/granskning/" + a.id());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!conflict.equals("yes") && !conflict.equals("no")) {
            errors.put("conflict", "assessment.declare.error.choose");
        } else if (conflict.equals("yes") && reason.isBlank()) {
            errors.put("reason", "assessment.declare.error.reason");
        } else if (reason.length() > 2000) {
            errors.put("reason", "assessment.error.tooLong");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("id", a.id().toString());
            model.addAttribute("reference", a.reference());
            model.addAttribute("errors", errors);
            return "assessment/reviews/declare";
        }
        reviews.declare(a, me.userId(), conflict.equals("yes"), reason.strip(), me.email());
        if (conflict.equals("yes")) {
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
                model.addAttribute("id", a.id().toString());
                model.addAttribute("reference", a.reference());
                model.addAttribute("errors", Map.of("conflict", "assessment.declare.error.first"));
                return "assessment/reviews/declare";
            }
            return page(a, assignment, me, Map.of(), Map.of(), ui, model);
        }
        Map<String, String> scores = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("score-")) {
                scores.put(k.substring(6), v);
            } else if (k.startsWith("comment-")) {
                comments.put(k.substring(8), v);
            }
        });
        Map<String, String> errors = reviews.submit(a, me.userId(), scores, comments, me.email());
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(a, assignment, me, params, errors, ui, model);
        }
        redirect.addFlashAttribute("notice", "assessment.notice.reviewSubmitted");
        return "redirect:" + ui.href("/granskning/" + a.id());
    }

    private String page(SubmittedApplication a, Reviews.Assignment assignment, SignedIn me, Map<String, String> typed,
            Map<String, String> errors, Ui ui, Model model) {
        Language lang = ui.language();
        List<Criterion> criteria = reviews.criteria(a.programme());
        List<Reviews.Score> own = assignment.status() == Reviews.Status.SUBMITTED ? reviews.scores(assignment.id())
                : List.of();
        List<CriterionRow> rows = criteria.stream().map(c -> {
            Reviews.Score stored = own.stream().filter(s -> s.criterion().equals(c.key())).findFirst().orElse(null);
            return new CriterionRow(c.key(), c.name(lang), c.description(lang), c.scale(), c.weight(),
                    typed.getOrDefault("score-" + c.key(), stored == null ? "" : String.valueOf(stored.score())),
                    typed.getOrDefault("comment-" + c.key(), stored == null ? "" : stored.comment()));
        }).toList();
        var others = reviews.othersFor(a.id(), me.userId(), a.programme()).stream()
                .map(r -> AssessmentViews.reviewRow(r, criteria, lang)).toList();
        String ownWeighted = own.isEmpty() ? null : AssessmentViews.score(Reviews.weighted(criteria, own), lang);
        Map<String, String> coreAreaNames = new LinkedHashMap<>();
        programmes.coreAreas(a.programme()).forEach(c -> coreAreaNames.put(c.key(), c.name(lang)));
        String organisation = registry.swedishOrganisation(a.leadOrganisation()).map(o -> o.name()).orElse("");
        model.addAttribute("page", new ReviewPage(a.id().toString(), a.reference(), a.title(), organisation,
                String.join(", ", a.partnerNames()),
                String.join(", ", a.countries().stream().map(c -> registry.country(c).map(x -> x.name(lang)).orElse(c)).toList()),
                String.join(", ", a.coreAreas().stream().map(k -> coreAreaNames.getOrDefault(k, k)).toList()),
                ui.money(a.requestedSek()), assignment.status().key(), rows, others, ownWeighted, errors, typed));
        return "assessment/reviews/review";
    }

    /** The reviewer's live assignment; anything else (not assigned, a conflict, not an id) is a 404. */
    private Reviews.Assignment assignment(UUID id, SignedIn me) {
        return reviews.of(id, me.userId()).orElseThrow(NotFoundException::new);
    }
}

package se.partnerskap.assessment.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
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
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The case officers' side of assessment, per application: the eligibility checklist, the reviewers, the
 * decision and its letter (the rounds' dashboards and ranking are {@link RoundDashboardController}'s).
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class AssessmentController {

    private final EligibilityChecks eligibility;
    private final Decisions decisions;
    private final Reviews reviews;
    private final DecisionLetters letters;
    private final DecisionLines lines;
    private final AssessmentPages pages;

    AssessmentController(EligibilityChecks eligibility, Decisions decisions, Reviews reviews, DecisionLetters letters,
            DecisionLines lines, AssessmentPages pages) {
        this.eligibility = eligibility;
        this.decisions = decisions;
        this.reviews = reviews;
        this.letters = letters;
        this.lines = lines;
        this.pages = pages;
    }

    @GetMapping({"/handlaggning/ansokningar/{id}", "/en/assessment/applications/{id}"})
    String application(@PathVariable UUID id, Ui ui, Model model) {
        SubmittedApplication a = application(id);
        return page(a, Map.of(), Map.of(), null, ui, model);
    }

    @PostMapping({"/handlaggning/ansokningar/{id}/behorighet", "/en/assessment/applications/{id}/behorighet"})
    String checkEligibility(@PathVariable UUID id, @RequestParam Map<String, String> params, Ui ui,
            Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubmittedApplication a = application(id);
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String point : EligibilityChecks.POINTS) {
            answers.put(point, params.getOrDefault("point-" + point, ""));
            reasons.put(point, params.getOrDefault("reason-" + point, ""));
        }
        Map<String, String> errors = eligibility.record(a, answers, reasons, principal.getName());
        if (!errors.isEmpty()) {
            response.setStatus(400);
            Map<String, String> prefixed = new LinkedHashMap<>();
            errors.forEach((k, v) -> prefixed.put(k.endsWith("-reason") ? "reason-" + k.replace("-reason", "")
                    : "point-" + k, v));
            return page(a, params, prefixed, null, ui, model);
        }
        redirect.addFlashAttribute("notice", "assessment.notice.eligibility");
        return "redirect:" + ui.href("/handlaggning/ansokningar/" + a.id());
    }

    @PostMapping({"/handlaggning/ansokningar/{id}/granskare", "/en/assessment/applications/{id}/granskare"})
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String reviewer, Ui ui,
            Principal principal, RedirectAttributes redirect) {
        SubmittedApplication a = application(id);
        boolean assigned;
        try {
            assigned = reviews.assign(a, UUID.fromString(reviewer), principal.getName());
        } catch (IllegalArgumentException notAnId) {
            assigned = false;
        }
        redirect.addFlashAttribute("notice", assigned ? "assessment.notice.assigned" : "assessment.notice.notAssigned");
        return "redirect:" + ui.href("/handlaggning/ansokningar/" + a.id()) + "#reviewers";
    }

    @PostMapping({"/handlaggning/ansokningar/{id}/beslut", "/en/assessment/applications/{id}/beslut"})
    String decide(@PathVariable UUID id, @RequestParam Map<String, String> params, Ui ui, Principal principal,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubmittedApplication a = application(id);
        if (params.containsKey("propose")) {
            // "share in proportion": the form again with the lines proposed for the amount typed, nothing saved
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, String> proposed = lines.proposal(a.id(), params, errors);
            response.setStatus(errors.isEmpty() ? 200 : 400);
            return page(a, proposed, errors, null, ui, model);
        }
        Decisions.Input input = new Decisions.Input(params.get("outcome"), params.get("amount"),
                params.get("conditions"), params.get("reasonSv"), params.get("reasonEn"), params.get("overrideReason"),
                DecisionLines.typed(params), params.get("makerName"), params.get("makerRole"));
        Decisions.Result result = decisions.decide(a, input, principal.getName());
        return switch (result) {
            case Decisions.Invalid invalid -> {
                response.setStatus(400);
                yield page(a, params, invalid.errors(), null, ui, model);
            }
            case Decisions.OverBudget over -> {
                response.setStatus(409);
                Map<String, String> errors = Map.of("overrideReason", "assessment.decision.error.overBudget");
                yield page(a, params, errors, ui.t("assessment.decision.overBudget", ui.money(over.grantedAfter()),
                        ui.money(over.budget())), ui, model);
            }
            case Decisions.Decided decided -> {
                redirect.addFlashAttribute("notice", decided.overBudget() ? "assessment.notice.decidedOverBudget"
                        : "assessment.notice.decided");
                yield "redirect:" + ui.href("/handlaggning/ansokningar/" + a.id());
            }
        };
    }

    /** The decision letter, in the language the applicant submitted in. */
    @GetMapping({"/handlaggning/ansokningar/{id}/beslutsbrev.pdf", "/en/assessment/applications/{id}/beslutsbrev.pdf"})
    org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        SubmittedApplication a = application(id);
        Decisions.Decision d = decisions.of(a.id()).orElseThrow(NotFoundException::new);
        byte[] pdf = letters.render(letters.letter(a, d));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + a.reference() + "-beslut.pdf\"")
                .body(pdf);
    }

    private String page(SubmittedApplication a, Map<String, String> typed, Map<String, String> errors,
            String overBudgetWarning, Ui ui, Model model) {
        model.addAttribute("page", pages.application(a, typed, errors, overBudgetWarning, ui));
        return "assessment/application";
    }

    SubmittedApplication application(UUID id) {
        return pages.submitted(id);
    }
}

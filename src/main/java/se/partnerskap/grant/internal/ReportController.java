package se.partnerskap.grant.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The grantee's report form: the narrative and the financial statement against the approved budget, and the
 * receipt after submission (saving and submitting are {@link ReportSaveController}'s, its attachments
 * {@link ReportAttachmentController}'s). Only members of the
 * project's organisation see it; for anyone else every address of it is 404.
 */
@Controller
@Secured("ROLE_APPLICANT")
class ReportController {

    static final String SV = "/mina-projekt/{projectKey}/redovisningar/{reportId}";
    static final String EN = "/en/my-projects/{projectKey}/reports/{reportId}";
    /** The English address with the Swedish word, as given out before the words were translated. */
    static final String EN_SV = "/en/my-projects/{projectKey}/redovisningar/{reportId}";

    private final Reports reports;
    private final ReportPages pages;

    ReportController(Reports reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @GetMapping({SV, EN, EN_SV})
    String form(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            Ui ui, Model model) {
        Report report = reports.forMember(projectKey, reportId, me.userId());
        Optional<Map<String, String>> refused = report.editable() ? reports.openConflict(report.id(), me.email())
                : Optional.empty();
        if (refused.isPresent()) {
            model.addAttribute("view", pages.granteeForm(report, refused.get(), report.version(), Map.of(), report, true, ui));
        } else {
            boolean check = Boolean.TRUE.equals(model.asMap().get("check"));
            Map<String, ReportProblem> errors = check ? ReportRules.check(report, report.answers(),
                    reports.terms(report).reportVariancePercent()).all() : Map.of();
            model.addAttribute("view", pages.granteeForm(report, report.answers(), report.version(), errors, null, false, ui));
        }
        return "grant/reports/form";
    }

    @PostMapping({SV + "/konflikt", EN + "/conflict", EN_SV + "/konflikt"})
    String keepSaved(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey,
            @PathVariable UUID reportId, Ui ui, RedirectAttributes redirect) {
        Report report = reports.forMember(projectKey, reportId, me.userId());
        reports.discardConflict(report.id(), me.email());
        redirect.addFlashAttribute("notice", "report.notice.keptSaved");
        return "redirect:" + base(report, ui);
    }

    /** The confirmation after submission. */
    @GetMapping({SV + "/kvitto", EN + "/receipt", EN_SV + "/kvitto"})
    String receipt(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            Ui ui, Model model) {
        Report report = reports.forMember(projectKey, reportId, me.userId());
        if (report.submittedAt() == null || report.status() == Report.Status.NOT_STARTED
                || report.status() == Report.Status.DRAFT) {
            throw new NotFoundException();
        }
        model.addAttribute("view", pages.granteeForm(report, report.answers(), report.version(), Map.of(), null, false, ui));
        model.addAttribute("total", reports.reportedTotal(report.id()));
        return "grant/reports/receipt";
    }

    static String base(Report report, Ui ui) {
        return href(report, ui, "");
    }

    /** An address below the report's, given in Swedish words ("/kvitto"), in the page's language. */
    static String href(Report report, Ui ui, String svRest) {
        return ui.href(svBase(report) + svRest);
    }

    static String svBase(Report report) {
        return "/mina-projekt/" + report.projectKey() + "/redovisningar/" + report.id();
    }
}

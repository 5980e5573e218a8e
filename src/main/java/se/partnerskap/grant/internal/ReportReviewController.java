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
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * The case officer's side of reports: the lists of reports awaiting review, overdue and returned
 * across all programmes, and the review page where a report is approved with its eligible amount or
 * returned with comments.
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
public class ReportReviewController {

    static final String LIST_SV = "/uppfoljning/redovisningar";
    static final String LIST_EN = "/en/follow-up/reports";
    /** The English address with the Swedish word, as given out before the words were translated. */
    static final String LIST_EN_SV = "/en/follow-up/redovisningar";

    private final Reports reports;
    private final ReportPages pages;

    ReportReviewController(Reports reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @GetMapping({LIST_SV, LIST_EN, LIST_EN_SV})
    String list(Ui ui, Model model) {
        model.addAttribute("view", pages.list(ui));
        return "grant/reports/list";
    }

    @GetMapping({LIST_SV + "/{reportId}", LIST_EN + "/{reportId}", LIST_EN_SV + "/{reportId}"})
    String review(@PathVariable UUID reportId, Ui ui, Model model) {
        Report report = load(reportId);
        long total = reports.reportedTotal(report.id());
        model.addAttribute("view", pages.review(report, total, String.valueOf(total), "", Map.of(), ui));
        return "grant/reports/review";
    }

    @PostMapping({LIST_SV + "/{reportId}/godkann", LIST_EN + "/{reportId}/approve", LIST_EN_SV + "/{reportId}/approve"})
    String approve(@AuthenticationPrincipal SignedIn me, @PathVariable UUID reportId,
            @RequestParam(defaultValue = "") String eligible, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Report report = load(reportId);
        long total = reports.reportedTotal(report.id());
        ReportProblem problem = ReportRules.eligibleProblem(eligible, total, ui.money(total));
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("view", pages.review(report, total, eligible, "", Map.of("eligible", problem), ui));
            return "grant/reports/review";
        }
        try {
            reports.approve(report, me.email(), ReportRules.amount(eligible).getAsLong());
        } catch (Reports.ReportRefused refused) {
            return refused(reportId, refused, eligible, "", ui, model, response);
        }
        redirect.addFlashAttribute("notice", "report.notice.approved");
        return "redirect:" + ui.href(LIST_SV + "/" + report.id());
    }

    @PostMapping({LIST_SV + "/{reportId}/returnera", LIST_EN + "/{reportId}/return", LIST_EN_SV + "/{reportId}/return"})
    String returnToGrantee(@AuthenticationPrincipal SignedIn me, @PathVariable UUID reportId,
            @RequestParam(defaultValue = "") String comment, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Report report = load(reportId);
        long total = reports.reportedTotal(report.id());
        ReportProblem problem = ReportRules.returnCommentProblem(comment);
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("view", pages.review(report, total, String.valueOf(total), comment, Map.of("comment", problem), ui));
            return "grant/reports/review";
        }
        try {
            reports.returnToGrantee(report, me.email(), comment.strip());
        } catch (Reports.ReportRefused refused) {
            return refused(reportId, refused, String.valueOf(total), comment, ui, model, response);
        }
        redirect.addFlashAttribute("notice", "report.notice.returned");
        return "redirect:" + ui.href(LIST_SV + "/" + report.id());
    }

    private String refused(UUID reportId, Reports.ReportRefused refused, String eligible, String comment, Ui ui,
            Model model, HttpServletResponse response) {
        Report current = load(reportId);
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("view", pages.review(current, reports.reportedTotal(current.id()), eligible, comment,
                Map.of("status", ReportProblem.of(refused.reason())), ui));
        return "grant/reports/review";
    }

    @GetMapping({LIST_SV + "/{reportId}/bilagor/{attachment}", LIST_EN + "/{reportId}/attachments/{attachment}",
            LIST_EN_SV + "/{reportId}/bilagor/{attachment}"})
    ResponseEntity<byte[]> download(@PathVariable UUID reportId, @PathVariable UUID attachment) {
        Report report = load(reportId);
        Reports.AttachmentFile file = reports.attachment(report.id(), attachment).orElseThrow(NotFoundException::new);
        return PdfUpload.download(file.fileName(), file.content());
    }

    private Report load(UUID reportId) {
        return reports.find(reportId).orElseThrow(NotFoundException::new);
    }
}

package se.partnerskap.grant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.registry.Registry;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * The case officer's side of reports: the lists of reports awaiting review, overdue and returned
 * across all programmes, and the review page where a report is approved with its eligible amount or
 * returned with comments.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_OFFICER', 'ADMINISTRATOR')")
public class ReportReviewController {

    static final String LIST_SV = "/uppfoljning/redovisningar";
    static final String LIST_EN = "/en/follow-up/reports";
    /** The English address with the Swedish word, as given out before the words were translated. */
    static final String LIST_EN_SV = "/en/follow-up/redovisningar";

    private final Reports reports;
    private final Registry registry;
    private final ReportPages pages;

    ReportReviewController(Reports reports, Registry registry, ReportPages pages) {
        this.reports = reports;
        this.registry = registry;
        this.pages = pages;
    }

    /** A line of a list, ready to show. */
    public record Row(Reports.Listed report, String organisationName, String reviewHref, String projectHref) {
    }

    public record ListPage(List<Row> awaiting, List<Row> overdue, List<Row> returned) {
    }

    @GetMapping({LIST_SV, LIST_EN, LIST_EN_SV})
    String list(Ui ui, Model model) {
        model.addAttribute("view", new ListPage(rows(reports.awaitingReview(), ui), rows(reports.overdue(reports.today()), ui),
                rows(reports.returned(), ui)));
        return "grant/reports/list";
    }

    private List<Row> rows(List<Reports.Listed> listed, Ui ui) {
        Map<UUID, String> names = new LinkedHashMap<>();
        registry.swedishOrganisations(listed.stream().map(Reports.Listed::organisationId).distinct().toList())
                .forEach(o -> names.put(o.id(), o.name()));
        return listed.stream().map(l -> new Row(l, names.getOrDefault(l.organisationId(), ""),
                ui.href(LIST_SV + "/" + l.reportId()), ui.href("/uppfoljning/projekt/" + l.projectKey()))).toList();
    }

    /** The review page's model: the report and what the officer typed in the two forms. */
    public record ReviewPage(ReportForm report, long reportedTotal, String eligible, String comment,
            Map<String, ReportProblem> errors, List<Reports.SentReminder> reminders) {

        public boolean reviewable() {
            return report.report().status() == Report.Status.SUBMITTED;
        }

        public boolean error(String field) {
            return errors.containsKey(field);
        }

        public String message(Ui ui, String field) {
            ReportProblem p = errors.get(field);
            return p == null ? "" : ui.t(p.message(), p.args().toArray());
        }
    }

    @GetMapping({LIST_SV + "/{reportId}", LIST_EN + "/{reportId}", LIST_EN_SV + "/{reportId}"})
    String review(@PathVariable UUID reportId, Ui ui, Model model) {
        Report report = load(reportId);
        long total = reports.reportedTotal(report.id());
        model.addAttribute("view", page(report, total, String.valueOf(total), "", Map.of(), ui));
        return "grant/reports/review";
    }

    @PostMapping({LIST_SV + "/{reportId}/godkann", LIST_EN + "/{reportId}/approve", LIST_EN_SV + "/{reportId}/approve"})
    String approve(@AuthenticationPrincipal SignedIn me, @PathVariable UUID reportId,
            @RequestParam(defaultValue = "") String eligible, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Report report = load(reportId);
        long total = reports.reportedTotal(report.id());
        ReportProblem problem = ReportRules.amountProblem(eligible);
        OptionalLong amount = ReportRules.amount(eligible);
        if (problem == null && amount.isEmpty()) {
            problem = ReportProblem.of("report.review.error.eligibleRequired");
        }
        if (problem == null && amount.getAsLong() > total) {
            problem = ReportProblem.of("report.review.error.eligibleAbove", ui.money(total));
        }
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("view", page(report, total, eligible, "", Map.of("eligible", problem), ui));
            return "grant/reports/review";
        }
        try {
            reports.approve(report, me.email(), amount.getAsLong());
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
        ReportProblem problem = comment.isBlank() ? ReportProblem.of("report.review.error.commentRequired")
                : comment.length() > Reports.MAX_COMMENT ? ReportProblem.of("report.error.tooLong", Reports.MAX_COMMENT)
                : null;
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("view", page(report, total, String.valueOf(total), comment, Map.of("comment", problem), ui));
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
        model.addAttribute("view", page(current, reports.reportedTotal(current.id()), eligible, comment,
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

    private ReviewPage page(Report report, long total, String eligible, String comment,
            Map<String, ReportProblem> errors, Ui ui) {
        ReportForm form = pages.form(report, report.answers(),
                report.version(), errors, null, false, ui, LIST_SV + "/" + report.id(),
                ui.href("/uppfoljning/projekt/" + report.projectKey()));
        return new ReviewPage(form, total, eligible, comment, errors, reports.reminders(report.id()));
    }
}

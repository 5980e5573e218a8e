package se.partnerskap.grant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/**
 * A report as its page shows it, for the grantee writing it ({@link ReportController}) and for the officer
 * reviewing it ({@link ReportReviewController}).
 */
@Component
public class ReportPages {

    private final Reports reports;
    private final Registry registry;
    private final Programmes programmes;

    ReportPages(Reports reports, Registry registry, Programmes programmes) {
        this.reports = reports;
        this.registry = registry;
        this.programmes = programmes;
    }

    /** The grantee's form of a report, below the grantee's project page. */
    ReportForm granteeForm(Report report, Map<String, String> values, int version, Map<String, ReportProblem> errors,
            Report conflict, boolean restored, Ui ui) {
        return form(report, values, version, errors, conflict, restored, ui, ReportController.svBase(report),
                ui.href("/mina-projekt/" + report.projectKey()));
    }

    /** A report's form (or, for the officer, its read-only view) with its terms, core areas, lines and reminders. */
    ReportForm form(Report report, Map<String, String> values, int version, Map<String, ReportProblem> errors, Report conflict,
            boolean restored, Ui ui, String svBase, String projectHref) {
        var terms = reports.terms(report);
        Map<String, String> names = new LinkedHashMap<>();
        programmes.coreAreas(report.programme()).forEach(a -> names.put(a.key(), a.name(ui.language())));
        List<ReportForm.Area> areas = report.coreAreas().stream()
                .map(k -> new ReportForm.Area(k, names.getOrDefault(k, k))).toList();
        String organisation = registry.swedishOrganisation(report.organisationId()).map(SwedishOrganisation::name)
                .orElse("");
        String savedAt = report.savedAt() == null ? null : StockholmTime.dateTime(report.savedAt(), ui.language());
        return new ReportForm(report, organisation, ui.href(svBase), svBase, projectHref, values, version, errors, conflict, restored,
                savedAt, terms.reportVariancePercent(), terms.reportLanguage(), areas, reports.lines(report.id()),
                reports.reminders(report.id()));
    }

    /** A line of a list, ready to show. */
    public record Row(Reports.Listed report, String organisationName, String reviewHref, String projectHref) {
    }

    public record ListPage(List<Row> awaiting, List<Row> overdue, List<Row> returned) {
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

    /** The officer's lists: reports awaiting review, overdue and returned, across all programmes. */
    ListPage list(Ui ui) {
        return new ListPage(rows(reports.awaitingReview(), ui), rows(reports.overdue(reports.today()), ui),
                rows(reports.returned(), ui));
    }

    private List<Row> rows(List<Reports.Listed> listed, Ui ui) {
        Map<UUID, String> names = new LinkedHashMap<>();
        registry.swedishOrganisations(listed.stream().map(Reports.Listed::organisationId).distinct().toList())
                .forEach(o -> names.put(o.id(), o.name()));
        return listed.stream().map(l -> new Row(l, names.getOrDefault(l.organisationId(), ""),
                ui.href(ReportReviewController.LIST_SV + "/" + l.reportId()),
                ui.href("/uppfoljning/projekt/" + l.projectKey()))).toList();
    }

    /** The officer's review page of a report: what it reports, the two forms with what was typed, the reminders. */
    ReviewPage review(Report report, long total, String eligible, String comment, Map<String, ReportProblem> errors,
            Ui ui) {
        ReportForm form = form(report, report.answers(), report.version(), errors, null, false, ui,
                ReportReviewController.LIST_SV + "/" + report.id(), ui.href("/uppfoljning/projekt/" + report.projectKey()));
        return new ReviewPage(form, total, eligible, comment, errors, reports.reminders(report.id()));
    }
}

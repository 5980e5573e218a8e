package se.partnerskap.grant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
class ReportPages {

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
}

package se.partnerskap.grant.internal;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import se.partnerskap.web.FormErrorLink;
import se.partnerskap.web.Ui;

/**
 * The report page's model: the report, what the form shows (as stored, or as typed when a save was
 * refused), the problems to show, and — after a conflicting save — the version someone else saved.
 *
 * @param base        the report's address in the page's language
 * @param svBase      the report's address in Swedish words, to which {@link #href} adds a page below it
 * @param projectHref the project's page (grantee) or the officer's project page
 * @param conflict    the stored report when the typed answers were refused as based on an old version
 */
public record ReportForm(Report report, String organisationName, String base, String svBase, String projectHref,
        Map<String, String> values, int version, Map<String, ReportProblem> errors, Report conflict,
        boolean restoredConflict, String savedAt, int variancePercent, String reportLanguage, List<Area> areas,
        Map<Integer, Reports.ReportLine> storedLines, List<Reports.SentReminder> reminders) {

    /** A core area of the project with its name in the page's language. */
    public record Area(String key, String name) {
    }

    /** A budget line with what the form shows for it. */
    public record Line(Report.BudgetLine budget, String actual, String explanation, boolean exceeds,
            OptionalLong actualSek) {
    }

    /** A page below the report's, given in Swedish words ("/bilagor/{id}"), in the page's language. */
    public String href(Ui ui, String svRest) {
        return ui.href(svBase + svRest);
    }

    public boolean editable() {
        return report.editable() && conflict == null;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean error(String field) {
        return errors.containsKey(field);
    }

    public ReportProblem problem(String field) {
        return errors.get(field);
    }

    /** The error summary's lines: each field's label and message, linked to the field. */
    public List<FormErrorLink> errorLinks(Ui ui) {
        return errors.keySet().stream().map(f -> new FormErrorLink(id(f), label(ui, f) + ": " + message(ui, f))).toList();
    }

    public String message(Ui ui, String field) {
        ReportProblem p = errors.get(field);
        return p == null ? "" : ui.t(p.message(), p.args().toArray());
    }

    public List<Line> lines() {
        return lines(values);
    }

    List<Line> lines(Map<String, String> from) {
        return report.budget().stream().map(b -> {
            String actual = from.getOrDefault("actual." + b.position(), "");
            OptionalLong sek = ReportRules.amount(actual);
            boolean exceeds = sek.isPresent() && ReportRules.exceedsVariance(b.approvedSek(), sek.getAsLong(), variancePercent);
            return new Line(b, actual, from.getOrDefault("explanation." + b.position(), ""), exceeds, sek);
        }).toList();
    }

    public long approvedTotal() {
        return report.budget().stream().mapToLong(Report.BudgetLine::approvedSek).sum();
    }

    public long actualTotal() {
        return lines().stream().mapToLong(l -> l.actualSek().orElse(0)).sum();
    }

    /** The field's label for the error summary. */
    public String label(Ui ui, String field) {
        if (field.equals("period")) {
            return ui.t("report.period");
        }
        if (field.startsWith("area.")) {
            String key = field.substring(5);
            return ui.t("report.field.area", areas.stream().filter(a -> a.key().equals(key)).map(Area::name)
                    .findFirst().orElse(key));
        }
        if (field.startsWith("actual.") || field.startsWith("explanation.")) {
            int position = Integer.parseInt(field.substring(field.indexOf('.') + 1));
            String line = report.budget().stream().filter(b -> b.position() == position)
                    .map(b -> category(ui, b.category()) + (b.description().isBlank() ? "" : ", " + b.description()))
                    .findFirst().orElse(String.valueOf(position));
            return ui.t(field.startsWith("actual.") ? "report.field.actual" : "report.field.explanation", line);
        }
        return ui.t("report.field." + field);
    }

    /** The HTML id of a field. */
    public static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9-]", "-");
    }

    public static String category(Ui ui, String category) {
        String key = "application.category." + category;
        String text = ui.t(key);
        return text.equals(key) ? category : text;
    }
}

package se.partnerskap.grant.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Spreadsheet;
import se.partnerskap.web.Ui;

/**
 * The follow-up as an Excel workbook, streamed (fastexcel): a sheet of projects (money and flags), one of
 * payments and one of reports with their status and due date. A project is named by the reference number
 * (diarienummer) of the application it was granted on, its partners' countries by their names in the
 * reader's language; amounts are numbers and dates Excel dates.
 */
@Component
class FollowUpExport {

    static final List<String> PROJECT_COLUMNS = List.of("caseReference", "project", "organisation", "countries", "round",
            "startsOn", "endsOn", "granted", "paid", "due", "remaining", "toRepay", "nextReportDue", "flags");
    static final List<String> PAYMENT_COLUMNS = List.of("caseReference", "organisation", "kind", "amount", "status",
            "dueSince", "releasedOn", "reference");
    static final List<String> REPORT_COLUMNS = List.of("caseReference", "organisation", "kind", "periodFrom", "periodTo",
            "dueOn", "status", "eligible");

    private final SubmittedApplications applications;

    FollowUpExport(SubmittedApplications applications) {
        this.applications = applications;
    }

    /** The rows of an export, handed over a batch at a time. */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<List<FollowUpController.Row>> batch);
    }

    /** Writes the rows as they come, a batch at a time (no list of every project is held). */
    void write(Rows rows, Ui ui, OutputStream out) throws IOException {
        var lang = ui.language();
        String title = ui.t("followup.export.document");
        Workbook workbook = Spreadsheet.workbook(out, title, ui.t("followup.export.subject"));
        Spreadsheet projects = sheet(workbook, "projects", PROJECT_COLUMNS, ui);
        Spreadsheet payments = sheet(workbook, "payments", PAYMENT_COLUMNS, ui);
        Spreadsheet reports = sheet(workbook, "reports", REPORT_COLUMNS, ui);
        int[] next = {Spreadsheet.FIRST_ROW, Spreadsheet.FIRST_ROW, Spreadsheet.FIRST_ROW};
        rows.each(batch -> {
            Map<java.util.UUID, String> references = applications.references(batch.stream()
                    .map(row -> row.project().applicationId()).filter(Objects::nonNull).toList());
            for (FollowUpController.Row row : batch) {
                int r = next[0]++;
                var p = row.project();
                var f = p.partnership();
                var m = row.money();
                // a project granted here is known by its application's reference; one taken over from before by its key
                String reference = p.applicationId() != null && references.containsKey(p.applicationId())
                        ? references.get(p.applicationId()) : p.key();
                projects.text(r, 0, reference);
                projects.text(r, 1, p.name());
                projects.text(r, 2, row.organisation());
                projects.text(r, 3, String.join(", ", f.partners().stream().map(x -> x.countryName(lang))
                        .filter(c -> c != null && !c.isBlank()).distinct().toList()));
                projects.text(r, 4, row.roundName());
                projects.date(r, 5, f.startsOn());
                projects.date(r, 6, f.endsOn());
                projects.amount(r, 7, m.granted());
                projects.amount(r, 8, m.paid());
                projects.amount(r, 9, m.due());
                projects.amount(r, 10, m.remaining());
                projects.amount(r, 11, m.toRepay());
                projects.date(r, 12, row.nextReport().map(FollowUp.Report::dueOn).orElse(null));
                projects.text(r, 13, String.join(", ", row.flags().stream().map(x -> ui.t("followup.flag." + x)).toList()));
                for (var pay : p.payments()) {
                    int pr = next[1]++;
                    payments.text(pr, 0, reference);
                    payments.text(pr, 1, row.organisation());
                    payments.text(pr, 2, ui.t("followup.payment.kind." + pay.kind()));
                    payments.amount(pr, 3, pay.amountSek());
                    payments.text(pr, 4, ui.t("followup.payment.status." + pay.status()));
                    payments.date(pr, 5, pay.dueSince() == null ? null : StockholmTime.at(pay.dueSince()).toLocalDate());
                    payments.date(pr, 6, pay.releasedOn());
                    payments.text(pr, 7, pay.reference());
                }
                for (var rep : p.reports()) {
                    int rr = next[2]++;
                    reports.text(rr, 0, reference);
                    reports.text(rr, 1, row.organisation());
                    reports.text(rr, 2, ui.t("followup.report.kind." + rep.kind(), rep.position()));
                    reports.date(rr, 3, rep.from());
                    reports.date(rr, 4, rep.to());
                    reports.date(rr, 5, rep.dueOn());
                    reports.text(rr, 6, ui.t("followup.report.status." + rep.status()));
                    reports.amount(rr, 7, rep.eligibleSek());
                }
            }
        });
        projects.finish();
        payments.finish();
        reports.finish();
        workbook.finish();
    }

    private static Spreadsheet sheet(Workbook workbook, String which, List<String> columns, Ui ui) {
        String name = ui.t("followup.export." + which);
        return Spreadsheet.sheet(workbook, name, ui.t("followup.export.title", name),
                columns.stream().map(c -> ui.t("followup.export." + c)).toList());
    }
}

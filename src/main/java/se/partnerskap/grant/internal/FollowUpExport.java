package se.partnerskap.grant.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import se.partnerskap.web.Ui;

/**
 * The follow-up as an Excel workbook, streamed (fastexcel): a sheet of projects (money and flags), one of
 * payments and one of reports with their status and due date. Amounts are numbers, dates are ISO dates.
 */
@Component
class FollowUpExport {

    static final List<String> PROJECT_COLUMNS = List.of("key", "project", "organisation", "round", "startsOn", "endsOn",
            "granted", "paid", "due", "remaining", "toRepay", "nextReportDue", "flags");
    static final List<String> PAYMENT_COLUMNS = List.of("key", "organisation", "kind", "amount", "status", "dueSince",
            "releasedOn", "reference");
    static final List<String> REPORT_COLUMNS = List.of("key", "organisation", "kind", "periodFrom", "periodTo", "dueOn",
            "status", "eligible");

    void write(List<FollowUpController.Row> rows, Ui ui, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Partnerskap", "1.0");
        Worksheet projects = sheet(workbook, ui.t("followup.export.projects"), PROJECT_COLUMNS, ui);
        Worksheet payments = sheet(workbook, ui.t("followup.export.payments"), PAYMENT_COLUMNS, ui);
        Worksheet reports = sheet(workbook, ui.t("followup.export.reports"), REPORT_COLUMNS, ui);
        int r = 1;
        int pr = 1;
        int rr = 1;
        for (FollowUpController.Row row : rows) {
            var p = row.project();
            var f = p.partnership();
            var m = row.money();
            projects.value(r, 0, p.key());
            projects.value(r, 1, p.name());
            projects.value(r, 2, row.organisation());
            projects.value(r, 3, row.roundName());
            projects.value(r, 4, f.startsOn() == null ? "" : f.startsOn().toString());
            projects.value(r, 5, f.endsOn() == null ? "" : f.endsOn().toString());
            projects.value(r, 6, m.granted());
            projects.value(r, 7, m.paid());
            projects.value(r, 8, m.due());
            projects.value(r, 9, m.remaining());
            projects.value(r, 10, m.toRepay());
            projects.value(r, 11, row.nextReport().map(x -> x.dueOn().toString()).orElse(""));
            projects.value(r, 12, String.join(", ", row.flags().stream().map(x -> ui.t("followup.flag." + x)).toList()));
            r++;
            for (var pay : p.payments()) {
                payments.value(pr, 0, p.key());
                payments.value(pr, 1, row.organisation());
                payments.value(pr, 2, ui.t("followup.payment.kind." + pay.kind()));
                payments.value(pr, 3, pay.amountSek());
                payments.value(pr, 4, ui.t("followup.payment.status." + pay.status()));
                payments.value(pr, 5, se.partnerskap.shared.StockholmTime.at(pay.dueSince()).toLocalDate().toString());
                payments.value(pr, 6, pay.releasedOn() == null ? "" : pay.releasedOn().toString());
                payments.value(pr, 7, pay.reference() == null ? "" : pay.reference());
                pr++;
            }
            for (var rep : p.reports()) {
                reports.value(rr, 0, p.key());
                reports.value(rr, 1, row.organisation());
                reports.value(rr, 2, ui.t("followup.report.kind." + rep.kind(), rep.position()));
                reports.value(rr, 3, rep.from().toString());
                reports.value(rr, 4, rep.to().toString());
                reports.value(rr, 5, rep.dueOn().toString());
                reports.value(rr, 6, ui.t("followup.report.status." + rep.status()));
                if (rep.eligibleSek() != null) {
                    reports.value(rr, 7, rep.eligibleSek());
                }
                rr++;
            }
        }
        workbook.finish();
    }

    private static Worksheet sheet(Workbook workbook, String name, List<String> columns, Ui ui) {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, ui.t("followup.export." + columns.get(c)));
            sheet.style(0, c).bold().set();
        }
        return sheet;
    }
}

package se.partnerskap.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.web.Ui;

/** The dashboard's rows as an Excel workbook, streamed (fastexcel): one row per application, amounts as numbers. */
@Component
class DashboardExport {

    static final List<String> COLUMNS = List.of("reference", "title", "organisation", "kind", "region", "countries",
            "coreAreas", "requested", "status", "reviews", "score", "granted");

    void write(RoundDetails round, List<RoundDashboard.Row> rows, Ui ui, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Partnerskap", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(round.name(ui.language())));
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, ui.t("assessment.export." + COLUMNS.get(c)));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (RoundDashboard.Row row : rows) {
            var a = row.application();
            sheet.value(r, 0, a.reference());
            sheet.value(r, 1, a.title());
            sheet.value(r, 2, row.organisation().name());
            sheet.value(r, 3, ui.t("assessment.kind." + row.organisation().kind()));
            sheet.value(r, 4, row.regionCode() == null ? "" : row.regionCode());
            sheet.value(r, 5, String.join(", ", a.countries()));
            sheet.value(r, 6, String.join(", ", a.coreAreas()));
            sheet.value(r, 7, a.requestedSek());
            sheet.value(r, 8, ui.t("assessment.status." + row.status()));
            sheet.value(r, 9, row.reviewsSubmitted());
            if (row.score().isPresent()) {
                sheet.value(r, 10, row.score().getAsDouble());
            }
            if (row.decision() != null && row.decision().amountSek() != null) {
                sheet.value(r, 11, row.decision().amountSek());
            }
            r++;
        }
        workbook.finish();
    }

    /** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
    static String sheetName(String name) {
        String s = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return s.isEmpty() ? "Ansökningar" : s.length() > 31 ? s.substring(0, 31) : s;
    }
}

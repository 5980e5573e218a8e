package se.partnerskap.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.springframework.stereotype.Component;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.registry.Region;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Spreadsheet;
import se.partnerskap.web.Ui;

/**
 * The dashboard's rows as an Excel workbook, streamed (fastexcel): one row per application under the
 * round's name, in words the reader knows (the region's and the countries' names, the core areas), amounts
 * as numbers and the day of submission as a date.
 */
@Component
class DashboardExport {

    static final List<String> COLUMNS = List.of("reference", "title", "organisation", "kind", "region", "countries",
            "coreAreas", "requested", "submitted", "status", "reviews", "score", "granted");

    private final Registry registry;
    private final Programmes programmes;

    DashboardExport(Registry registry, Programmes programmes) {
        this.registry = registry;
        this.programmes = programmes;
    }

    void write(RoundDetails round, List<RoundDashboard.Row> rows, Ui ui, OutputStream out) throws IOException {
        var lang = ui.language();
        String title = ui.t("assessment.export.document", round.name(lang));
        Workbook workbook = Spreadsheet.workbook(out, title, ui.t("assessment.export.subject"));
        Spreadsheet sheet = Spreadsheet.sheet(workbook, round.name(lang), title,
                COLUMNS.stream().map(c -> ui.t("assessment.export." + c)).toList());
        Map<String, String> regions = registry.regions().stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
        Map<String, CoreArea> coreAreas = programmes.coreAreas(round.programme()).stream()
                .collect(Collectors.toMap(CoreArea::key, Function.identity(), (a, b) -> a));
        int r = Spreadsheet.FIRST_ROW;
        for (RoundDashboard.Row row : rows) {
            var a = row.application();
            sheet.text(r, 0, a.reference());
            sheet.text(r, 1, a.title());
            sheet.text(r, 2, row.organisation().name());
            sheet.text(r, 3, ui.t("assessment.kind." + row.organisation().kind()));
            sheet.text(r, 4, row.regionCode() == null ? "" : regions.getOrDefault(row.regionCode(), row.regionCode()));
            sheet.text(r, 5, String.join(", ", a.countries().stream()
                    .map(iso2 -> registry.country(iso2).map(c -> c.name(lang)).orElse(iso2)).toList()));
            sheet.text(r, 6, String.join(", ", a.coreAreas().stream()
                    .map(k -> coreAreas.containsKey(k) ? coreAreas.get(k).name(lang) : k).toList()));
            sheet.amount(r, 7, a.requestedSek());
            sheet.date(r, 8, a.submittedAt() == null ? null : StockholmTime.at(a.submittedAt()).toLocalDate());
            sheet.text(r, 9, ui.t("assessment.status." + row.status()));
            sheet.number(r, 10, row.reviewsSubmitted());
            if (row.score().isPresent()) {
                sheet.number(r, 11, row.score().getAsDouble());
            }
            if (row.decision() != null && row.decision().amountSek() != null) {
                sheet.amount(r, 12, row.decision().amountSek());
            }
            r++;
        }
        sheet.finish();
        workbook.finish();
    }

}

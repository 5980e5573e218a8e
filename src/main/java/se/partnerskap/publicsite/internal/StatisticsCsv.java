package se.partnerskap.publicsite.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.partnerskap.web.Ui;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The statistics table as CSV (Jackson's CSV format): a row per group and a last row {@code total}; amounts in whole
 * kronor, rates as decimal fractions (0.25), empty where not known (no application on the platform).
 */
final class StatisticsCsv {

    record Line(String group, String label, Integer applicationsReceived, Long amountAppliedSek, int grants,
            long amountGrantedSek, long amountPaidSek, String successRateByCount, String successRateByAmount) {
    }

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Line.class).withHeader().withColumnReordering(false);

    private StatisticsCsv() {
    }

    static byte[] write(Statistics.Table table, Map<String, String> labels, Ui ui) {
        List<Line> lines = new ArrayList<>();
        for (Statistics.Row r : table.rows()) {
            lines.add(line(r.key(), StatisticsPages.label(labels, r.key(), ui), r));
        }
        lines.add(line("total", ui.t("statistics.total"), table.total()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 by its byte order mark
        out.writeBytes(CSV.writer(SCHEMA).writeValueAsString(lines).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Line line(String group, String label, Statistics.Row r) {
        return new Line(group, label, r.received(), r.appliedSek(), r.grants(), r.grantedSek(), r.paidSek(),
                rate(r.rateByCount()), rate(r.rateByAmount()));
    }

    private static String rate(Double d) {
        return d == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}

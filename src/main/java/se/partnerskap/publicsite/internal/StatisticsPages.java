package se.partnerskap.publicsite.internal;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.Programmes;
import se.partnerskap.publicsite.internal.DirectoryPages.Option;
import se.partnerskap.publicsite.internal.Statistics.Per;
import se.partnerskap.publicsite.internal.Statistics.Row;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Ui;

/** The statistics page's view: its filters, its two charts and the table of their figures, in the page's language. */
@Component
public class StatisticsPages {

    /** The filters as asked for (unknown values are left out, so a tampered address shows all). */
    record Query(Per per, Statistics.Filter filter) {
    }

    /** A row of the table, every figure formatted; {@code received} and the rates "–" where not known. */
    public record TableRow(String label, String received, String applied, String grants, String granted, String paid,
            String rateByCount, String rateByAmount) {
    }

    public record StatisticsPage(List<Option> pers, List<Option> programmes, List<Option> years, List<Option> countries,
            List<Option> regions, List<Option> coreAreas, boolean filtered, String perName, String perColumn, String csvHref,
            BarChart amounts, BarChart counts, List<TableRow> rows, TableRow total, boolean empty) {
    }

    private final Statistics statistics;
    private final Programmes programmes;
    private final Registry registry;
    private final FundedPartnerships funded;

    StatisticsPages(Statistics statistics, Programmes programmes, Registry registry, FundedPartnerships funded) {
        this.statistics = statistics;
        this.programmes = programmes;
        this.registry = registry;
        this.funded = funded;
    }

    Query query(String per, String programme, String year, String country, String region, String coreArea) {
        Integer y = year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null;
        return new Query(Per.of(per).orElse(Per.YEAR), new Statistics.Filter(known(programme, programmeKeys()), y,
                country == null || !country.matches("[A-Za-z]{2}") ? null : country.toUpperCase(java.util.Locale.ROOT),
                region == null || !region.matches("\\d{2}") ? null : region, blank(coreArea)));
    }

    Statistics.Table table(Query q) {
        return statistics.table(q.per(), q.filter());
    }

    StatisticsPage page(Query q, Ui ui) {
        Language lang = ui.language();
        Statistics.Table table = table(q);
        Map<String, String> labels = labels(q.per(), lang, ui);
        List<Row> rows = new ArrayList<>(table.rows());
        Comparator<Row> order = switch (q.per()) {
            case YEAR -> Comparator.comparing(Row::key, Comparator.reverseOrder());
            default -> Comparator.comparingLong(Row::grantedSek).reversed()
                    .thenComparing(r -> labels.getOrDefault(r.key(), r.key()));
        };
        rows.sort(Comparator.comparing((Row r) -> r.key().isEmpty()).thenComparing(order));
        NumberFormat count = NumberFormat.getIntegerInstance(lang.locale());
        NumberFormat percent = NumberFormat.getPercentInstance(lang.locale());
        percent.setMaximumFractionDigits(0);
        List<TableRow> tableRows = rows.stream().map(r -> tableRow(label(labels, r.key(), ui), r, ui, count, percent)).toList();
        String perName = ui.t("statistics.per." + q.per().code);
        List<BarChart.Input> amountInputs = new ArrayList<>();
        List<BarChart.Input> countInputs = new ArrayList<>();
        for (Row r : rows) {
            String label = label(labels, r.key(), ui);
            amountInputs.add(new BarChart.Input(label, List.of(
                    r.appliedSek() == null ? new BarChart.Value(0, null) : new BarChart.Value(r.appliedSek(), ui.money(r.appliedSek())),
                    new BarChart.Value(r.grantedSek(), ui.money(r.grantedSek())),
                    new BarChart.Value(r.paidSek(), ui.money(r.paidSek())))));
            countInputs.add(new BarChart.Input(label, List.of(
                    r.received() == null ? new BarChart.Value(0, null) : new BarChart.Value(r.received(), count.format(r.received())),
                    new BarChart.Value(r.grants(), count.format(r.grants())))));
        }
        BarChart amounts = BarChart.of("chart-amounts", ui.t("statistics.chart.amounts", perName),
                ui.t("statistics.chart.amounts.description", perName), List.of(
                        new BarChart.Series(ui.t("statistics.applied"), "hatched"),
                        new BarChart.Series(ui.t("statistics.granted"), "solid"),
                        new BarChart.Series(ui.t("statistics.paid"), "dotted")), amountInputs);
        BarChart counts = BarChart.of("chart-counts", ui.t("statistics.chart.counts", perName),
                ui.t("statistics.chart.counts.description", perName), List.of(
                        new BarChart.Series(ui.t("statistics.received"), "hatched"),
                        new BarChart.Series(ui.t("statistics.grants"), "solid")), countInputs);
        Statistics.Filter f = q.filter();
        List<ProgrammeSummary> programmeOptions = programmes.all(); // each read once for the form's choices
        Map<String, String> areas = coreAreas(lang);
        return new StatisticsPage(
                options(List.of(Per.values()).stream().map(p -> p.code).toList(), p -> ui.t("statistics.per." + p), q.per().code),
                programmeOptions.stream().map(p -> new Option(p.key(), lang.pick(p.nameSv(), p.nameEn()),
                        p.key().equals(f.programme()))).toList(),
                options(years(), y -> y, f.year() == null ? null : f.year().toString()),
                countries(lang, f.country()),
                registry.regions().stream().map(r -> new Option(r.code(), r.name(), r.code().equals(f.region()))).toList(),
                areas.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue(), e.getKey().equals(f.coreArea())))
                        .toList(),
                f.programme() != null || f.year() != null || f.country() != null || f.region() != null || f.coreArea() != null,
                perName, ui.t("statistics.column." + q.per().code), csvHref(q, ui), amounts, counts, tableRows,
                tableRow(ui.t("statistics.total"), table.total(), ui, count, percent), rows.isEmpty());
    }

    /** The labels of a table's keys: names in the page's language. */
    Map<String, String> labels(Per per, Language lang, Ui ui) {
        Map<String, String> labels = new LinkedHashMap<>();
        switch (per) {
            case PROGRAMME -> programmes.all().forEach(p -> labels.put(p.key(), lang.pick(p.nameSv(), p.nameEn())));
            case ROUND -> programmes.all().forEach(p -> programmes.rounds(p.key())
                    .forEach(r -> labels.put(r.id().toString(), lang.pick(r.nameSv(), r.nameEn()))));
            case COUNTRY -> registry.countries().forEach(c -> labels.put(c.iso2(), c.name(lang)));
            case REGION -> registry.regions().forEach(r -> labels.put(r.code(), r.name()));
            case CORE_AREA -> labels.putAll(coreAreas(lang));
            case YEAR -> { }
        }
        return labels;
    }

    static String label(Map<String, String> labels, String key, Ui ui) {
        return key.isEmpty() ? ui.t("statistics.unknown") : labels.getOrDefault(key, key);
    }

    private TableRow tableRow(String label, Row r, Ui ui, NumberFormat count, NumberFormat percent) {
        return new TableRow(label, r.received() == null ? "–" : count.format(r.received()),
                r.appliedSek() == null ? "–" : ui.money(r.appliedSek()), count.format(r.grants()), ui.money(r.grantedSek()),
                ui.money(r.paidSek()), r.rateByCount() == null ? "–" : percent.format(r.rateByCount()),
                r.rateByAmount() == null ? "–" : percent.format(r.rateByAmount()));
    }

    private String csvHref(Query q, Ui ui) {
        StringBuilder s = new StringBuilder(ui.href("/statistik.csv")).append("?per=").append(q.per().code);
        Statistics.Filter f = q.filter();
        append(s, "programme", f.programme());
        append(s, "year", f.year() == null ? null : f.year().toString());
        append(s, "country", f.country());
        append(s, "region", f.region());
        append(s, "coreArea", f.coreArea());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null) {
            s.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private List<String> programmeKeys() {
        return programmes.all().stream().map(ProgrammeSummary::key).toList();
    }

    private List<String> years() {
        return new TreeSet<>(funded.roundYears().values()).descendingSet().stream().map(String::valueOf).toList();
    }

    private List<Option> countries(Language lang, String chosen) {
        TreeSet<String> codes = new TreeSet<>();
        programmeKeys().forEach(p -> codes.addAll(programmes.countryCodes(p)));
        return registry.countries().stream().filter(c -> codes.contains(c.iso2()))
                .sorted(Comparator.comparing((Country c) -> c.name(lang), java.text.Collator.getInstance(lang.locale())))
                .map(c -> new Option(c.iso2(), c.name(lang), c.iso2().equals(chosen))).toList();
    }

    private Map<String, String> coreAreas(Language lang) {
        Map<String, String> areas = new LinkedHashMap<>();
        for (String p : programmeKeys()) {
            for (CoreArea a : programmes.coreAreas(p)) {
                areas.putIfAbsent(a.key(), a.name(lang));
            }
        }
        return areas;
    }

    private static List<Option> options(List<String> values, java.util.function.Function<String, String> label, String chosen) {
        return values.stream().map(v -> new Option(v, label.apply(v), v.equals(chosen))).toList();
    }

    private static String known(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

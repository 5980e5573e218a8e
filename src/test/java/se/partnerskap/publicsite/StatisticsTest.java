package se.partnerskap.publicsite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.AbstractIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page: its charts and tables in both languages, its filters as a GET form, its CSV, and figures that
 * are those of the open data for the same filters.
 */
class StatisticsTest extends AbstractIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void thePageShowsEachChartWithItsTableAndAFormThatWorksWithoutJavaScript() {
        HttpResponse<String> sv = get("/statistik");
        assertThat(sv.statusCode()).isEqualTo(200);
        String page = sv.body();
        assertThat(page).contains("<h1>Statistik</h1>", "<form method=\"get\" action=\"/statistik\"",
                "<svg role=\"img\" aria-labelledby=\"chart-amounts-title chart-amounts-desc\"",
                "<title id=\"chart-amounts-title\">Sökt, beviljat och utbetalt belopp per år</title>",
                "id=\"chart-amounts-hatched\"", "id=\"amounts-table\"", "id=\"counts-table\"",
                "href=\"/statistik.csv?per=year\"", "href=\"/oppna-data\"");
        // every bar carries its value as text
        int bars = page.split("class=\"bar bar-").length - 1;
        int values = page.split("class=\"bar-value\"").length - 1;
        assertThat(values).isPositive().isGreaterThanOrEqualTo(bars - 5); // legend swatches are bars without values
        assertThat(get("/en/statistics?per=country").body()).contains("<h1>Statistics</h1>",
                "Amounts applied for, granted and paid per country", "<th scope=\"row\">Kenya</th>", "/en/statistics.csv?per=country");
        assertThat(get("/statistik?per=hittepa&year=tjugo").statusCode()).as("a tampered address shows everything").isEqualTo(200);
        assertThat(get("/statistik?country=ZZ").body()).contains("Inga ansökningar eller projekt stämmer med valen.");
    }

    @Test
    void theFiguresAreThoseOfTheOpenDataForTheSameFilters() {
        String partnership = "programme=kommunala-partnerskap&country=KE";
        List<String[]> years = lines(csv("/statistik.csv?per=year&" + partnership));
        assertThat(years.getFirst()).containsExactly("group", "label", "applicationsReceived", "amountAppliedSek",
                "grants", "amountGrantedSek", "amountPaidSek", "successRateByCount", "successRateByAmount");
        assertThat(years.size()).as("Kenya has grants in several years").isGreaterThan(3);
        for (String[] row : years.subList(1, years.size())) {
            String filter = row[0].equals("total") ? partnership : partnership + "&year=" + row[0];
            if (row[0].isEmpty()) {
                continue;
            }
            long[] api = sums("/api/v1/projects?" + filter);
            assertThat(Long.parseLong(row[4])).as("grants of " + filter).isEqualTo(api[0]);
            assertThat(Long.parseLong(row[5])).as("granted of " + filter).isEqualTo(api[1]);
            assertThat(Long.parseLong(row[6])).as("paid of " + filter).isEqualTo(api[2]);
        }
        // every programme, grants to persons who consented too: the 360Giving package's grants
        String[] total = lines(csv("/statistik.csv?per=programme")).getLast();
        assertThat(total[0]).isEqualTo("total");
        JsonNode giving = json.readTree(get("/api/v1/360giving.json").body());
        long amount = 0;
        for (JsonNode g : giving.path("grants")) {
            amount += g.path("amountAwarded").asLong();
        }
        assertThat(Long.parseLong(total[4])).isEqualTo(giving.path("grants").size());
        assertThat(Long.parseLong(total[5])).isEqualTo(amount);
        // the exports' CSV has a row per project and country; its ids are the statistics' grants
        String projects = new String(send(client(), HttpRequest.newBuilder(URI.create(url("/api/v1/projects.csv?" + partnership))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        long ids = Arrays.stream(projects.split("\n")).skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count();
        assertThat(Long.parseLong(years.getLast()[4])).isEqualTo(ids);
    }

    /** Number of projects, amount granted and amount paid of an API query, every page. */
    private long[] sums(String query) {
        long[] sums = new long[3];
        int page = 1;
        while (true) {
            JsonNode body = json.readTree(get(query + "&size=100&page=" + page).body());
            sums[0] = body.path("total").asLong();
            body.path("items").forEach(p -> {
                sums[1] += p.path("amountGrantedSek").asLong();
                sums[2] += p.path("amountPaidSek").asLong();
            });
            if (body.path("next").isNull() || body.path("next").isMissingNode()) {
                return sums;
            }
            page++;
        }
    }

    private String csv(String path) {
        HttpResponse<byte[]> r = send(client(), HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(new byte[] {r.body()[0], r.body()[1], r.body()[2]}).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        return new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8);
    }

    /** The CSV's lines split into fields (the labels here have no comma; quotes removed). */
    private static List<String[]> lines(String csv) {
        List<String[]> lines = new ArrayList<>();
        for (String l : csv.split("\n")) {
            lines.add(l.replace("\"", "").split(",", -1));
        }
        return lines;
    }
}

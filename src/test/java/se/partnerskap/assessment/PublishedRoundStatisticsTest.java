package se.partnerskap.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round decided and published in the test shows in the statistics: its applications, what they asked for, its
 * grants and the success rates — and not before its decisions are published.
 */
class PublishedRoundStatisticsTest extends AbstractIntegrationTest {

    @Test
    void aPublishedRoundCountsItsApplicationsGrantsAndSuccessRates() {
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        UUID karlstad = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County", "KE",
                "participation", 200_000, "sv");
        UUID aneby = fixtures.submitted(round, fixtures.municipality("0604"), "Open budgets in Lviv", "Lviv oblast", "UA",
                "transparency", 450_000, "en");
        UUID rejected = fixtures.submitted(round, fixtures.region("17"), "Vatten i Moshi", "Moshi", "TZ", "participation",
                300_000, "sv");
        String query = "?per=round&programme=" + AssessmentFixtures.PROGRAMME;
        assertThat(line(csv(query), round.toString())).as("no figures while the decisions are not published").isNull();

        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        decide(officer, aneby, Map.of("outcome", "granted", "amount", "400000"));
        decide(officer, rejected, Map.of("outcome", "rejected", "reasonSv", "Utanför kärnområdena.",
                "reasonEn", "Outside the core areas."));
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM funded_partnership WHERE round_id = ?").param(round).query(Integer.class).single() == 2);

        // group, label, received, applied, grants, granted, paid, rate by count, rate by amount
        String[] figures = line(csv(query), round.toString());
        assertThat(figures).as("the round's row").isNotNull();
        assertThat(Arrays.copyOfRange(figures, 1, figures.length)).containsExactly("Hösten 2026 (bedömningstest)", "3",
                "950000", "2", "600000", "0", "0.6667", "0.6316");
        assertThat(line(csv("?per=country&programme=" + AssessmentFixtures.PROGRAMME + "&country=TZ"), "TZ"))
                .as("Tanzania: one application received, none granted")
                .startsWith("TZ", "Tanzania").contains("0.0000");

        // the same grants in the projects API and its CSV
        String api = get("/api/v1/projects?size=100&programme=" + AssessmentFixtures.PROGRAMME).body();
        assertThat(api).contains("\"title\":{\"sv\":\"Dialog i Kisumu\"}", "\"amountGrantedSek\":200000",
                "\"amountGrantedSek\":400000").doesNotContain("Vatten i Moshi");
        HttpResponse<byte[]> projects = send(client(), HttpRequest.newBuilder(URI.create(url("/api/v1/projects.csv?programme="
                + AssessmentFixtures.PROGRAMME + "&country=UA"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(projects.body(), StandardCharsets.UTF_8)).contains("Open budgets in Lviv", ",UA,", ",400000,");

        String english = get("/en/statistics" + query).body();
        assertThat(english).contains("Autumn 2026 (assessment test)", "SEK\u00a0950,000", "SEK\u00a0600,000", "67%", "63%");
        String swedish = get("/statistik" + query).body();
        assertThat(swedish).contains("Hösten 2026 (bedömningstest)", "950\u00a0000\u00a0kr", "67\u00a0%");
    }

    private String csv(String query) {
        HttpResponse<byte[]> r = send(client(), HttpRequest.newBuilder(URI.create(url("/statistik.csv" + query))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8);
    }

    /** The CSV line of a group, split (no field of these has a comma), or null. */
    private static String[] line(String csv, String group) {
        return Arrays.stream(csv.split("\n")).map(l -> l.replace("\"", "")).filter(l -> l.startsWith(group + ","))
                .findFirst().map(l -> l.split(",", -1)).orElse(null);
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page,
                se.partnerskap.support.DecisionForms.complete(fields)).statusCode()).isEqualTo(302);
    }
}

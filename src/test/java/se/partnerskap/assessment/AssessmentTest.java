package se.partnerskap.assessment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

/** Case officers and reviewers through HTTP, as their browsers would. */
class AssessmentTest extends AbstractIntegrationTest {

    private AssessmentFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(jdbc);
        fixtures.programme();
    }

    private HttpClient officer() {
        return loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
    }

    private HttpClient rut() {
        return loggedInAs(DemoUsers.RUT.email(), DemoUsers.PASSWORD);
    }

    private HttpClient rolf() {
        return loggedInAs(AssessmentFixtures.SECOND_REVIEWER, DemoUsers.PASSWORD);
    }

    private UUID karlstad(UUID round, long requested) {
        return fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County", "KE",
                "participation", requested, "sv");
    }

    private void assign(HttpClient officer, UUID application, String reviewerEmail) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        HttpResponse<String> r = postForm(officer, "/handlaggning/ansokningar/" + application + "/granskare", page,
                Map.of("reviewer", fixtures.userId(reviewerEmail).toString()));
        assertThat(r.statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> declare(HttpClient reviewer, UUID application, String conflict, String reason) {
        String page = get(reviewer, "/granskning/" + application).body();
        return postForm(reviewer, "/granskning/" + application + "/jav", page,
                Map.of("conflict", conflict, "reason", reason));
    }

    private HttpResponse<String> score(HttpClient reviewer, UUID application, int relevance, int feasibility) {
        String page = get(reviewer, "/granskning").body();
        return postForm(reviewer, "/granskning/" + application, page, Map.of(
                "score-relevance", String.valueOf(relevance), "comment-relevance", "Relevant.",
                "score-feasibility", String.valueOf(feasibility), "comment-feasibility", "Rimlig plan."));
    }

    private HttpResponse<String> decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        return postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields));
    }

    @Test
    void aReviewerCannotReachAnApplicationItIsNotAssignedTo() {
        UUID round = fixtures.round(1_000_000);
        UUID mine = karlstad(round, 200_000);
        UUID other = karlstad(round, 300_000);
        assign(officer(), mine, DemoUsers.RUT.email());
        HttpClient rut = rut();
        assertThat(get(rut, "/granskning").body()).contains(fixtures.reference(mine))
                .doesNotContain(fixtures.reference(other));
        assertThat(get(rut, "/granskning/" + mine).statusCode()).isEqualTo(200);
        assertThat(get(rut, "/granskning/" + other).statusCode()).isEqualTo(404);
        assertThat(get(rut, "/en/reviews/" + other).statusCode()).isEqualTo(404);
        assertThat(get(rut, "/granskning/not-an-id").statusCode()).isEqualTo(404);
        String page = get(rut, "/granskning").body();
        assertThat(postForm(rut, "/granskning/" + other + "/jav", page, Map.of("conflict", "no")).statusCode())
                .isEqualTo(404);
        // nor the officers' pages
        assertThat(get(rut, "/handlaggning/ansokningar/" + other).statusCode()).isEqualTo(403);
        assertThat(get(rut, "/handlaggning/omgangar/" + round).statusCode()).isEqualTo(403);
    }

    @Test
    void aDeclaredConflictRemovesTheAssignmentBlocksScoringAndTellsTheOfficer() {
        UUID round = fixtures.round(1_000_000);
        UUID application = karlstad(round, 200_000);
        HttpClient officer = officer();
        assign(officer, application, DemoUsers.RUT.email());
        HttpClient rut = rut();
        // before the declaration the application is not shown and scores are refused
        assertThat(get(rut, "/granskning/" + application).body()).contains("name=\"conflict\"")
                .doesNotContain("Kisumu County");
        assertThat(score(rut, application, 5, 10).statusCode()).isEqualTo(409);
        // a conflict without a reason is refused, with the reason it is recorded
        assertThat(declare(rut, application, "yes", " ").statusCode()).isEqualTo(400);
        assertThat(declare(rut, application, "yes", "Jag arbetade i Karlstads kommun").statusCode()).isEqualTo(302);
        assertThat(get(rut, "/granskning/" + application).statusCode()).isEqualTo(404);
        assertThat(score(rut, application, 5, 10).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM review_score s JOIN review_assignment a ON a.id = s.assignment_id WHERE a.application_id = ?")
                .param(application).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT details->>'reason' FROM audit_entry WHERE action = 'assessment.conflict-declared' AND subject_id = ?")
                .param(application.toString()).query(String.class).single()).isEqualTo("Jag arbetade i Karlstads kommun");
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("Jäv: Rut Åkesson har anmält jäv för "
                + fixtures.reference(application));
        // the officer who assigned the reviewer is told by e-mail
        String reference = fixtures.reference(application);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> mail
                .messagesTo(DemoUsers.OLLE.email()).stream().anyMatch(m -> m.subject().contains(reference)));
        assertThat(mail.messagesTo(DemoUsers.OLLE.email()).stream().filter(m -> m.subject().contains(reference))
                .findFirst().orElseThrow().text()).contains("Jag arbetade i Karlstads kommun")
                .contains("/handlaggning/ansokningar/" + application);
        // and the officer cannot assign the same reviewer again by mistake
        assertThat(get(officer, "/handlaggning/ansokningar/" + application).body())
                .doesNotContain("value=\"" + fixtures.userId(DemoUsers.RUT.email()) + "\"");
    }

    @Test
    void aGrantOverTheBudgetIsRefusedWithoutAnOverrideAndAuditedWithOne() {
        UUID round = fixtures.round(300_000);
        UUID first = karlstad(round, 200_000);
        UUID second = karlstad(round, 200_000);
        HttpClient officer = officer();
        assertThat(decide(officer, first, Map.of("outcome", "granted", "amount", "200 000")).statusCode()).isEqualTo(302);
        // more than asked for is refused whatever the budget
        assertThat(decide(officer, second, Map.of("outcome", "granted", "amount", "250000")).statusCode()).isEqualTo(400);
        // forty nines is a field error too, with what was typed kept
        HttpResponse<String> nines = decide(officer, second, Map.of("outcome", "granted", "amount", "9".repeat(40)));
        assertThat(nines.statusCode()).isEqualTo(400);
        assertThat(nines.body()).contains("Ange beloppet i hela kronor").contains("value=\"" + "9".repeat(40) + "\"");
        HttpResponse<String> over = decide(officer, second, Map.of("outcome", "granted", "amount", "150000"));
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.body()).contains("350\u00a0000\u00a0kr").contains("300\u00a0000\u00a0kr")
                .contains("value=\"150000\"");
        assertThat(jdbc.sql("SELECT count(*) FROM decision WHERE application_id = ?").param(second).query(Integer.class)
                .single()).isZero();
        HttpResponse<String> overridden = decide(officer, second, Map.of("outcome", "granted", "amount", "150000",
                "overrideReason", "Styrelsen har skjutit till medel."));
        assertThat(overridden.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT sum(amount_sek) FROM decision WHERE round_id = ?").param(round).query(Long.class)
                .single()).isEqualTo(350_000L);
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor, details->>'reason' AS reason, details->>'grantedAfter' AS after FROM audit_entry
                WHERE action = 'assessment.budget-override' AND subject_id = ?
                """).param(second.toString()).query().singleRow();
        assertThat(audit).containsEntry("actor", DemoUsers.OLLE.email())
                .containsEntry("reason", "Styrelsen har skjutit till medel.").containsEntry("after", "350000");
        // a rejection needs its reason in both languages
        UUID third = karlstad(round, 100_000);
        assertThat(decide(officer, third, Map.of("outcome", "rejected", "reasonSv", "Utanför kärnområdena."))
                .statusCode()).isEqualTo(400);
        assertThat(decide(officer, third, Map.of("outcome", "rejected", "reasonSv", "Utanför kärnområdena.",
                "reasonEn", "Outside the core areas.")).statusCode()).isEqualTo(302);
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("Beviljat 350\u00a0000\u00a0kr av 300\u00a0000\u00a0kr")
                .contains("Över budget");
    }

    @Test
    void theEligibilityCheckNeedsAReasonForEachFailedPoint() {
        UUID round = fixtures.round(1_000_000);
        UUID application = karlstad(round, 200_000);
        HttpClient officer = officer();
        Map<String, String> fields = new HashMap<>();
        for (String p : new String[] {"applicant", "partner", "country", "amount", "documents", "deadline"}) {
            fields.put("point-" + p, "yes");
        }
        fields.put("point-documents", "no");
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        HttpResponse<String> refused = postForm(officer, "/handlaggning/ansokningar/" + application + "/behorighet",
                page, fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#reason-documents\"");
        fields.put("reason-documents", "Avsiktsförklaringen saknas.");
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/behorighet", page, fields)
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT points->'documents'->>'reason' FROM eligibility_check WHERE application_id = ? AND NOT eligible")
                .param(application).query(String.class).single()).isEqualTo("Avsiktsförklaringen saknas.");
        assertThat(get(officer, "/handlaggning/omgangar/" + round + "?status=ineligible").body())
                .contains(fixtures.reference(application));
        assertThat(get(officer, "/handlaggning/logg?application=" + application).body())
                .contains("assessment.found-ineligible").contains(DemoUsers.OLLE.email());
    }

    @Test
    void theDashboardCountsOneApplicationInTheSingularAndTwoInThePluralInBothLanguages() {
        UUID round = fixtures.round(1_000_000);
        karlstad(round, 200_000);
        HttpClient officer = officer();
        String sv = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(sv).contains("1 ansökan söker totalt 200\u00a0000\u00a0kr.").contains("<caption>1 inskickad ansökan</caption>");
        String en = get(officer, "/en/assessment/rounds/" + round).body();
        assertThat(en).contains("1 application requests SEK\u00a0200,000 in total.")
                .contains("<caption>1 submitted application</caption>");
        karlstad(round, 300_000);
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body())
                .contains("2 ansökningar söker totalt 500\u00a0000\u00a0kr.").contains("<caption>2 inskickade ansökningar</caption>");
        assertThat(get(officer, "/en/assessment/rounds/" + round).body())
                .contains("2 applications request SEK\u00a0500,000 in total.").contains("<caption>2 submitted applications</caption>");
    }

    @Test
    void theDashboardFiltersAndTheExcelExportHasItsRows() throws IOException {
        UUID round = fixtures.round(1_000_000);
        UUID karlstad = karlstad(round, 200_000);
        UUID region = fixtures.submitted(round, fixtures.region("17"), "Vatten i Lviv", "Lviv oblast", "UA",
                "transparency", 400_000, "en");
        UUID pitea = fixtures.submitted(round, fixtures.municipality("2581"), "Skola i Arusha", "Arusha", "TZ",
                "participation", 250_000, "sv");
        HttpClient officer = officer();
        String all = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(all).contains(fixtures.reference(karlstad), fixtures.reference(region), fixtures.reference(pitea))
                .contains("850\u00a0000\u00a0kr").contains("1\u00a0000\u00a0000\u00a0kr");
        String ukraine = get(officer, "/handlaggning/omgangar/" + round + "?country=UA").body();
        assertThat(ukraine).contains(fixtures.reference(region)).doesNotContain(fixtures.reference(karlstad));
        String regions = get(officer, "/handlaggning/omgangar/" + round + "?applicantType=region").body();
        assertThat(regions).contains(fixtures.reference(region)).doesNotContain(fixtures.reference(pitea));
        String norrbotten = get(officer, "/handlaggning/omgangar/" + round + "?region=25").body();
        assertThat(norrbotten).contains(fixtures.reference(pitea)).doesNotContain(fixtures.reference(karlstad));
        String participation = get(officer, "/handlaggning/omgangar/" + round + "?coreArea=participation").body();
        assertThat(participation).contains(fixtures.reference(pitea)).doesNotContain(fixtures.reference(region));

        HttpResponse<byte[]> xlsx = bytes(officer, "/handlaggning/omgangar/" + round + "/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        Workbooks book = Workbooks.read(xlsx.body());
        var rows = book.first();
        // a title above the headings, which stay when scrolling, then the three applications
        assertThat(book.title()).startsWith("Ansökningar i ");
        assertThat(Workbooks.texts(rows, 0).getFirst()).isEqualTo(book.title());
        assertThat(book.frozenRows(1)).isEqualTo(2);
        assertThat(Workbooks.texts(rows, 1)).startsWith("Diarienummer", "Titel", "Sökande", "Typ", "Län/region", "Land",
                "Kärnområden", "Sökt belopp", "Inskickad");
        assertThat(rows).hasSize(5);
        int regionRow = java.util.stream.IntStream.range(2, 5)
                .filter(r -> Workbooks.texts(rows, r).getFirst().equals(fixtures.reference(region))).findFirst().orElseThrow();
        // names, not codes: the region's, the country's and the core area's
        assertThat(Workbooks.texts(rows, regionRow)).contains("Vatten i Lviv", "Region Värmland", "Ukraina",
                "Transparens och insynsmöjligheter");
        assertThat(Workbooks.cell(rows, regionRow, 7).asNumber()).isEqualByComparingTo("400000");
        var submitted = Workbooks.cell(rows, regionRow, 8);
        assertThat(submitted.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        assertThat(submitted.getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(submitted.asDate().toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 10, 14));
        // in English the country and core area are named in English
        var en = Workbooks.read(bytes(officer, "/en/assessment/rounds/" + round + "/export.xlsx?country=UA").body()).first();
        assertThat(en).hasSize(3);
        assertThat(Workbooks.texts(en, 1)).startsWith("Reference");
        assertThat(Workbooks.texts(en, 2)).contains("Ukraine", "Transparency");
    }

    @Test
    void theRankingShowsTheWeightedScoresOfAllReviewsAndScoresStayHiddenUntilOwnIsSubmitted() {
        UUID round = fixtures.round(1_000_000);
        UUID twoReviews = karlstad(round, 200_000);
        UUID best = fixtures.submitted(round, fixtures.municipality("2581"), "Skola i Arusha", "Arusha", "TZ",
                "participation", 250_000, "sv");
        UUID unreviewed = karlstad(round, 100_000);
        HttpClient officer = officer();
        assign(officer, twoReviews, DemoUsers.RUT.email());
        assign(officer, twoReviews, AssessmentFixtures.SECOND_REVIEWER);
        assign(officer, best, DemoUsers.RUT.email());
        HttpClient rut = rut();
        HttpClient rolf = rolf();
        assertThat(declare(rut, twoReviews, "no", "").statusCode()).isEqualTo(302);
        assertThat(declare(rolf, twoReviews, "no", "").statusCode()).isEqualTo(302);
        assertThat(declare(rut, best, "no", "").statusCode()).isEqualTo(302);
        // out of scale is refused
        assertThat(score(rut, twoReviews, 6, 0).statusCode()).isEqualTo(400);
        // Rut: relevance 5/5 × 3, feasibility 0/10 × 1 → 75.0
        assertThat(score(rut, twoReviews, 5, 0).statusCode()).isEqualTo(302);
        // Rolf has not submitted: Rut's comments and scores are hidden from him
        assertThat(get(rolf, "/granskning/" + twoReviews).body()).doesNotContain("Rut Åkesson").doesNotContain("75,0");
        // Rolf: relevance 1/5 × 3, feasibility 10/10 × 1 → 40.0
        assertThat(score(rolf, twoReviews, 1, 10).statusCode()).isEqualTo(302);
        assertThat(get(rolf, "/granskning/" + twoReviews).body()).contains("Rut Åkesson: viktat betyg 75,0")
                .contains("Din granskning: viktat betyg 40,0");
        // a submitted review cannot be scored again
        assertThat(score(rolf, twoReviews, 5, 10).statusCode()).isEqualTo(409);
        assertThat(score(rut, best, 5, 10).statusCode()).isEqualTo(302);

        String ranking = get(officer, "/handlaggning/omgangar/" + round + "/rangordning").body();
        Matcher rows = Pattern.compile("<tr class=\"ranking-row\">.*?<a href=\"[^\"]+\">([^<]+)</a>.*?<td class=\"score\">([^<]+)</td>",
                Pattern.DOTALL).matcher(ranking);
        StringBuilder order = new StringBuilder();
        while (rows.find()) {
            order.append(rows.group(1)).append('=').append(rows.group(2)).append(';');
        }
        assertThat(order.toString()).isEqualTo(fixtures.reference(best) + "=100,0;" + fixtures.reference(twoReviews)
                + "=57,5;" + fixtures.reference(unreviewed) + "=Inte granskad;");
    }

    private HttpResponse<byte[]> bytes(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package se.partnerskap.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's page of an application after it was sent: the decision letter once the round is
 * published, the agreement once the project exists, and the history in the reader's language and in
 * Stockholm time; members of a co-applicant organisation read it but cannot change it, anyone else gets 404
 * at every address. And the approved budget per line the officer sets when less is granted.
 */
class ApplicantPortalTest extends AbstractIntegrationTest {

    static final String OUTSIDER = "otto.outsider@umea.demo.example";

    private AssessmentFixtures fixtures;
    private UUID round;
    private UUID application;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(jdbc);
        round = fixtures.round(1_000_000);
        application = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County", "KE",
                "participation", 300_000, "sv");
        budget(application);
        // Piteå applies with Karlstad
        jdbc.sql("""
                INSERT INTO application_section (application_id, section_key, answers, state, version)
                VALUES (?, 'applicant', jsonb_build_object('coApplicants', jsonb_build_array(?::text)), 'completed', 1)
                """).params(application, fixtures.municipality("2581").toString()).update();
        Timestamp submitted = Timestamp.from(AssessmentFixtures.DEADLINE.minusSeconds(86_400));
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, action, subject_type, subject_id, details)
                VALUES (?, 'anna@example.org', 'application.submitted', 'application', ?, '{}'::jsonb)
                """).params(submitted, application.toString()).update();
        outsider();
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
    }

    /** 172 394 + 85 000 + 42 606 = 300 000 kr over three lines, all of it requested. */
    private void budget(UUID id) {
        jdbc.sql("UPDATE application_section SET answers = ?::jsonb WHERE application_id = ? AND section_key = 'budget'")
                .params("{\"requested\": [\"300000\"],"
                        + " \"line1Category\": [\"travel\"], \"line1Description\": [\"Resor till Kisumu\"], \"line1Party\": [\"swedish\"], \"line1Amount\": [\"172394\"],"
                        + " \"line2Category\": [\"salaries\"], \"line2Description\": [\"Arbetstid\"], \"line2Party\": [\"swedish\"], \"line2Amount\": [\"85000\"],"
                        + " \"line3Category\": [\"meetings\"], \"line3Description\": [\"Möten\"], \"line3Party\": [\"partner\"], \"line3Amount\": [\"42606\"]}",
                        id).update();
    }

    /** An applicant of Umeå, which has nothing to do with the application. */
    private void outsider() {
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, language, enabled, activated_at, created_at)
                SELECT ?, ?, 'Otto Utomstående', password_hash, 'sv', true, now(), now() FROM app_user WHERE email = ?
                ON CONFLICT DO NOTHING
                """).params(UUID.randomUUID(), OUTSIDER, DemoUsers.PER.email()).update();
        jdbc.sql("INSERT INTO user_role (user_id, role) SELECT id, 'APPLICANT' FROM app_user WHERE email = ? ON CONFLICT DO NOTHING")
                .param(OUTSIDER).update();
        jdbc.sql("""
                INSERT INTO membership (user_id, organisation_id) SELECT u.id, ? FROM app_user u WHERE u.email = ?
                ON CONFLICT DO NOTHING
                """).params(fixtures.municipality("2480"), OUTSIDER).update();
    }

    @Test
    void theLetterTheAgreementAndTheHistoryAreOnTheApplicantsPageOnceTheDecisionIsPublished() throws Exception {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String base = "/ansokningar/" + application;
        // decided at 23:30 UTC on 30 November: 1 December in Stockholm
        clock.set(Instant.parse("2026-11-30T23:30:00Z"));
        decide(officer, Map.of("outcome", "granted", "amount", "200000"));

        // decided but not published: the applicant sees neither the decision nor its letter
        String before = page(anna, base);
        assertThat(before).contains("Beslut och avtal").contains("Beslutsbrevet visas här när beslutet har meddelats")
                .contains("Ansökan skickades in").doesNotContain("Beslut: beviljas").doesNotContain("beslutsbrev.pdf");
        assertThat(bytes(anna, base + "/beslutsbrev.pdf").statusCode()).isEqualTo(404);
        assertThat(bytes(anna, base + "/avtal.pdf").statusCode()).isEqualTo(404);

        publish(officer);
        String page = page(anna, base);
        assertThat(page).contains("href=\"" + base + "/beslutsbrev.pdf\"").contains("Beslutsbrev (PDF)")
                .contains("href=\"" + base + "/avtal.pdf\"").contains("Avtal (PDF)")
                .contains("Beslut: beviljas 200 000 kr").contains("1 december 2026 00:30")
                .contains("Projektet upprättades");
        assertThat(text(bytes(anna, base + "/beslutsbrev.pdf"))).contains("Karlstad").contains("200 000 kr")
                .contains("Beviljas");
        assertThat(text(bytes(anna, base + "/avtal.pdf"))).contains("Avtal om bidrag").contains("Dialog i Kisumu");

        String en = page(anna, "/en/applications/" + application);
        assertThat(en).contains("Decision and agreement").contains("href=\"/en/applications/" + application + "/beslutsbrev.pdf\"")
                .contains("Decision: granted SEK 200,000").contains("The application was submitted")
                .contains("1 December 2026 00:30").contains("The project was set up");
        assertThat(text(bytes(anna, "/en/applications/" + application + "/avtal.pdf"))).contains("Grant agreement");

        // the agreement accepted and countersigned shows in the history, and then as signed
        String key = "decision:" + application;
        String projectPage = page(anna, "/mina-projekt/" + key);
        assertThat(postForm(anna, "/mina-projekt/" + key + "/avtal", projectPage,
                Map.of("signatoryName", "Eva Ek", "signatoryRole", "Kommundirektör", "signatoryPlace", "Karlstad"))
                .statusCode()).isEqualTo(302);
        String followUp = page(officer, "/uppfoljning/projekt/" + key);
        assertThat(postForm(officer, "/uppfoljning/projekt/" + key + "/kontrasignera", followUp, Map.of("countersignName", "Olle Bergström",
                "countersignRole", "Handläggare", "countersignPlace", "Visby")).statusCode())
                .isEqualTo(302);
        assertThat(page(anna, base)).contains("Undertecknat avtal (PDF)").contains("Avtalet godkändes")
                .contains("Avtalet kontrasignerades");
    }

    @Test
    void aCoApplicantReadsTheApplicationButCannotChangeItAndAnyoneElseGets404Everywhere() throws Exception {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, Map.of("outcome", "granted", "amount", "200000"));
        publish(officer);
        String base = "/ansokningar/" + application;
        String en = "/en/applications/" + application;

        HttpClient per = loggedInAs(DemoUsers.PER.email(), DemoUsers.PASSWORD);
        assertThat(page(per, "/ansokningar")).contains("Dialog i Kisumu");
        String page = page(per, base);
        assertThat(page).contains("Er organisation är medsökande").contains("Beslutsbrev (PDF)").contains("Avtal (PDF)")
                .doesNotContain("skicka-in");
        assertThat(page(per, base + "/granska")).contains("Er organisation är medsökande").contains("Resor till Kisumu")
                .doesNotContain(">Ändra<span");
        assertThat(text(bytes(per, base + "/beslutsbrev.pdf"))).contains("200 000 kr");
        assertThat(bytes(per, en + "/avtal.pdf").statusCode()).isEqualTo(200);
        // the forms are the lead's: a co-applicant is shown the answers, and its changes are refused
        HttpResponse<String> section = get(per, base + "/budget");
        assertThat(section.statusCode()).isEqualTo(302);
        assertThat(section.headers().firstValue("Location").orElseThrow()).contains(base + "/granska#check-budget");
        assertThat(postForm(per, base + "/budget", page, Map.of("requested", "1", "version", "1")).statusCode())
                .isEqualTo(404);
        assertThat(postForm(per, base + "/aterkalla", page, Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT answers->'requested'->>0 FROM application_section WHERE application_id = ? AND section_key = 'budget'")
                .param(application).query(String.class).single()).isEqualTo("300000");

        HttpClient otto = loggedInAs(OUTSIDER, DemoUsers.PASSWORD);
        assertThat(page(otto, "/ansokningar")).doesNotContain("Dialog i Kisumu");
        for (String path : List.of(base, en, base + "/beslutsbrev.pdf", en + "/beslutsbrev.pdf", base + "/avtal.pdf",
                en + "/avtal.pdf", base + "/granska", en + "/check-answers", base + "/budget", base + "/kvitto.pdf",
                "/ansokningar/" + UUID.randomUUID() + "/beslutsbrev.pdf", "/ansokningar/not-an-id/avtal.pdf")) {
            HttpResponse<byte[]> r = bytes(otto, path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).as(path)
                    .doesNotContain("Dialog i Kisumu");
        }
    }

    // --- the approved budget per line (point 14) ------------------------------------------------------

    @Test
    void whenLessIsGrantedTheOfficerSetsTheBudgetPerLineFromAProposalInWholeHundredsThatAddsUpToTheGrant() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String path = "/handlaggning/ansokningar/" + application;
        String form = page(officer, path);
        assertThat(form).contains("Godkänd budget per rad").contains("172 394 kr").contains("id=\"line1\"");

        // the proposal for 123 456 kr: each line in whole hundreds, the odd 56 kr on the largest line
        HttpResponse<String> proposal = postForm(officer, path + "/beslut", form,
                Map.of("outcome", "granted", "amount", "123456", "propose", "yes"));
        assertThat(proposal.statusCode()).isEqualTo(200);
        assertThat(html(proposal)).contains("name=\"line1\" value=\"70956\"").contains("name=\"line2\" value=\"35000\"")
                .contains("name=\"line3\" value=\"17500\"").contains("value=\"123456\"");
        assertThat(decisionCount()).isZero();

        // lines that do not add up to the grant are refused, with what was typed kept
        HttpResponse<String> wrong = postForm(officer, path + "/beslut", form, Map.of("outcome", "granted",
                "amount", "200000", "line1", "120000", "line2", "50000", "line3", "20000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(html(wrong)).contains("error-summary").contains("href=\"#lines\"")
                .contains("Budgetraderna ska tillsammans bli exakt det beviljade beloppet")
                .contains("name=\"line3\" value=\"20000\"").contains("190 000 kr");
        HttpResponse<String> notKronor = postForm(officer, path + "/beslut", form, Map.of("outcome", "granted",
                "amount", "200000", "line1", "120000", "line2", "femtio", "line3", "30000"));
        assertThat(notKronor.statusCode()).isEqualTo(400);
        assertThat(html(notKronor)).contains("href=\"#line2\"").contains("name=\"line2\" value=\"femtio\"");
        HttpResponse<String> english = postForm(officer, "/en/assessment/applications/" + application + "/beslut", form,
                Map.of("outcome", "granted", "amount", "200000", "line1", "1", "line2", "2", "line3", "3"));
        assertThat(html(english)).contains("The budget lines must add up to the amount granted exactly");
        assertThat(decisionCount()).isZero();

        // the officer's own lines are kept and shown again
        assertThat(postForm(officer, path + "/beslut", form, se.partnerskap.support.DecisionForms.complete(Map.of(
                "outcome", "granted", "amount", "200000", "line1", "120 000", "line2", "50000", "line3", "30000")))
                .statusCode()).isEqualTo(302);
        assertThat(lines()).containsExactly(120_000L, 50_000L, 30_000L);
        assertThat(page(officer, path)).contains("name=\"line1\" value=\"120000\"");

        // and they are the project's approved budget once published
        publish(officer);
        UUID project = jdbc.sql("SELECT id FROM funded_partnership WHERE key = ?").param("decision:" + application)
                .query(UUID.class).single();
        assertThat(jdbc.sql("SELECT approved_sek FROM project_budget_line WHERE funded_partnership_id = ? ORDER BY position")
                .param(project).query(Long.class).list()).containsExactly(120_000L, 50_000L, 30_000L);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        assertThat(page(anna, "/mina-projekt/decision:" + application)).contains("120 000")
                .contains("Den godkända budgeten per rad fastställdes i beslutet");
    }

    @Test
    void linesLeftEmptyShareTheGrantInProportionInWholeHundreds() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, Map.of("outcome", "granted", "amount", "200000"));
        // 114 929.33 → 114 900, 56 666.67 → 56 700, 28 404 → 28 400: 200 000 exactly
        assertThat(lines()).containsExactly(114_900L, 56_700L, 28_400L);
        // a rejection keeps no lines
        decide(officer, Map.of("outcome", "rejected", "reasonSv", "Nej", "reasonEn", "No"));
        assertThat(lines()).isEmpty();
    }

    private long decisionCount() {
        return jdbc.sql("SELECT count(*) FROM decision WHERE application_id = ?").param(application).query(Long.class)
                .single();
    }

    private List<Long> lines() {
        return jdbc.sql("SELECT approved_sek FROM decision_budget_line WHERE application_id = ? ORDER BY position")
                .param(application).query(Long.class).list();
    }

    private void decide(HttpClient officer, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields)).statusCode())
                .isEqualTo(302);
    }

    private void publish(HttpClient officer) {
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM project_agreement a JOIN funded_partnership f ON f.id = a.funded_partnership_id
                WHERE f.key = ?
                """).param("decision:" + application).query(Integer.class).single() > 0);
    }

    private static String html(HttpResponse<String> r) {
        return r.body().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private String page(HttpClient client, String path) {
        HttpResponse<String> r = get(client, path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private HttpResponse<byte[]> bytes(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> pdf) throws Exception {
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }
}

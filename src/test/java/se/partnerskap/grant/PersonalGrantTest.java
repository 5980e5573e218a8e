package se.partnerskap.grant;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant to a person, once the call's decisions are published, is followed up on the grantee's page: she accepts,
 * an officer records the lump sum paid, she sends her field report and her thesis. The public page lists her only
 * after she accepted and only because she consented; a grantee who did not consent is not listed.
 */
class PersonalGrantTest extends AbstractIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    UUID call;

    @BeforeEach
    void decidedCall() {
        call = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, max_amount_sek,
                                   budget_sek, questions)
                VALUES (?, 'resestipendium', ?, 'Resestipendium (beslut)', 'Fieldwork grant (decided)', ?, ?, 'published',
                        20000, 200000, '[]'::jsonb)
                """).params(call, "fieldwork-decided-" + call, Timestamp.from(Instant.now().minus(Duration.ofDays(60))),
                Timestamp.from(Instant.now().minus(Duration.ofDays(30)))).update();
    }

    @AfterEach
    void noneListed() {
        jdbc.sql("UPDATE personal_grant SET listing_consent = false WHERE round_id = ?").param(call).update();
    }

    private UUID student(String email, String name) {
        return selfRegistered(email, name);
    }

    /** A submitted application of the student on the form's latest version, granted 18 000 kr. */
    private UUID granted(UUID student, String title, String consent) {
        UUID id = UUID.randomUUID();
        int version = jdbc.sql("SELECT max(version) FROM programme_form WHERE programme_key = 'resestipendium'")
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, form_version, component_key, applicant_user_id,
                                         status, title, reference, created_by, created_at, updated_at, submitted_at)
                VALUES (?, ?, 'resestipendium', ?, 'fieldwork', ?, 'submitted', ?, ?, 'test', now(), now(), now())
                """).params(id, call, version, student, title, "R-TEST-" + id.toString().substring(0, 8)).update();
        Map<String, String> sections = Map.of(
                "studies", "{\"q.university\": [\"Lunds universitet\"]}",
                "fieldwork", "{\"q.country\": [\"ZM\"], \"q.place\": [\"Lusaka\"]}",
                "declaration", "{\"q.listing\": [\"" + consent + "\"]}");
        sections.forEach((key, answers) -> jdbc.sql("""
                INSERT INTO application_section (application_id, section_key, answers, state, version)
                VALUES (?, ?, ?::jsonb, 'completed', 1)
                """).params(id, key, answers).update());
        jdbc.sql("""
                INSERT INTO decision (application_id, round_id, outcome, amount_sek, decided_by, decided_at)
                VALUES (?, ?, 'granted', 18000, 'test', now() - interval '1 day')
                """).params(id, call).update();
        return id;
    }

    private void publish(List<UUID> decisions) {
        tx.executeWithoutResult(s -> events.publishEvent(new RoundPublished(call, Instant.now(), decisions)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM personal_grant WHERE round_id = ?").param(call).query(Integer.class).single()
                == decisions.size());
    }

    @Test
    void theGranteeAcceptsIsPaidReportsAndSendsTheThesisAndIsListedOnlyWithHerConsent() {
        String email = "grantee-" + call + "@student.example";
        UUID me = student(email, "Greta Grantee");
        UUID mine = granted(me, "Lokala val i Zambia", "yes");
        String otherEmail = "private-" + call + "@student.example";
        UUID other = student(otherEmail, "Pia Privat");
        UUID theirs = granted(other, "Ett tyst fältarbete", "no");
        publish(List.of(mine, theirs));
        assertThat(jdbc.sql("SELECT count(*) FROM funded_partnership WHERE key = ?").param("decision:" + mine)
                .query(Integer.class).single()).as("no partnership of a grant to a person").isZero();

        HttpClient greta = loggedInAs(email, PERSON_PASSWORD);
        String page = get(greta, "/mina-stipendier").body();
        assertThat(page).contains("Lokala val i Zambia").contains("18\u00a0000\u00a0kr").contains("Zambia")
                .contains("Tacka ja till stipendiet");
        assertThat(get("/resestipendium").body()).as("listed only once accepted").doesNotContain("Greta Grantee");

        // someone else's grant is not found, whatever she tries
        HttpClient pia = loggedInAs(otherEmail, PERSON_PASSWORD);
        assertThat(postForm(pia, "/mina-stipendier/" + mine + "/tacka-ja", get(pia, "/mina-stipendier").body(), Map.of())
                .statusCode()).isEqualTo(404);

        assertThat(postForm(greta, "/mina-stipendier/" + mine + "/tacka-ja", page, Map.of()).statusCode()).isEqualTo(302);
        assertThat(postForm(pia, "/mina-stipendier/" + theirs + "/tacka-ja", get(pia, "/mina-stipendier").body(), Map.of())
                .statusCode()).isEqualTo(302);
        String listed = get("/resestipendium").body();
        assertThat(listed).contains("Greta Grantee").contains("Lunds universitet").contains("Lokala val i Zambia")
                .doesNotContain("Pia Privat").doesNotContain("Ett tyst fältarbete").doesNotContain(email);
        assertThat(get("/en/fieldwork-grant").body()).contains("Grantees").contains("Greta Grantee");

        // the field report waits for the payment, which an officer records
        assertThat(get(greta, "/mina-stipendier").body()).contains("betalas ut som en klumpsumma")
                .doesNotContain("name=\"report\"");
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String officers = get(olle, "/uppfoljning/stipendier").body();
        assertThat(officers).contains("Greta Grantee").contains("Registrera utbetalt till Greta Grantee");
        assertThat(postForm(olle, "/uppfoljning/stipendier/" + mine + "/utbetald", officers, Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT paid_by FROM personal_grant WHERE application_id = ?").param(mine)
                .query(String.class).single()).isEqualTo(DemoUsers.OLLE.email());
        assertThat(get(greta, "/uppfoljning/stipendier").statusCode()).isEqualTo(403);

        String reportPage = get(greta, "/mina-stipendier").body();
        HttpResponse<String> blank = postForm(greta, "/mina-stipendier/" + mine + "/faltrapport", reportPage,
                Map.of("report", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("error-summary").contains("Skriv fältrapporten");
        assertThat(postForm(greta, "/mina-stipendier/" + mine + "/faltrapport", reportPage,
                Map.of("report", "Sex veckor i Lusaka med intervjuer i tre stadsdelar.")).statusCode()).isEqualTo(302);
        assertThat(get(olle, "/uppfoljning/stipendier").body()).contains("Sex veckor i Lusaka");

        String thesisPage = get(greta, "/mina-stipendier").body();
        assertThat(thesisPage).contains("Uppsatsen som PDF");
        HttpResponse<String> notPdf = upload(greta, "/mina-stipendier/" + mine + "/uppsats", csrf(thesisPage), "uppsats.pdf",
                "inte en pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(notPdf.body()).contains("error-summary");
        assertThat(upload(greta, "/mina-stipendier/" + mine + "/uppsats", csrf(thesisPage), "uppsats.pdf", pdf()).statusCode())
                .isEqualTo(302);
        assertThat(get(greta, "/mina-stipendier").body()).contains("Klart: fältrapporten och uppsatsen är skickade");
        HttpResponse<String> thesis = get(olle, "/uppfoljning/stipendier/" + mine + "/uppsats.pdf");
        assertThat(thesis.statusCode()).isEqualTo(200);
        assertThat(thesis.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action LIKE 'personal-grant.%'")
                .param(mine.toString()).query(Integer.class).single()).as("recorded, accepted, paid, reported, thesis")
                .isEqualTo(5);
    }

    private static byte[] pdf() {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

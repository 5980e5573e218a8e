package se.partnerskap.application;

import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.SubmitResult;
import se.partnerskap.application.internal.Submissions;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme's application form is data: a programme whose form is sections of typed questions is filled in,
 * checked, named and submitted through the same engine as the municipal partnership, a draft keeps the version
 * of the form it was started on, and the submission keeps the definition it was filled against.
 */
class FormAsDataTest extends ApplicationFixtures {

    static final String PROGRAMME = "formulartest";

    /** Version 2: the applicant block of the partnership, then two sections of questions the definition asks. */
    static final String FORM = """
            {"sections": [
              {"key": "applicant", "kind": "applicant", "slug": {"sv": "sokande", "en": "applicant"},
               "title": {"sv": "Sökande organisation", "en": "Applicant organisation"}},
              {"key": "project", "kind": "questions", "slug": {"sv": "projektet", "en": "the-project"},
               "title": {"sv": "Projektet i korthet", "en": "The project in brief"},
               "intro": {"sv": "Vad ni vill göra.", "en": "What you want to do."},
               "questions": [
                 {"key": "title", "type": "short-text", "required": true, "labelSv": "Projektets namn", "labelEn": "Name of the project", "maxLength": 80},
                 {"key": "summary", "type": "long-text", "required": true, "labelSv": "Sammanfattning", "labelEn": "Summary", "maxLength": 40},
                 {"key": "starts", "type": "date", "required": false, "labelSv": "Startdatum", "labelEn": "Start date"},
                 {"key": "cost", "type": "amount", "required": true, "labelSv": "Vad kostar det?", "labelEn": "What does it cost?"}]},
              {"key": "confirm", "kind": "questions", "roundQuestions": true, "slug": {"sv": "intyg", "en": "declaration"},
               "title": {"sv": "Intyg", "en": "Declaration"},
               "questions": [
                 {"key": "correct", "type": "declaration", "required": true, "labelSv": "Uppgifterna stämmer", "labelEn": "The information is correct"}]}
            ]}
            """;

    @Autowired
    Applications applications;

    @Autowired
    Submissions submissions;

    UUID round;

    @BeforeEach
    void programmeOnTwoVersions() {
        jdbc.sql("""
                INSERT INTO programme (key, name_sv, name_en) VALUES (?, 'Formulärtest', 'Form test') ON CONFLICT DO NOTHING
                """).param(PROGRAMME).update();
        for (String[] t : List.of(new String[] {"component", "key, position, name_sv, name_en, description_sv, description_en, min_years, max_years, outside_rounds, max_partners"},
                new String[] {"programme_applicant_kind", "kind"}, new String[] {"core_area", "key, position, name_sv, name_en"},
                new String[] {"programme_form", "version, definition"})) {
            jdbc.sql("INSERT INTO " + t[0] + " (programme_key, " + t[1] + ") SELECT ?, " + t[1] + " FROM " + t[0]
                    + " WHERE programme_key = 'kommunala-partnerskap' ON CONFLICT DO NOTHING").param(PROGRAMME).update();
        }
        round = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, ?, ?, 'Formulärtestomgång', 'Form test round', ?, ?, 'open', '[]'::jsonb)
                """).params(round, PROGRAMME, "formtest-" + round, Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                Timestamp.from(Instant.now().plus(Duration.ofDays(5)))).update();
        jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, 'KE')").param(round).update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, ?, 'inception')")
                .params(round, PROGRAMME).update();
    }

    /** Its submissions stay (they are never changed); its round closes, so that no page lists it as open. */
    @org.junit.jupiter.api.AfterEach
    void closeRound() {
        jdbc.sql("UPDATE round SET closes_at = now() - interval '1 minute' WHERE id = ?").param(round).update();
    }

    private void secondVersion() {
        jdbc.sql("""
                INSERT INTO programme_form (programme_key, version, definition, created_by)
                SELECT ?, coalesce(max(version), 0) + 1, ?::jsonb, 'test' FROM programme_form WHERE programme_key = ?
                """).params(PROGRAMME, FORM, PROGRAMME).update();
    }

    private UUID start() {
        UUID anna = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(DemoUsers.ANNA.email()).query(UUID.class).single();
        return applications.start(anna, DemoUsers.ANNA.email(), organisation("1780"), round, "inception");
    }

    @Test
    void aFormOfQuestionsIsFilledInCheckedNamedAndSubmittedAndADraftKeepsItsVersion() {
        UUID before = start(); // on the partnership's form, the programme's only version so far
        secondVersion();
        UUID id = start();
        HttpClient anna = anna();

        String list = get(anna, "/ansokningar/" + id).body();
        assertThat(list).contains("Sökande organisation").contains("Projektet i korthet").contains("Intyg")
                .doesNotContain("Partnerorganisationer").contains("/ansokningar/" + id + "/projektet");
        assertThat(get(anna, "/ansokningar/" + before).body()).as("the earlier draft keeps its version")
                .contains("Partnerorganisationer").doesNotContain("Projektet i korthet");
        assertThat(get(anna, "/ansokningar/" + before + "/projektet").statusCode()).isEqualTo(404);

        String path = "/ansokningar/" + id + "/projektet";
        String form = get(anna, path).body();
        assertThat(form).contains("<h1>Projektet i korthet</h1>").contains("Vad ni vill göra.").contains("Projektets namn")
                .contains("Vad kostar det?").contains("hreflang=\"en\" href=\"/en/applications/" + id + "/the-project\"");
        var refused = postForm(anna, path, form, Map.of("version", "0", "q.title", "Unga i Kisumu",
                "q.summary", "En sammanfattning som är längre än fyrtio tecken", "q.starts", "2027-02-30", "q.cost", "-5"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary").contains("Högst 40 tecken")
                .contains("Skriv ett datum som ÅÅÅÅ-MM-DD").contains("En sammanfattning som är längre än fyrtio tecken");
        assertThat(section(id, "project").get("version")).isEqualTo(0);

        var saved = postForm(anna, path, form, Map.of("version", "0", "q.title", "Unga i Kisumu",
                "q.summary", "Unga styr budgeten", "q.starts", "2027-03-01", "q.cost", "45 000"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(section(id, "project").get("state")).isEqualTo("completed");
        assertThat(jdbc.sql("SELECT title FROM application WHERE id = ?").param(id).query(String.class).single())
                .as("the question keyed title names the application").isEqualTo("Unga i Kisumu");

        String english = get(anna, "/en/applications/" + id + "/the-project").body();
        assertThat(english).contains("<h1>The project in brief</h1>").contains("Name of the project")
                .contains("hreflang=\"sv\" href=\"/ansokningar/" + id + "/projektet\"");
        String check = get(anna, "/en/applications/" + id + "/check-answers").body();
        assertThat(check).contains("The project in brief").contains("Summary").contains("Unga styr budgeten")
                .contains("Declaration");
        assertThat(get(anna, "/ansokningar/" + id + "/granska").body()).contains("Vad kostar det?").contains("45\u00a0000\u00a0kr");

        String confirm = get(anna, "/ansokningar/" + id + "/intyg").body();
        assertThat(postForm(anna, "/ansokningar/" + id + "/intyg", confirm, Map.of("version", "0", "q.correct", "yes"))
                .statusCode()).isEqualTo(302);
        String applicant = get(anna, "/ansokningar/" + id + "/sokande").body();
        assertThat(postForm(anna, "/ansokningar/" + id + "/sokande", applicant, Map.of("version", "0",
                "contactName", "Anna Lindqvist", "contactEmail", "anna@karlstad.example")).statusCode()).isEqualTo(302);

        UUID me = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(DemoUsers.ANNA.email()).query(UUID.class).single();
        SubmitResult result = submissions.submit(id, me, DemoUsers.ANNA.email(), UUID.randomUUID().toString(), true,
                Language.SV);
        assertThat(result).isInstanceOf(SubmitResult.Submitted.class);
        assertThat(jdbc.sql("SELECT snapshot -> 'form' ->> 'version' FROM submission WHERE application_id = ?").param(id)
                .query(String.class).single()).as("the version it was filled in on").isEqualTo("2");
        String snapshot = jdbc.sql("SELECT snapshot::text FROM submission WHERE application_id = ?").param(id)
                .query(String.class).single();
        assertThat(snapshot).as("the definition it was filled against").contains("Projektet i korthet").contains("The project in brief").contains("Vad kostar det?")
                .contains("Unga styr budgeten");
    }
}

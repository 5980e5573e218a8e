package se.partnerskap.application;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student applies for the fieldwork grant herself, on the programme's form of data: starts from her
 * applications page without any organisation, fills in every section (the five weeks and the budget's ceiling
 * checked as she saves), attaches her CV and submits; nobody else can open her application.
 */
class FieldworkApplicationTest extends ApplicationFixtures {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    UUID call;

    @BeforeEach
    void openCall() {
        call = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, max_amount_sek,
                                   budget_sek, questions)
                VALUES (?, 'resestipendium', ?, 'Resestipendium (test)', 'Fieldwork grant (test)', ?, ?, 'open', 20000,
                        200000, '[]'::jsonb)
                """).params(call, "fieldwork-" + call, Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                Timestamp.from(Instant.now().plus(Duration.ofDays(5)))).update();
        jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, 'KE'), (?, 'ZM')").params(call, call).update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, 'resestipendium', 'fieldwork')")
                .param(call).update();
    }

    /** Its submissions stay; the call closes, so that the public pages do not show it as open. */
    @AfterEach
    void closeCall() {
        jdbc.sql("UPDATE round SET closes_at = now() - interval '1 minute' WHERE id = ?").param(call).update();
    }

    private HttpClient student(String email) {
        selfRegistered(email, "Siri Student");
        return loggedInAs(email, PERSON_PASSWORD);
    }

    private void save(HttpClient client, String path, Map<String, String> fields) {
        HttpResponse<String> r = postForm(client, path, get(client, path).body(), fields);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(302);
    }

    @Test
    void aStudentAppliesHerselfAndTheFormsRulesAreChecked() {
        String email = "siri-" + call + "@student.example";
        HttpClient siri = student(email);
        String list = get(siri, "/ansokningar").body();
        assertThat(list).contains("Stipendier du söker själv").contains("Resestipendium (test)")
                .contains("Starta din ansökan till Resestipendium (test)");
        HttpResponse<String> started = postForm(siri, "/ansokningar", list, Map.of("own", "true", "choice", call + "|fieldwork"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/ansokningar/([0-9a-f-]{36})$").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        UUID id = UUID.fromString(m.group(1));
        assertThat(postForm(siri, "/ansokningar", get(siri, "/ansokningar").body(), Map.of("own", "true",
                "choice", call + "|fieldwork")).headers().firstValue("Location").orElseThrow())
                .as("a second start opens the one begun").endsWith("/ansokningar/" + id);
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE round_id = ?").param(call).query(Integer.class).single())
                .isEqualTo(1);

        String base = "/ansokningar/" + id;
        String tasks = get(siri, base).body();
        assertThat(tasks).contains("Siri Student").contains("Personuppgifter").contains("Universitet och handledare")
                .contains("Fältarbetet").contains("Projektbeskrivning").contains("Personligt brev").contains("CV")
                .contains("Budget").contains("Intygande och samtycke").doesNotContain("Partnerorganisationer");

        save(siri, base + "/personuppgifter", Map.of("version", "0", "q.phone", "070-123 45 67",
                "q.address", "Studentvägen 1, 752 36 Uppsala"));
        save(siri, base + "/studier", Map.of("version", "0", "q.university", "Uppsala universitet",
                "q.programme", "Masterprogram i statsvetenskap", "q.supervisorName", "Hanna Handledare",
                "q.supervisorEmail", "hanna.handledare@uu.example"));
        // four weeks are not five: stored, but the section is not done and says why
        HttpResponse<String> short_ = postForm(siri, base + "/faltarbete", get(siri, base + "/faltarbete").body(),
                Map.of("version", "0", "q.country", "ZM", "q.place", "Lusaka", "q.starts", "2027-02-01", "q.ends", "2027-03-01"));
        assertThat(short_.statusCode()).isEqualTo(302);
        assertThat(section(id, "fieldwork").get("state")).isEqualTo("in-progress");
        assertThat(get(siri, base + "/faltarbete").body()).contains("minst 35 dagar efter startdatumet");
        save(siri, base + "/faltarbete", Map.of("version", "1", "q.country", "ZM", "q.place", "Lusaka",
                "q.starts", "2027-02-01", "q.ends", "2027-03-15"));
        assertThat(section(id, "fieldwork").get("state")).isEqualTo("completed");
        save(siri, base + "/projektbeskrivning", Map.of("version", "0", "q.title", "Medborgarbudget i Lusaka",
                "q.description", "Hur medborgarbudgetar i Lusaka påverkar deltagandet."));
        save(siri, base + "/personligt-brev", Map.of("version", "0", "q.letter", "Jag vill förstå lokal demokrati på plats."));
        // over the call's largest grant of 20 000 kr
        postForm(siri, base + "/budget", get(siri, base + "/budget").body(), Map.of("version", "0",
                "q.travel", "15 000", "q.living", "8 000", "q.other", ""));
        assertThat(section(id, "budget").get("state")).isEqualTo("in-progress");
        save(siri, base + "/budget", Map.of("version", "1", "q.travel", "12 000", "q.living", "6 000", "q.other", "2 000"));
        assertThat(section(id, "budget").get("state")).isEqualTo("completed");
        save(siri, base + "/intygande", Map.of("version", "0", "q.correct", "yes", "q.firstGrant", "yes", "q.listing", "yes"));
        String cv = get(siri, base + "/cv").body();
        assertThat(upload(siri, base + "/cv", csrf(cv), "cv.pdf", pdf()).statusCode()).isEqualTo(302);

        // nobody else opens it: not another student, not an organisation's applicant
        assertThat(get(student("other-" + call + "@student.example"), base).statusCode()).isEqualTo(404);
        assertThat(get(anna(), base + "/budget").statusCode()).isEqualTo(404);

        String english = get(siri, "/en/applications/" + id + "/fieldwork").body();
        assertThat(english).contains("The fieldwork").contains("Lusaka").contains("Last day");

        String submit = get(siri, base + "/skicka-in").body();
        assertThat(submit).contains("20\u00a0000\u00a0kr");
        Matcher key = KEY.matcher(submit);
        assertThat(key.find()).as(submit).isTrue();
        HttpResponse<String> sent = postForm(siri, base + "/skicka-in", submit, Map.of("key", key.group(1), "declaration", "yes"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith(base + "/kvitto");
        assertThat(jdbc.sql("SELECT snapshot -> 'applicant' ->> 'kind' FROM submission WHERE application_id = ?").param(id)
                .query(String.class).single()).isEqualTo("person");
        assertThat(jdbc.sql("SELECT snapshot -> 'organisation' IS NOT NULL FROM submission WHERE application_id = ?").param(id)
                .query(Boolean.class).single()).as("no organisation applies").isFalse();
        String reference = jdbc.sql("SELECT reference FROM application WHERE id = ?").param(id).query(String.class).single();
        assertThat(get(siri, base + "/kvitto").body()).as("the receipt names who applies").contains("Siri Student")
                .contains(reference);
        assertThat(mailTo(email, 1).getFirst().text()).contains("Medborgarbudget i Lusaka").contains("Siri Student");

        // the supervisor is mailed a link, sees what she is asked to confirm (not the student's contact details)
        // and answers once
        String mailed = mailTo("hanna.handledare@uu.example", 1).getFirst().text();
        Matcher link = Pattern.compile("/handledare/([A-Za-z0-9_-]{20,})").matcher(mailed);
        assertThat(link.find()).as(mailed).isTrue();
        assertThat(mailed).contains("Hanna Handledare").contains("Siri Student").contains(reference);
        String confirmPath = "/handledare/" + link.group(1);
        HttpClient hanna = client();
        String confirmPage = get(hanna, confirmPath).body();
        assertThat(confirmPage).contains("Siri Student").contains("Medborgarbudget i Lusaka").contains("Zambia")
                .doesNotContain("070-123 45 67").doesNotContain("Studentvägen");
        assertThat(postForm(hanna, confirmPath, confirmPage, Map.of("answer", "yes")).statusCode()).isEqualTo(302);
        assertThat(get(hanna, confirmPath).body()).contains("Du bekräftade").doesNotContain("name=\"answer\"");
        assertThat(postForm(hanna, confirmPath, confirmPage, Map.of("answer", "no")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT supports FROM confirmation_request WHERE application_id = ?").param(id)
                .query(Boolean.class).single()).as("the first answer stands").isTrue();
        assertThat(get(hanna, "/handledare/" + "x".repeat(43)).statusCode()).isEqualTo(410);

        // the case officer sees it in the call's list and on its page by the student's name, where and how much
        HttpClient olle = loggedInAs(se.partnerskap.identity.DemoUsers.OLLE.email(), se.partnerskap.identity.DemoUsers.PASSWORD);
        assertThat(get(olle, "/handlaggning/omgangar/" + call).body()).contains(reference).contains("Siri Student");
        assertThat(get(olle, "/handlaggning/ansokningar/" + id).body()).contains("Siri Student").contains("Zambia")
                .contains("20\u00a0000\u00a0kr").contains("Hanna Handledare (hanna.handledare@uu.example) bekräftade");
    }

    @org.springframework.beans.factory.annotation.Autowired
    se.partnerskap.application.internal.Applications applications;

    @org.springframework.beans.factory.annotation.Autowired
    se.partnerskap.application.internal.Submissions submissions;

    @Test
    void aStudentGrantedBeforeIsToldAtSubmissionThatTheGrantIsReceivedOnce() {
        String email = "again-" + call + "@student.example";
        student(email);
        UUID me = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(UUID.class).single();
        UUID earlierRound = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, 'resestipendium', ?, 'Resestipendium 2024 (test)', 'Fieldwork grant 2024 (test)',
                        now() - interval '400 days', now() - interval '370 days', 'published', '[]'::jsonb)
                """).params(earlierRound, "fieldwork-earlier-" + earlierRound).update();
        UUID earlier = UUID.randomUUID();
        String reference = "R-2024-H-" + earlier.toString().substring(0, 4);
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, applicant_user_id, status, title,
                                         reference, created_by, created_at, updated_at, submitted_at)
                VALUES (?, ?, 'resestipendium', 'fieldwork', ?, 'submitted', 'Tidigare fältarbete', ?, ?, now(), now(), now())
                """).params(earlier, earlierRound, me, reference, email).update();
        jdbc.sql("""
                INSERT INTO decision (application_id, round_id, outcome, amount_sek, decided_by, decided_at)
                VALUES (?, ?, 'granted', 20000, 'test', now() - interval '360 days')
                """).params(earlier, earlierRound).update();

        UUID id = applications.startOwn(me, email, call, "fieldwork");
        var reasons = submissions.eligibility(applications.load(id, me).orElseThrow());
        assertThat(reasons).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("previous-grant");
            assertThat(r.args()).containsExactly(reference);
        });
        // someone who never had it is not refused by the rule
        String other = "first-" + call + "@student.example";
        student(other);
        UUID them = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(other).query(UUID.class).single();
        UUID theirs = applications.startOwn(them, other, call, "fieldwork");
        assertThat(submissions.eligibility(applications.load(theirs, them).orElseThrow()))
                .noneMatch(r -> r.rule().equals("previous-grant"));
    }
}

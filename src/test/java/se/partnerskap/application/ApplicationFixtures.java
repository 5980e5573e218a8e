package se.partnerskap.application;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Rounds made with plain SQL, drafts started through the real pages, colleagues of the demo applicants. */
abstract class ApplicationFixtures extends AbstractIntegrationTest {

    @Autowired
    PasswordEncoder encoder;

    static final String PASSWORD = "a long enough password";

    /** Other test classes share the database and count the programme's rounds: leave none of ours behind. */
    @org.junit.jupiter.api.AfterEach
    void removeTestRounds() {
        removeRounds(jdbc, "test-%");
    }

    static void removeRounds(org.springframework.jdbc.core.simple.JdbcClient jdbc, String keyPattern) {
        // only the real programme's test rounds: the submission tests keep theirs (with immutable
        // submissions) in a test programme of their own
        String ids = "SELECT id FROM round WHERE key LIKE :pattern AND programme_key = 'kommunala-partnerskap'";
        jdbc.sql("DELETE FROM application WHERE round_id IN (" + ids + ")").param("pattern", keyPattern).update();
        jdbc.sql("DELETE FROM round_country WHERE round_id IN (" + ids + ")").param("pattern", keyPattern).update();
        jdbc.sql("DELETE FROM round_component WHERE round_id IN (" + ids + ")").param("pattern", keyPattern).update();
        jdbc.sql("DELETE FROM round WHERE key LIKE :pattern AND programme_key = 'kommunala-partnerskap'")
                .param("pattern", keyPattern).update();
    }

    UUID openRound(List<String> countries, List<String> components) {
        return round(Instant.now().minus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(10)), countries,
                components, "[]");
    }

    UUID round(Instant opens, Instant closes, List<String> countries, List<String> components, String questions) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, 'kommunala-partnerskap', ?, 'Testomgång', 'Test round', ?, ?, 'open', ?::jsonb)
                """).params(id, "test-" + id, Timestamp.from(opens), Timestamp.from(closes), questions).update();
        countries.forEach(c -> jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, ?)").params(id, c).update());
        components.forEach(c -> jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, 'kommunala-partnerskap', ?)")
                .params(id, c).update());
        return id;
    }

    UUID organisation(String municipalityCode) {
        return jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = ? AND kind = 'municipality'")
                .param(municipalityCode).query(UUID.class).single();
    }

    HttpClient anna() {
        return loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
    }

    HttpClient per() {
        return loggedInAs(DemoUsers.PER.email(), DemoUsers.PASSWORD);
    }

    /** A second applicant of Karlstad: a colleague of Anna's. */
    HttpClient colleague() {
        String email = "kollega-" + UUID.randomUUID() + "@karlstad.demo.example";
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, enabled, activated_at, created_at)
                VALUES (?, ?, 'Karl Kollega', ?, true, now(), now())
                """).params(id, email, encoder.encode(PASSWORD)).update();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, 'APPLICANT')").param(id).update();
        jdbc.sql("INSERT INTO membership (user_id, organisation_id) VALUES (?, ?)").params(id, organisation("1780")).update();
        return loggedInAs(email, PASSWORD);
    }

    /** Starts a draft for Karlstad through the start form; returns its id. */
    UUID startDraft(HttpClient client, UUID round, String component) {
        String page = get(client, "/ansokningar").body();
        HttpResponse<String> r = postForm(client, "/ansokningar", page, Map.of(
                "organisation", organisation("1780").toString(), "choice", round + "|" + component));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/ansokningar/([0-9a-f-]{36})$").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        get(client, "/ansokningar/" + m.group(1)); // follow the redirect, as a browser does (takes the notice)
        return UUID.fromString(m.group(1));
    }

    HttpResponse<String> autosave(HttpClient client, String path, String formPage, Map<String, String> fields) {
        return send(client, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields, csrf(formPage)))).build());
    }

    static String form(Map<String, String> fields, String csrf) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(enc(k)).append('=').append(enc(v)).append('&'));
        if (csrf != null) {
            b.append("_csrf=").append(enc(csrf));
        }
        return b.toString();
    }

    static Map<String, String> fields(String... keyThenValue) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyThenValue.length; i += 2) {
            map.put(keyThenValue[i], keyThenValue[i + 1]);
        }
        return map;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    Map<String, Object> section(UUID application, String key) {
        return jdbc.sql("SELECT answers::text AS answers, state, version FROM application_section WHERE application_id = ? AND section_key = ?")
                .params(application, key).query().singleRow();
    }

    /** A small but well-formed PDF. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n";
        int xref = body.length();
        return (body + "xref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}

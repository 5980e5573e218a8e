package se.partnerskap.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.identity.Role;
import se.partnerskap.identity.internal.Accounts;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail that failed because the mail server was down goes out while the application runs, once, after
 * the back-off; mail that keeps failing is given up, shown to the operator and can be resubmitted; one
 * instance at a time resubmits. The mail server is the tests' real GreenMail, stopped and started.
 */
class MailRetryTest extends AbstractIntegrationTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Autowired
    Accounts accounts;

    @Autowired
    EventResubmission resubmission;

    @Autowired
    EventRetryPolicy policy;

    @AfterEach
    void mailServerBack() {
        mail.startSmtp();
    }

    record Row(UUID id, String status, int attempts, Instant lastResubmissionDate, Instant completionDate) {
    }

    @Test
    void aResetMailThatFailedWhileTheMailServerWasDownArrivesOnceWithoutARestart() {
        String email = newUser();
        Instant start = Instant.now();
        clock.set(start);
        mail.stopSmtp();
        assertThat(forgot(email).statusCode()).isEqualTo(302);

        Row failed = awaitRow("PasswordResetRequested", email, r -> "FAILED".equals(r.status()));
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(mail.messagesTo(email)).isEmpty();
        assertThat(metric("partnerskap_event_publications{status=\"failed\"}")).isGreaterThanOrEqualTo(1);

        mail.startSmtp();
        // Not before the pause: the mail server is back, but the first retry waits its 2 minutes.
        resubmission.resubmitDue();
        assertThat(row(failed.id()).attempts()).isEqualTo(1);

        // When the pause is over, the scheduled resubmitter (no restart, nobody calls it) sends it.
        clock.set(start.plus(policy.firstRetryAfter()).plusSeconds(1));
        var delivered = mailTo(email, 1, EVENTUALLY);
        assertThat(delivered).hasSize(1);
        Row done = awaitRow(failed.id(), r -> r.completionDate() != null);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.attempts()).isEqualTo(2);

        // The link in it still works, and nothing sends the mail again later.
        String link = URI.create(link(delivered.getFirst().text(), "/aterstall-losenord/")).getPath();
        assertThat(get(link).statusCode()).isEqualTo(200);
        clock.set(start.plus(Duration.ofHours(3)));
        resubmission.resubmitDue();
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mail.messagesTo(email).size() == 1);
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpShownToTheOperatorAndCanBeResubmitted() {
        Instant start = Instant.now();
        clock.set(start);
        mail.stopSmtp();
        String email = "retry-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var admin = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        var form = get(admin, "/en/admin/users/invite");
        var sent = postForm(admin, "/en/admin/users/invite", form.body(), Map.of("email", email,
                "name", "Rita Retry", "language", "en", "roles", "CASE_OFFICER"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        Row row = awaitRow("InvitationCreated", email, r -> "FAILED".equals(r.status()));
        UUID id = row.id();
        // Every retry after its pause (2, 4, 8 ... minutes, at most an hour) fails again, until the last.
        while (row.attempts() < policy.maxAttempts()) {
            int attempts = row.attempts();
            clock.set(row.lastResubmissionDate().plus(policy.pauseAfter(attempts)).plusSeconds(1));
            resubmission.resubmitDue();
            row = awaitRow(id, r -> r.attempts() == attempts + 1 && "FAILED".equals(r.status()));
        }
        assertThat(row.attempts()).isEqualTo(policy.maxAttempts());
        assertThat(Duration.between(start, row.lastResubmissionDate())).isBetween(Duration.ofHours(4), Duration.ofHours(6));

        // Given up: no more automatic attempts, however long it waits.
        clock.set(row.lastResubmissionDate().plus(Duration.ofDays(1)));
        resubmission.resubmitDue();
        assertThat(row(id).attempts()).isEqualTo(policy.maxAttempts());

        // The operator sees it, and the metric counts it; only with the scraper's login.
        assertThat(get("/actuator/publications").statusCode()).isEqualTo(401);
        var view = get("/actuator/publications", "Authorization", scraper());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"id\":\"" + id + "\"").contains("InvitationCreated")
                .contains("\"attempts\":" + policy.maxAttempts()).doesNotContain(email);
        assertThat(view.body().replaceAll("\\s", "")).containsPattern("\"id\":\"" + id + "\"[^}]*\"givenUp\":true");
        assertThat(metric("partnerskap_event_publications_given_up")).isGreaterThanOrEqualTo(1);

        // The mail server is back; the operator resubmits it, it arrives once, and that is audited.
        mail.startSmtp();
        assertThat(post("/actuator/publications/" + UUID.randomUUID(), scraper()).body()).contains("\"resubmitted\":false");
        var resubmitted = post("/actuator/publications/" + id, scraper());
        assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.body()).contains("\"resubmitted\":true");
        assertThat(mailTo(email, 1, EVENTUALLY)).hasSize(1);
        assertThat(awaitRow(id, r -> r.completionDate() != null).status()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'event-publication.resubmitted' AND subject_id = ?")
                .param(id.toString()).query(String.class).list()).containsExactly("prometheus");
        assertThat(get("/actuator/publications", "Authorization", scraper()).body()).doesNotContain(id.toString());
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mail.messagesTo(email).size() == 1);
    }

    @Test
    void whileAnotherInstanceHoldsTheLockThisOneResubmitsNothing() {
        String email = newUser();
        Instant start = Instant.now();
        clock.set(start);
        mail.stopSmtp();
        forgot(email);
        Row failed = awaitRow("PasswordResetRequested", email, r -> "FAILED".equals(r.status()));
        mail.startSmtp();

        jdbc.sql("""
                INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                VALUES ('event-resubmission', now() + interval '1 hour', now(), 'the-other-instance')
                ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_at = EXCLUDED.locked_at,
                    locked_by = EXCLUDED.locked_by
                """).update();
        try {
            clock.set(start.plus(policy.firstRetryAfter()).plusSeconds(1));
            resubmission.periodically();
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> row(failed.id()).attempts() == 1 && mail.messagesTo(email).isEmpty());
        } finally {
            jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name = 'event-resubmission'")
                    .update();
        }
        resubmission.periodically();
        assertThat(mailTo(email, 1, EVENTUALLY)).hasSize(1);
        assertThat(awaitRow(failed.id(), r -> r.completionDate() != null).attempts()).isEqualTo(2);
    }

    private Row awaitRow(String eventType, String email, java.util.function.Predicate<Row> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                SELECT id, status, completion_attempts, last_resubmission_date, completion_date FROM event_publication
                WHERE event_type LIKE ? AND serialized_event LIKE ?
                """).params("%." + eventType, "%" + email + "%").query(MailRetryTest::row).optional().orElse(null),
                r -> r != null && until.test(r));
    }

    private Row awaitRow(UUID id, java.util.function.Predicate<Row> until) {
        return Awaitility.await().atMost(EVENTUALLY).until(() -> row(id), until);
    }

    private Row row(UUID id) {
        return jdbc.sql("""
                SELECT id, status, completion_attempts, last_resubmission_date, completion_date FROM event_publication
                WHERE id = ?
                """).param(id).query(MailRetryTest::row).single();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var completed = rs.getTimestamp("completion_date");
        return new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("completion_attempts"),
                rs.getTimestamp("last_resubmission_date").toInstant(), completed == null ? null : completed.toInstant());
    }

    private java.util.List<se.partnerskap.notification.MailCatcher.CaughtMail> mailTo(String email, int atLeast,
            Duration within) {
        Awaitility.await().atMost(within).until(() -> mail.messagesTo(email).size() >= atLeast);
        return mail.messagesTo(email);
    }

    private double metric(String series) {
        String body = get("/actuator/prometheus", "Authorization", scraper()).body();
        return body.lines().filter(l -> l.startsWith(series + " ") || l.startsWith(series + "{"))
                .filter(l -> series.contains("{") || !l.substring(series.length()).startsWith("_"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + series + " in\n" + body));
    }

    private static String scraper() {
        return "Basic " + Base64.getEncoder().encodeToString(("prometheus:" + IntegrationTest.SCRAPER_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String authorization) {
        return send(client(), HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private HttpResponse<String> forgot(String email) {
        String address = "198.19." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        HttpClient client = client();
        String page = get(client, "/glomt-losenord", "X-Forwarded-For", address).body();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", email, "_csrf", csrf(page)));
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(client, HttpRequest.newBuilder(URI.create(url("/glomt-losenord")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String newUser() {
        String email = "retry-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        accounts.createActiveIfMissing(email, "Rolf Retry", "a long enough password", EnumSet.of(Role.CASE_OFFICER), Set.of());
        return email;
    }

    private static String link(String text, String prefix) {
        var m = java.util.regex.Pattern.compile("https?://\\S+" + java.util.regex.Pattern.quote(prefix) + "[A-Za-z0-9_-]+")
                .matcher(text);
        assertThat(m.find()).as("a link in " + text).isTrue();
        return m.group();
    }
}

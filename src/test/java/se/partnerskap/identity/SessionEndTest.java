package se.partnerskap.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions end when the account says so: two HTTP clients are two sessions of one user (issue 10, part 2),
 * and the stored link events carry no token (part 5).
 */
class SessionEndTest extends IdentityTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private UUID id(String email) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(UUID.class).single();
    }

    private int sessionsOf(String email) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
                .query(Integer.class).single();
    }

    private void assertLoggedIn(HttpClient client) {
        var account = get(client, "/konto");
        assertThat(account.statusCode()).isEqualTo(200);
    }

    private void assertLoggedOut(HttpClient client) {
        var account = get(client, "/konto");
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(location(account)).isEqualTo("/login");
    }

    private void disable(String email) {
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String path = "/admin/anvandare/" + id(email);
        var form = get(admin, path);
        var saved = postForm(admin, path, form.body(), Map.of("roles", "CASE_OFFICER"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE email = ?").param(email).query(Boolean.class).single())
                .isFalse();
    }

    /** Asks for a reset link and returns the link of the new mail (the catcher's order is by the second). */
    private String resetLink(HttpClient client, String email, int mails) {
        List<String> earlier = mail.messagesTo(email).stream().map(m -> link(m.text(), "/aterstall-losenord/")).toList();
        var form = get(client, "/glomt-losenord");
        var asked = postForm(client, "/glomt-losenord", form.body(), Map.of("email", email));
        assertThat(asked.statusCode()).isEqualTo(302);
        return mailTo(email, mails).stream().map(m -> link(m.text(), "/aterstall-losenord/"))
                .filter(l -> !earlier.contains(l)).findFirst().orElseThrow();
    }

    private static String sessionCookie(HttpClient client) {
        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    @Test
    void disablingAUserEndsEverySessionOfTheirsAtOnce() {
        String email = newUser();
        var a = loggedIn(email, PASSWORD);
        var b = loggedIn(email, PASSWORD);
        assertLoggedIn(a);
        assertThat(sessionsOf(email)).isEqualTo(2);

        disable(email);

        assertThat(sessionsOf(email)).isZero();
        assertLoggedOut(a);
        assertLoggedOut(b);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'user.sessions-ended' AND subject_id = ?")
                .param(id(email).toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void takingARoleAwayEndsTheSessionsThatStillHoldIt() {
        String email = newUser(Role.CASE_OFFICER, Role.REVIEWER);
        var a = loggedIn(email, PASSWORD);
        assertThat(get(a, "/granskning").statusCode()).isEqualTo(200);

        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String path = "/admin/anvandare/" + id(email);
        var saved = postForm(admin, path, get(admin, path).body(), Map.of("roles", "CASE_OFFICER", "enabled", "true"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        assertThat(sessionsOf(email)).isZero();
        assertLoggedOut(a);
        var again = loggedIn(email, PASSWORD);
        assertThat(get(again, "/granskning").statusCode()).isEqualTo(403);
        assertThat(get(again, "/handlaggning").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionThatSurvivedIsTreatedAsLoggedOutOnceTheUserIsDisabled() {
        String email = newUser();
        var a = loggedIn(email, PASSWORD);
        assertLoggedIn(a);
        // a session the index does not find (say, written by an instance that had not yet saved it)
        jdbc.sql("UPDATE spring_session SET principal_name = NULL WHERE principal_name = ?").param(email).update();

        disable(email);

        assertLoggedOut(a);
    }

    @Test
    void resettingThePasswordThroughTheLinkEndsTheUsersOtherSessions() {
        String email = newUser();
        var a = loggedIn(email, PASSWORD);
        assertLoggedIn(a);

        var b = client();
        String link = resetLink(b, email, 1);
        var page = get(b, link);
        var reset = postForm(b, link, page.body(), Map.of("password", "a brand new password",
                "repeat", "a brand new password"));
        assertThat(reset.statusCode()).isEqualTo(302);

        assertThat(sessionsOf(email)).isZero();
        assertLoggedOut(a);
        assertLoggedIn(loggedIn(email, "a brand new password"));
    }

    @Test
    void changingThePasswordKeepsThisSessionUnderANewIdAndEndsTheOthers() {
        String email = newUser();
        var a = loggedIn(email, PASSWORD);
        var b = loggedIn(email, PASSWORD);
        assertLoggedIn(b);
        var account = get(a, "/konto");
        String before = sessionCookie(a);

        var changed = postForm(a, "/konto/losenord", account.body(), Map.of("current", PASSWORD,
                "password", "another long password", "repeat", "another long password"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);

        assertThat(sessionCookie(a)).isNotEqualTo(before);
        var after = get(a, "/konto");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Ditt lösenord är ändrat.");
        assertLoggedIn(a);
        assertLoggedOut(b);
        assertThat(sessionsOf(email)).isEqualTo(1);
    }

    @Test
    void askingForANewResetLinkMakesTheEarlierOneGone() {
        String email = newUser();
        var client = client();
        String first = resetLink(client, email, 1);
        String second = resetLink(client, email, 2);
        assertThat(second).isNotEqualTo(first);

        var old = get(first);
        assertThat(old.statusCode()).isEqualTo(410);
        assertThat(old.body()).contains("Länken gäller inte längre");
        assertThat(get(first.replace("/aterstall-losenord/", "/en/reset-password/")).body())
                .contains("The link is no longer valid");
        assertThat(get(second).statusCode()).isEqualTo(200);
    }

    @Test
    void aResetMailDeliveredAgainIsNotSentTwiceUnlessItsSendingWasNeverRecordedThenItCarriesANewLink() {
        String email = newUser();
        String first = resetLink(client(), email, 1);
        record Reset(UUID id, UUID userId, java.sql.Timestamp expiresAt) {
        }
        Reset row = jdbc.sql("SELECT id, user_id, expires_at FROM password_reset WHERE user_id = ?").param(id(email))
                .query(Reset.class).single();

        // what the event publication registry does when it re-delivers the stored event: the mail went out
        // and is recorded, so nothing is sent and the link keeps working
        transactions.executeWithoutResult(status -> events.publishEvent(new PasswordResetRequested(row.id(),
                row.userId(), email, "Testa Testsson", "sv", row.expiresAt().toInstant())));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?
                  AND completion_date IS NULL""").params(PasswordResetRequested.class.getName(), "%" + row.id() + "%")
                .query(Integer.class).single() == 0);
        assertThat(mail.messagesTo(email)).hasSize(1);
        assertThat(get(first).statusCode()).isEqualTo(200);

        // a crash between the server taking the mail and the record's commit: the re-delivery sends again,
        // with a new link
        jdbc.sql("DELETE FROM mail_delivery WHERE delivery_key = ?").param("password-reset:" + row.id()).update();
        transactions.executeWithoutResult(status -> events.publishEvent(new PasswordResetRequested(row.id(),
                row.userId(), email, "Testa Testsson", "sv", row.expiresAt().toInstant())));
        String second = link(mailTo(email, 2).stream().filter(m -> !m.text().contains(first)).findFirst()
                .orElseThrow().text(), "/aterstall-losenord/");

        // the row keeps only the newest hash, so the first link is no longer known at all
        assertThat(get(first).statusCode()).isEqualTo(404);
        assertThat(get(second).statusCode()).isEqualTo(200);
    }

    @Test
    void theStoredLinkEventsHoldNoTokenThatALinkAccepts() {
        String email = newUser();
        String link = resetLink(client(), email, 1);
        String token = link.substring(link.lastIndexOf('/') + 1);

        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var form = get(admin, "/admin/anvandare/bjud-in");
        var sent = postForm(admin, "/admin/anvandare/bjud-in", form.body(), Map.of("email", invitee,
                "name", "Ingrid Invitee", "language", "sv", "roles", "CASE_OFFICER"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String invitation = link(mailTo(invitee, 1).getFirst().text(), "/inbjudan/");
        String invitationToken = invitation.substring(invitation.lastIndexOf('/') + 1);
        assertThat(get(link).statusCode()).isEqualTo(200);
        assertThat(get(invitation).statusCode()).isEqualTo(200);

        List<String> events = jdbc.sql("SELECT serialized_event FROM event_publication").query(String.class).list();
        assertThat(events).anyMatch(e -> e.contains(email)).anyMatch(e -> e.contains(invitee));
        assertThat(events).noneMatch(e -> e.contains(token) || e.contains(invitationToken));
        // nor any other string of a token's shape that a link would accept
        Matcher candidates = Pattern.compile("[A-Za-z0-9_-]{43}").matcher(String.join("\n", events));
        while (candidates.find()) {
            assertThat(get("/aterstall-losenord/" + candidates.group()).statusCode()).isEqualTo(404);
            assertThat(get("/inbjudan/" + candidates.group()).statusCode()).isEqualTo(404);
        }
    }
}

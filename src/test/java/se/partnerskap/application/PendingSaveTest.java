package se.partnerskap.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.internal.Account;
import se.partnerskap.identity.internal.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.application.internal.PendingSaveCleanup;
import se.partnerskap.identity.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rescue of a form posted after the session expired (docs/autosave.md) keeps something only for
 * the user whose real session it was, within limits, and for a while: a made-up cookie, another
 * organisation's session, an oversize form store nothing and go to the login page.
 */
class PendingSaveTest extends ApplicationFixtures {

    @Autowired
    PendingSaveCleanup cleanup;

    @Autowired
    Accounts accounts;

    private UUID draft(HttpClient anna) {
        return startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
    }

    private int kept(UUID application) {
        return jdbc.sql("SELECT count(*) FROM pending_save WHERE path LIKE ?").param("%" + application + "%")
                .query(Integer.class).single();
    }

    private void expireSessionsOf(String email) {
        assertThat(jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(email).update()).isPositive();
    }

    /** A form post as a browser sends it with a session cookie that no longer has a session. */
    private HttpResponse<String> expiredPost(HttpClient client, String path, Map<String, String> fields, boolean htmx) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields, "stale-token")));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(client, b.build());
    }

    @Test
    void aMadeUpSessionCookieKeepsNothingAndIsSentToTheLoginPage() {
        HttpClient anna = anna();
        UUID id = draft(anna);
        String path = "/ansokningar/" + id + "/utmaning";
        String madeUp = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
        for (boolean htmx : List.of(false, true)) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + madeUp)
                    .POST(HttpRequest.BodyPublishers.ofString("version=0&title=" + "planted".repeat(1000)));
            if (htmx) {
                b.header("HX-Request", "true");
            }
            HttpResponse<String> r = send(client(), b.build());
            if (htmx) {
                assertThat(r.headers().firstValue("HX-Redirect").orElseThrow()).isEqualTo("/login");
            } else {
                assertThat(r.statusCode()).isEqualTo(303);
                assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
            }
            assertThat(r.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("PENDING_SAVE");
        }
        // and in English to the English login page
        HttpResponse<String> en = send(client(), HttpRequest.newBuilder(URI.create(url("/en/applications/" + id + "/challenge")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + madeUp)
                .POST(HttpRequest.BodyPublishers.ofString("version=0&title=planted")).build());
        assertThat(en.headers().firstValue("Location").orElseThrow()).isEqualTo("/en/login");
        assertThat(kept(id)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pending_save WHERE fields::text LIKE '%planted%'").query(Integer.class).single()).isZero();
    }

    @Test
    void anotherOrganisationsRealExpiredSessionKeepsNothing() {
        HttpClient anna = anna();
        UUID id = draft(anna);
        HttpClient per = per();
        get(per, "/ansokningar"); // Per uses the application pages, so his session is known to be his
        expireSessionsOf(DemoUsers.PER.email());
        HttpResponse<String> r = expiredPost(per, "/ansokningar/" + id + "/utmaning",
                Map.of("version", "0", "title", "Pers text i Annas ansökan"), false);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
        assertThat(kept(id)).isZero();
    }

    @Test
    void aSessionEndedOnPurposeKeepsNothingEvenForItsOwnApplication() {
        HttpClient anna = anna();
        UUID id = draft(anna);
        String path = "/ansokningar/" + id + "/utmaning";
        get(anna, path);
        // an administrator disables Anna (say, her account was taken over) and enables her again
        Account admin = accounts.byEmail(DemoUsers.ADA.email()).orElseThrow();
        Account account = accounts.byEmail(DemoUsers.ANNA.email()).orElseThrow();
        accounts.update(admin, account.id(), account.roles(), account.organisations(), false);
        accounts.update(admin, account.id(), account.roles(), account.organisations(), true);

        HttpResponse<String> r = expiredPost(anna, path, Map.of("version", "0", "title", "Planterad text"), false);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
        assertThat(kept(id)).isZero();
    }

    @Test
    void theOwnersExpiredSessionKeepsOneFormPerSectionWithinTheLimitsOfANormalSave() {
        HttpClient anna = anna();
        UUID id = draft(anna);
        String path = "/ansokningar/" + id + "/utmaning";
        get(anna, path);
        expireSessionsOf(DemoUsers.ANNA.email());

        // one answer longer than any answer may be, or all of them together too big: nothing kept
        HttpResponse<String> tooLong = expiredPost(anna, path, Map.of("version", "0", "title", "x".repeat(20_001)), false);
        assertThat(tooLong.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
        Map<String, String> many = new LinkedHashMap<>();
        many.put("version", "0");
        for (int i = 0; i < 14; i++) {
            many.put("extra" + i, "y".repeat(20_000));
        }
        assertThat(expiredPost(anna, path, many, true).headers().firstValue("HX-Redirect").orElseThrow()).isEqualTo("/login");
        assertThat(kept(id)).isZero();

        // what fits is kept; a later post of the same section replaces it
        HttpResponse<String> first = expiredPost(anna, path, Map.of("version", "0", "title", "Första"), true);
        assertThat(first.headers().firstValue("HX-Redirect").orElseThrow()).isEqualTo(path);
        HttpResponse<String> second = expiredPost(anna, path, Map.of("version", "0", "title", "Andra"), false);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location").orElseThrow()).isEqualTo(path);
        assertThat(kept(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT fields::text FROM pending_save WHERE path = ?").param(path).query(String.class).single())
                .contains("Andra").doesNotContain("Första");
    }

    @Test
    void keptFormsAndRememberedSessionsAreForgottenAfterADay() {
        HttpClient anna = anna();
        UUID id = draft(anna);
        String path = "/ansokningar/" + id + "/utmaning";
        expireSessionsOf(DemoUsers.ANNA.email());
        assertThat(expiredPost(anna, path, Map.of("version", "0", "title", "Kvar en dag"), false).statusCode()).isEqualTo(303);
        assertThat(kept(id)).isEqualTo(1);

        clock.set(clock.instant().plus(Duration.ofHours(25)));
        cleanup.cleanUp();
        assertThat(kept(id)).isZero();
        int owners = jdbc.sql("SELECT count(*) FROM session_owner WHERE kept_until <= ?")
                .param(java.sql.Timestamp.from(clock.instant())).query(Integer.class).single();
        assertThat(owners).isZero();

        // a day and a session later the old session is no longer known: its posts keep nothing
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        cleanup.cleanUp();
        HttpResponse<String> late = expiredPost(anna, path, Map.of("version", "0", "title", "För sent"), false);
        assertThat(late.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
        assertThat(kept(id)).isZero();
    }
}

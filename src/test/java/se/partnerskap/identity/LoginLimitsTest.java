package se.partnerskap.identity;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.platform.RateLimitCleanup;
import se.partnerskap.platform.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login limits: per e-mail and client address, per address across e-mails, per e-mail across addresses
 * (sparing known addresses). Client addresses come as X-Forwarded-For from localhost, which Tomcat's
 * RemoteIpValve trusts (server.forward-headers-strategy=native).
 */
class LoginLimitsTest extends IdentityTestSupport {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    RateLimitCleanup cleanup;

    @Test
    void anAttackersGuessesFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        String olle = newUser();
        String attacker = address();
        String owner = address();
        clock.set(START);
        var client = client();
        for (int i = 1; i <= 4; i++) {
            clock.set(START.plusSeconds(i * 10));
            assertThat(loginFrom(client, olle, "wrong " + i, "sv", attacker).statusCode()).isEqualTo(401);
        }
        clock.set(START.plusSeconds(50));
        var fifth = loginFrom(client, olle, "wrong 5", "sv", attacker);
        assertThat(fifth.statusCode()).isEqualTo(429);
        // refused until the first of the five is back: a token every 3 minutes, 10:03:50 UTC = 11:03 in Stockholm
        assertThat(fifth.body()).contains("För många misslyckade inloggningar med den här e-postadressen härifrån")
                .contains("23 november 2026 11:03").contains("value=\"" + olle + "\"");
        clock.set(START.plusSeconds(60));
        var sixth = loginFrom(client(), olle, PASSWORD, "en", attacker);
        assertThat(sixth.statusCode()).as("the attacker's address stays refused, even with the right password").isEqualTo(429);
        assertThat(sixth.body()).contains("Too many failed logins for this e-mail address from here");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'login.limited' AND subject_id = ?"
                + " AND details->>'limit' = 'login-account-address'").param(olle).query(Integer.class).single()).isEqualTo(1);

        var fromElsewhere = loginFrom(client(), olle, PASSWORD, "sv", owner);
        assertThat(fromElsewhere.statusCode()).as(fromElsewhere.body()).isEqualTo(302);
        assertThat(location(fromElsewhere)).isEqualTo("/handlaggning");

        clock.set(START.plusSeconds(50).plus(Duration.ofMinutes(15)));
        var later = loginFrom(client(), olle, PASSWORD, "sv", attacker);
        assertThat(later.statusCode()).isEqualTo(302);
    }

    @Test
    void guessingManyAccountsFromOneAddressIsRefusedWith429() {
        String real = newUser();
        String guesser = address();
        clock.set(START);
        var client = client();
        int limit = 30;
        for (int i = 1; i < limit; i++) {
            var r = loginFrom(client, "nobody-" + i + "-" + UUID.randomUUID() + "@test.example", "guess", "sv", guesser);
            assertThat(r.statusCode()).isEqualTo(401);
        }
        var last = loginFrom(client, "nobody-last@test.example", "guess", "en", guesser);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("Too many failed logins from your network");
        var right = loginFrom(client(), real, PASSWORD, "sv", guesser);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("För många misslyckade inloggningar från ditt nätverk");
        assertThat(loginFrom(client(), real, PASSWORD, "sv", address()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'login.limited' AND actor = ?"
                + " AND details->>'limit' = 'login-address'").param(guesser).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void guessesSpreadOverManyAddressesRefuseNewAddressesButNotOnesTheOwnerUsedBefore() {
        String email = newUser();
        String home = address();
        assertThat(loginFrom(client(), email, PASSWORD, "sv", home).statusCode()).isEqualTo(302);
        clock.set(START);
        for (int i = 1; i < 50; i++) {
            assertThat(loginFrom(client(), email, "guess " + i, "sv", address()).statusCode()).isEqualTo(401);
        }
        assertThat(loginFrom(client(), email, "guess 50", "sv", address()).statusCode()).isEqualTo(429);
        var fromNew = loginFrom(client(), email, PASSWORD, "en", address());
        assertThat(fromNew.statusCode()).isEqualTo(429);
        assertThat(fromNew.body()).contains("from unfamiliar places").contains("log in from a device you have used before");
        var fromHome = loginFrom(client(), email, PASSWORD, "sv", home);
        assertThat(fromHome.statusCode()).as("a known address is not refused by the limit per account").isEqualTo(302);
    }

    @Test
    void thePerAccountLimitDoesNotTellWhetherTheEmailHasAnAccount() {
        String nobody = "nobody-" + UUID.randomUUID() + "@test.example";
        clock.set(START);
        for (int i = 1; i < 50; i++) {
            assertThat(loginFrom(client(), nobody, "guess", "sv", address()).statusCode()).isEqualTo(401);
        }
        assertThat(loginFrom(client(), nobody, "guess", "sv", address()).statusCode()).isEqualTo(429);
    }

    @Test
    void aPasswordLongerThanTheHashTakesIsAWrongPasswordAtLoginNotAnError() {
        String email = newUser();
        var emoji = loginFrom(client(), email, "😀".repeat(30), "en", address());
        assertThat(emoji.statusCode()).isEqualTo(401);
        assertThat(emoji.body()).contains("Wrong e-mail address or password");
        assertThat(loginFrom(client(), email, "a".repeat(103), "sv", address()).statusCode()).isEqualTo(401);
    }

    @Test
    void bucketsThatAreFullAgainAreCleanedUp() {
        String email = newUser();
        String from = address();
        clock.set(START);
        assertThat(loginFrom(client(), email, "wrong", "sv", from).statusCode()).isEqualTo(401);
        String key = "login-account-address:" + RateLimits.hash(email + "|" + from);
        assertThat(bucketExists(key)).isTrue();
        cleanup.removeFull();
        assertThat(bucketExists(key)).as("not yet full again").isTrue();
        clock.set(START.plus(Duration.ofDays(2)));
        cleanup.removeFull();
        assertThat(bucketExists(key)).isFalse();
        assertThat(loginFrom(client(), email, PASSWORD, "sv", from).statusCode()).isEqualTo(302);
    }

    private boolean bucketExists(String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rate_limit_bucket WHERE id = ?)").param(key)
                .query(Boolean.class).single();
    }

    /** A client address of the benchmarking range 198.18.0.0/15, only ever a header value here. */
    static String address() {
        var random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    HttpResponse<String> loginFrom(HttpClient client, String email, String password, String lang, String address) {
        String page = get(client, "en".equals(lang) ? "/en/login" : "/login", "X-Forwarded-For", address).body();
        return postForm(client, "/login", page, Map.of("email", email, "password", password, "lang", lang),
                "X-Forwarded-For", address);
    }
}

package se.partnerskap.platform;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.Role;
import se.partnerskap.identity.internal.Accounts;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No mail bombing: reset and subscription-confirmation mail are limited per recipient and per client
 * address; over the limit the answer is the same and no mail goes out. Addresses come as X-Forwarded-For.
 */
class MailLimitsTest extends AbstractIntegrationTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    Accounts accounts;

    @Test
    void resetMailGoesAtMostThreeTimesAnHourToOneRecipientWhateverTheAddress() {
        String email = newUser();
        clock.set(START);
        for (int i = 1; i <= 4; i++) {
            clock.set(START.plus(Duration.ofMinutes(i)));
            var answer = forgot(email, address());
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/glomt-losenord");
        }
        assertThat(mailTo(email, 3)).hasSize(3);
        stillNoMoreThan(email, 3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'mail.limit-reached' AND subject_id = ?"
                + " AND details->>'kind' = 'password-reset' AND details->>'limit' = 'mail-recipient'")
                .param(email).query(Integer.class).single()).isEqualTo(1);

        clock.set(START.plus(Duration.ofMinutes(4 + 20)));
        forgot(email, address());
        assertThat(mailTo(email, 4)).as("a token back after 20 minutes").hasSize(4);
    }

    @Test
    void oneAddressCanAskForAtMostThirtyMailsAnHourAcrossRecipients() {
        String from = address();
        clock.set(START);
        for (int i = 1; i <= 30; i++) {
            assertThat(forgot("nobody-" + i + "-" + UUID.randomUUID() + "@test.example", from).statusCode()).isEqualTo(302);
        }
        String email = newUser();
        var refused = forgot(email, from);
        assertThat(refused.statusCode()).as("the same answer").isEqualTo(302);
        String other = newUser();
        forgot(other, address());
        assertThat(mailTo(other, 1)).hasSize(1);
        stillNoMoreThan(email, 0);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'mail.limit-reached' AND actor = ?"
                + " AND details->>'limit' = 'mail-address'").param(from).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void subscriptionConfirmationsAreLimitedPerRecipientWithTheSameAnswer() {
        String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        clock.set(START);
        for (int i = 1; i <= 4; i++) {
            clock.set(START.plus(Duration.ofMinutes(3L * i))); // past the newsroom's own 2 minutes between resends
            var client = client();
            String address = address();
            String page = get(client, "/prenumeration", address).body();
            var answer = post(client, "/prenumeration", page,
                    Map.of("email", email, "language", "sv", "pressReleases", "true"), address);
            assertThat(answer.statusCode()).isEqualTo(302);
        }
        assertThat(mailTo(email, 3)).hasSize(3);
        stillNoMoreThan(email, 3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'mail.limit-reached' AND subject_id = ?"
                + " AND details->>'kind' = 'subscription-confirmation'").param(email).query(Integer.class).single())
                .isEqualTo(1);
    }

    /** No further mail arrives within a few seconds (the mail goes out after the commit, asynchronously). */
    private void stillNoMoreThan(String email, int count) {
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mail.messagesTo(email).size() == count);
    }

    private HttpResponse<String> forgot(String email, String address) {
        var client = client();
        String page = get(client, "/glomt-losenord", address).body();
        return post(client, "/glomt-losenord", page, Map.of("email", email), address);
    }

    private String newUser() {
        String email = "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        accounts.createActiveIfMissing(email, "Mia Mejl", "a long enough password", EnumSet.of(Role.CASE_OFFICER), Set.of());
        return email;
    }

    private HttpResponse<String> get(HttpClient client, String path, String address) {
        return get(client, path, "X-Forwarded-For", address);
    }

    private HttpResponse<String> post(HttpClient client, String path, String formPage, Map<String, String> fields,
            String address) {
        return postForm(client, path, formPage, fields, "X-Forwarded-For", address);
    }

    /** A client address of the benchmarking range 198.18.0.0/15, only ever a header value here. */
    private static String address() {
        var random = ThreadLocalRandom.current();
        return "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}

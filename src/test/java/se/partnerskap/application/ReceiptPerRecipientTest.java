package se.partnerskap.application;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.partnerskap.application.SubmissionFixtures.DURING;

/**
 * The receipt goes to both contact persons of an application, once each, even when the mail server
 * refuses one of them for a while (451) and the event is delivered again: the one who got it is not
 * mailed twice, the refused one gets it once the server takes mail for them again.
 */
class ReceiptPerRecipientTest extends AbstractIntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Autowired
    Applications applications;

    @Autowired
    IncompleteEventPublications incomplete;

    private SubmissionFixtures fixtures;
    private String refused;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(DURING);
    }

    @AfterEach
    void acceptAgain() {
        if (refused != null) {
            mail.accept(refused);
        }
    }

    @Test
    void aContactRefusedByTheMailServerGetsTheReceiptOnRetryAndTheOtherContactOnlyOnce() {
        UUID round = fixtures.round(null, true);
        String first = "kontakt-" + round + "@karlstad.example";
        String second = "andra-" + round + "@karlstad.example";
        UUID id = fixtures.complete(DemoUsers.ANNA, round, first);
        fixtures.save(id, fixtures.userId(DemoUsers.ANNA), DemoUsers.ANNA, Section.APPLICANT, Map.of(
                "contactName", "Anna Lindqvist", "contactEmail", first, "contactRole", "Samordnare",
                "contact2Name", "Bo Ek", "contact2Email", second));
        refused = second;
        mail.refuse(second);

        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String path = "/ansokningar/" + id + "/skicka-in";
        String page = get(anna, path).body();
        assertThat(postForm(anna, path, page, Map.of("key", key(page), "declaration", "yes")).statusCode())
                .isEqualTo(302);

        // the first contact has the receipt; the second was refused and the publication failed
        assertThat(mailTo(first, 1)).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(id) > 0);
        assertThat(mail.messagesTo(second)).isEmpty();
        assertThat(completed(id)).isFalse();

        // delivered again while still refused: nothing more for the first, still nothing for the second
        resubmit(id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(id) > 1);
        assertThat(mail.messagesTo(first)).hasSize(1);
        assertThat(mail.messagesTo(second)).isEmpty();

        // the server takes mail for the second again: the next delivery sends only what is missing
        mail.accept(second);
        resubmit(id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> completed(id));
        assertThat(mailTo(second, 1)).hasSize(1);
        assertThat(mail.messagesTo(first)).hasSize(1);
        assertThat(mail.messagesTo(second).getFirst().subject()).isEqualTo(mail.messagesTo(first).getFirst().subject());

        // and once complete, one more delivery (as after a crash) sends nothing
        resubmitEvenCompleted(id);
        assertThat(mail.messagesTo(first)).hasSize(1);
        assertThat(mail.messagesTo(second)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_delivery WHERE delivery_key = ?").param("receipt:" + id + ":v1")
                .query(Integer.class).single()).isEqualTo(2);
    }

    private void resubmit(UUID id) {
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ApplicationSubmitted s
                && s.applicationId().equals(id));
    }

    /** The stored event handed to the listener once more, as a second instance or a crash would. */
    private void resubmitEvenCompleted(UUID id) {
        jdbc.sql("""
                UPDATE event_publication SET completion_date = NULL, status = 'FAILED'
                WHERE event_type = ? AND listener_id LIKE '%ReceiptMail%' AND serialized_event LIKE ?
                """).params(ApplicationSubmitted.class.getName(), "%" + id + "%").update();
        resubmit(id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> completed(id));
    }

    private int failedAttempts(UUID id) {
        return jdbc.sql("""
                SELECT coalesce(sum(completion_attempts), 0) FROM event_publication
                WHERE event_type = ? AND listener_id LIKE '%ReceiptMail%' AND serialized_event LIKE ? AND status = 'FAILED'
                """).params(ApplicationSubmitted.class.getName(), "%" + id + "%").query(Integer.class).single();
    }

    private boolean completed(UUID id) {
        return jdbc.sql("""
                SELECT completion_date IS NOT NULL FROM event_publication
                WHERE event_type = ? AND listener_id LIKE '%ReceiptMail%' AND serialized_event LIKE ?
                """).params(ApplicationSubmitted.class.getName(), "%" + id + "%").query(Boolean.class).single();
    }

    private static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}

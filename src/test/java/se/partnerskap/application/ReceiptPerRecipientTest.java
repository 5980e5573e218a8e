package se.partnerskap.application;

import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Section;
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
 * The receipt goes to the person who submitted and to both contact persons of an application, once each,
 * even when the mail server refuses one of them for a while (451) and the event is delivered again: the
 * ones who got it are not mailed twice, the refused one gets it once the server takes mail for them again.
 * Each reads it in their own language, greeted by name; nobody is named by a login address.
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
        jdbc.sql("UPDATE app_user SET language = 'sv' WHERE email = ?").param(DemoUsers.ANNA.email()).update();
    }

    @Test
    void aContactRefusedByTheMailServerGetsTheReceiptOnRetryAndTheOtherContactOnlyOnce() {
        UUID round = fixtures.round(null, true);
        String first = "kontakt-" + round + "@karlstad.example";
        String second = "andra-" + round + "@karlstad.example";
        UUID id = fixtures.complete(DemoUsers.ANNA, round, first);
        fixtures.save(id, fixtures.userId(DemoUsers.ANNA), DemoUsers.ANNA, "applicant", Map.of(
                "contactName", "Anna Lindqvist", "contactEmail", first, "contactRole", "Samordnare",
                "contact2Name", "Bo Ek", "contact2Email", second));
        refused = second;
        mail.refuse(second);

        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String path = "/ansokningar/" + id + "/skicka-in";
        String page = get(anna, path).body();
        assertThat(postForm(anna, path, page, Map.of("key", key(page), "declaration", "yes")).statusCode())
                .isEqualTo(302);

        // the submitter and the first contact have the receipt; the second was refused and the publication failed
        assertThat(mailTo(first, 1)).hasSize(1);
        String reference = jdbc.sql("SELECT reference FROM application WHERE id = ?").param(id).query(String.class).single();
        assertThat(receipts(DemoUsers.ANNA.email(), reference)).hasSize(1);
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
        assertThat(receipts(DemoUsers.ANNA.email(), reference)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_delivery WHERE delivery_key = ?").param("receipt:" + id + ":v1")
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theSubmitterAndEachContactGetOneReceiptInTheirOwnLanguageGreetedByName() {
        UUID round = fixtures.round(null, true);
        String bo = "bo-" + round + "@karlstad.example";
        // Anna chose English for her account and names herself (her address in capitals) as the first contact
        jdbc.sql("UPDATE app_user SET language = 'en' WHERE email = ?").param(DemoUsers.ANNA.email()).update();
        UUID id = fixtures.complete(DemoUsers.ANNA, round, DemoUsers.ANNA.email());
        fixtures.save(id, fixtures.userId(DemoUsers.ANNA), DemoUsers.ANNA, "applicant", Map.of(
                "contactName", "Anna L", "contactEmail", DemoUsers.ANNA.email().toUpperCase(), "contactRole", "Samordnare",
                "contact2Name", "Bo Ek", "contact2Email", bo));

        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String path = "/ansokningar/" + id + "/skicka-in";
        String page = get(anna, path).body();
        assertThat(postForm(anna, path, page, Map.of("key", key(page), "declaration", "yes")).statusCode())
                .isEqualTo(302);
        String reference = jdbc.sql("SELECT reference FROM application WHERE id = ?").param(id).query(String.class).single();

        // Bo, a contact without an account, reads it in Swedish, the language the application was written in
        var boMail = mailTo(bo, 1).getFirst();
        assertThat(boMail.subject()).isEqualTo("Ansökan " + reference + " är inskickad");
        assertThat(boMail.text()).startsWith("Hej Bo Ek!").contains("av Anna Lindqvist")
                .contains("/ansokningar/" + id + "/kvitto").doesNotContain(DemoUsers.ANNA.email());
        // Anna, submitter and contact at once, gets one receipt, in the English of her account
        // (her mailbox also holds what the demo's projects sent her)
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !receipts(DemoUsers.ANNA.email(), reference).isEmpty());
        var annas = receipts(DemoUsers.ANNA.email(), reference);
        assertThat(annas).hasSize(1);
        assertThat(annas.getFirst().subject()).isEqualTo("Application " + reference + " has been submitted");
        assertThat(annas.getFirst().text()).startsWith("Hello Anna Lindqvist,").contains("by Anna Lindqvist")
                .contains("/en/applications/" + id + "/receipt").doesNotContain(DemoUsers.ANNA.email());
        assertThat(jdbc.sql("SELECT recipient FROM mail_delivery WHERE delivery_key = ? ORDER BY recipient")
                .param("receipt:" + id + ":v1").query(String.class).list())
                .containsExactlyInAnyOrder(DemoUsers.ANNA.email(), bo);
    }

    private java.util.List<se.partnerskap.notification.MailCatcher.CaughtMail> receipts(String to, String reference) {
        return mail.messagesTo(to).stream().filter(m -> m.subject() != null && m.subject().contains(reference)).toList();
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

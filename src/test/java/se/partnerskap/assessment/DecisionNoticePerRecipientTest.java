package se.partnerskap.assessment;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision notices of a published round: one per contact person of each application, even when the
 * mail server refuses one contact for a while (451) and the event is delivered again. Those already told
 * are not told twice, the other applicants are not held back, the refused contact gets the notice with its
 * letter once the server takes mail for them again.
 */
class DecisionNoticePerRecipientTest extends AbstractIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    IncompleteEventPublications incomplete;

    private UUID round;
    private UUID karlstad;
    private UUID aneby;
    private String first;
    private String second;
    private String anebyContact;
    private String anebySnapshot;

    @BeforeEach
    void roundWithTwoApplications() {
        clock.set(NOW);
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        round = fixtures.round(1_000_000);
        karlstad = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County", "KE",
                "participation", 200_000, "sv");
        aneby = fixtures.submitted(round, fixtures.municipality("0604"), "Open budgets in Lviv", "Lviv oblast", "UA",
                "transparency", 450_000, "en");
        String tag = round.toString().substring(0, 8);
        first = "kontakt-" + tag + "@karlstad.example";
        second = "andra-" + tag + "@karlstad.example";
        anebyContact = "kontakt-" + tag + "@aneby.example";
        // a submission cannot change, so each is submitted a second time naming its contact persons
        resubmit(karlstad, "{\"sections\": {\"applicant\": {\"answers\": {\"contactEmail\": [\"" + first
                + "\"], \"contact2Email\": [\"" + second + "\"]}}}}", "sv");
        anebySnapshot = "{\"sections\": {\"applicant\": {\"answers\": {\"contactName\": [\"Jane Doe\"], "
                + "\"contactEmail\": [\"" + anebyContact + "\"], \"contact2Email\": [\"" + DemoUsers.PER.email().toUpperCase()
                + "\"]}}}}";
        resubmit(aneby, anebySnapshot, "en");
        mail.refuse(second);
    }

    @AfterEach
    void acceptAgainAndRemoveTheGrants() {
        mail.accept(second);
        jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
    }

    private void resubmit(UUID application, String snapshot, String language) {
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                SELECT ?, application_id, 2, reference, ?, ?::jsonb, pdf, ?, submitted_by, submitted_at FROM submission
                WHERE application_id = ? AND version = 1
                """).params(UUID.randomUUID(), "key2-" + application, snapshot, language, application).update();
    }

    @Test
    void aRefusedContactGetsTheNoticeOnRetryAndNobodyElseGetsItTwice() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        decide(officer, aneby, Map.of("outcome", "granted", "amount", "450000"));
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);

        // the refusal fails the publication; everyone else has their notice
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> failures() > 0);
        assertThat(mailTo(first, 1)).hasSize(1);
        assertThat(mailTo(anebyContact, 1)).hasSize(1);
        assertThat(mail.messagesTo(second)).isEmpty();
        assertThat(notified(karlstad)).as("karlstad not yet fully notified").isFalse();
        assertThat(notified(aneby)).isTrue();

        // delivered again while still refused: nothing new for anybody
        resubmit();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> failures() > 1);
        assertThat(mail.messagesTo(first)).hasSize(1);
        assertThat(mail.messagesTo(anebyContact)).hasSize(1);
        assertThat(mail.messagesTo(second)).isEmpty();

        // the server takes mail for the second contact again: only its notice goes out, with the letter
        mail.accept(second);
        resubmit();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::completed);
        assertThat(mailTo(second, 1)).hasSize(1);
        assertThat(mail.messagesTo(second).getFirst().subject()).contains(new AssessmentFixtures(jdbc).reference(karlstad));
        assertThat(mail.messagesTo(second).getFirst().attachments()).hasSize(1);
        assertThat(mail.messagesTo(first)).hasSize(1);
        assertThat(mail.messagesTo(anebyContact)).hasSize(1);
        assertThat(notified(karlstad)).isTrue();
    }

    @Test
    void theSubmitterAndTheContactsGetOneNoticeEachInTheirOwnLanguageGreetedByName() {
        mail.accept(second);
        // Per (a Swedish account) submitted the English application again and is named as its second contact too
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                SELECT ?, application_id, 3, reference, ?, ?::jsonb, pdf, 'en', ?, submitted_at FROM submission
                WHERE application_id = ? AND version = 1
                """).params(UUID.randomUUID(), "key3-" + aneby, anebySnapshot, DemoUsers.PER.email(), aneby).update();
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        decide(officer, aneby, Map.of("outcome", "rejected", "reasonSv", "Budgeten räcker inte.", "reasonEn",
                "The budget does not suffice."));
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::completed);
        String reference = new AssessmentFixtures(jdbc).reference(aneby);

        // the contact typed in the form reads English, the language applied in, greeted by the name typed there
        var jane = mailTo(anebyContact, 1);
        assertThat(jane).hasSize(1);
        assertThat(jane.getFirst().subject()).isEqualTo("Decision on your application " + reference);
        assertThat(jane.getFirst().text()).startsWith("Hello Jane Doe,").contains("is rejected")
                .contains("/en/applications/" + aneby);
        // Per, submitter and contact at once, gets one notice, in the Swedish of his account, with the letter
        var pers = mail.messagesTo(DemoUsers.PER.email()).stream()
                .filter(m -> m.subject() != null && m.subject().contains(reference)).toList();
        assertThat(pers).hasSize(1);
        assertThat(pers.getFirst().subject()).isEqualTo("Beslut om er ansökan " + reference);
        assertThat(pers.getFirst().text()).startsWith("Hej Per Nilsson!").contains("avslås")
                .contains("/ansokningar/" + aneby).doesNotContain(DemoUsers.PER.email());
        assertThat(pers.getFirst().attachments()).hasSize(1);
        assertThat(pers.getFirst().attachments().getFirst().content()).isEqualTo(jane.getFirst().attachments()
                .getFirst().content());
        assertThat(jdbc.sql("SELECT recipient FROM mail_delivery WHERE delivery_key = ?").param("decision:" + aneby)
                .query(String.class).list()).containsExactlyInAnyOrder(DemoUsers.PER.email(), anebyContact);
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields)).statusCode())
                .isEqualTo(302);
    }

    private void resubmit() {
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof RoundPublished e
                && e.roundId().equals(round));
    }

    private boolean notified(UUID application) {
        return jdbc.sql("SELECT count(*) FROM decision_notice WHERE application_id = ?").param(application)
                .query(Integer.class).single() == 1;
    }

    private int failures() {
        return jdbc.sql("""
                SELECT coalesce(sum(completion_attempts), 0) FROM event_publication
                WHERE event_type = ? AND listener_id LIKE '%DecisionNotices%' AND serialized_event LIKE ? AND status = 'FAILED'
                """).params(RoundPublished.class.getName(), "%" + round + "%").query(Integer.class).single();
    }

    private boolean completed() {
        return jdbc.sql("""
                SELECT completion_date IS NOT NULL FROM event_publication
                WHERE event_type = ? AND listener_id LIKE '%DecisionNotices%' AND serialized_event LIKE ?
                """).params(RoundPublished.class.getName(), "%" + round + "%").query(Boolean.class).single();
    }
}

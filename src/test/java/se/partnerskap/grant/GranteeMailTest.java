package se.partnerskap.grant;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.notification.MailCatcher;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grantee hears by e-mail when a payment is released and when a change request is decided: the project's
 * contacts and the person who asked for the change, each once, each in their own language and greeted by
 * name, even when the mail server refuses one of them for a while and the event is delivered again.
 */
class GranteeMailTest extends AbstractIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    private FollowUpFixtures fixtures;
    private FundedPartnership project;
    private String jane;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
        project = fixtures.project("mail", fixtures.municipality("1780"), TestProgramme.KEY, 300_000,
                LocalDate.of(2026, 1, 1), 2, List.of(new NewProject.CostLine("travel", "Resor", "swedish", 150_000),
                        new NewProject.CostLine("salaries", "Arbetstid", "swedish", 150_000)));
        // a second contact who has an account in English
        jane = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@kisumu.example";
        jdbc.sql("INSERT INTO app_user (id, email, display_name, language, created_at) VALUES (?, ?, 'Jane Doe', 'en', now())")
                .params(UUID.randomUUID(), jane).update();
        jdbc.sql("""
                INSERT INTO project_contact (funded_partnership_id, position, name, role, email, signatory)
                VALUES (?, 2, 'J. Doe', 'Kisumu County', ?, false)
                """).params(project.id(), jane).update();
    }

    @AfterEach
    void clean() {
        mail.accept(jane);
        fixtures.clean();
        jdbc.sql("DELETE FROM app_user WHERE email = ?").param(jane).update();
    }

    @Test
    void aReleasedPaymentIsMailedToEachContactOnceInTheirLanguageEvenWhenOneWasRefusedAtFirst() {
        approveFirstReport(50_000);
        UUID payment = jdbc.sql("SELECT id FROM project_payment WHERE funded_partnership_id = ?").param(project.id())
                .query(UUID.class).single();
        mail.refuse(jane);
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String page = get(officer, "/uppfoljning/projekt/" + project.key()).body();
        postForm(officer, "/uppfoljning/projekt/" + project.key() + "/utbetalningar/" + payment, page,
                Map.of("releasedOn", "2026-11-30", "reference", "VER-77"));

        var karin = awaitMails("karin@example.org", 1);
        assertThat(karin.getFirst().subject()).isEqualTo("Utbetalning till Projekt mail");
        assertThat(karin.getFirst().text()).startsWith("Hej Karin Kontakt!").contains("50\u00a0000\u00a0kr")
                .contains("30 november 2026").contains("VER-77").contains("/mina-projekt/" + project.key());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> failed("%PaymentReleased") > 0);
        assertThat(ofProject(jane)).isEmpty();

        // the server takes Jane's mail again: the retry sends only hers, in English, by her account's name
        mail.accept(jane);
        incomplete.resubmitIncompletePublications(p -> p.getEvent().getClass().getSimpleName().equals("PaymentReleased"));
        var janes = awaitMails(jane, 1);
        assertThat(janes.getFirst().subject()).isEqualTo("Payment to Projekt mail");
        assertThat(janes.getFirst().text()).startsWith("Hello Jane Doe,").contains("SEK\u00a050,000")
                .contains("30 November 2026").contains("/en/my-projects/" + project.key());
        assertThat(ofProject("karin@example.org")).hasSize(1);
        assertThat(deliveries("payment-released:" + payment)).containsExactlyInAnyOrder("karin@example.org", jane);
    }

    @Test
    void theOneWhoAskedAndTheContactsHearOfEachDecisionOnChangeRequestsOnce() {
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String base = "/mina-projekt/" + project.key();
        String page = get(anna, base).body();
        assertThat(postForm(anna, base + "/andringar", page, Map.of("kind", "extension", "newEndsOn", "2028-06-30",
                "reason", "Valet försenade arbetet")).statusCode()).isEqualTo(302);
        assertThat(postForm(anna, base + "/andringar", page, Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2",
                "amount", "25000", "reason", "Fler möten")).statusCode()).isEqualTo(302);
        List<UUID> changes = jdbc.sql("""
                SELECT id FROM project_change_request WHERE funded_partnership_id = ? ORDER BY requested_at, kind DESC
                """).param(project.id()).query(UUID.class).list();

        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String officerPage = get(officer, "/uppfoljning/projekt/" + project.key()).body();
        String decide = "/uppfoljning/projekt/" + project.key() + "/andringar/";
        assertThat(postForm(officer, decide + changes.get(0), officerPage, Map.of("decision", "approve", "comment", ""))
                .statusCode()).isEqualTo(302);
        assertThat(postForm(officer, decide + changes.get(1), officerPage,
                Map.of("decision", "refuse", "comment", "Resorna är redan dyra")).statusCode()).isEqualTo(302);

        // Anna asked: she hears of both, by her name, not by her login address
        var annas = awaitMails(DemoUsers.ANNA.email(), 2);
        assertThat(annas).hasSize(2);
        assertThat(annas).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Er ändringsbegäran har godkänts – Projekt mail");
            assertThat(m.text()).startsWith("Hej Anna Lindqvist!").contains("nytt slutdatum 30 juni 2028")
                    .doesNotContain(DemoUsers.ANNA.email());
        });
        assertThat(annas).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Er ändringsbegäran har avslagits – Projekt mail");
            assertThat(m.text()).contains("från post 1 till post 2").contains("Resorna är redan dyra");
        });
        assertThat(awaitMails("karin@example.org", 2)).hasSize(2);
        var janes = awaitMails(jane, 2);
        assertThat(janes).hasSize(2).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Your change request has been refused – Projekt mail");
            assertThat(m.text()).startsWith("Hello Jane Doe,").contains("from line 1 to line 2")
                    .contains("Resorna är redan dyra").contains("/en/my-projects/" + project.key());
        });

        // delivered once more (as after a crash): nobody is told twice
        jdbc.sql("""
                UPDATE event_publication SET completion_date = NULL, status = 'FAILED'
                WHERE event_type LIKE '%ChangeRequestDecided' AND serialized_event LIKE ?
                """).param("%" + project.key() + "%").update();
        incomplete.resubmitIncompletePublications(p -> p.getEvent().getClass().getSimpleName().equals("ChangeRequestDecided"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%ChangeRequestDecided'
                  AND serialized_event LIKE ? AND completion_date IS NULL
                """).param("%" + project.key() + "%").query(Integer.class).single() == 0);
        assertThat(ofProject(DemoUsers.ANNA.email())).hasSize(2);
        assertThat(ofProject(jane)).hasSize(2);
        assertThat(deliveries("change-decided:" + changes.get(1)))
                .containsExactlyInAnyOrder(DemoUsers.ANNA.email(), "karin@example.org", jane);
    }

    /** As the reports' review does it: the report approved and the event published in one transaction. */
    private void approveFirstReport(long eligible) {
        UUID report = jdbc.sql("SELECT id FROM project_report WHERE funded_partnership_id = ? AND position = 1")
                .param(project.id()).query(UUID.class).single();
        transactions.executeWithoutResult(s -> {
            jdbc.sql("UPDATE project_report SET status = 'approved', eligible_sek = ?, reviewed_by = ?, reviewed_at = now() WHERE id = ?")
                    .params(eligible, DemoUsers.OLLE.email(), report).update();
            events.publishEvent(new ReportApproved(project.id(), report, false, eligible, clock.instant(),
                    DemoUsers.OLLE.email()));
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM project_payment WHERE funded_partnership_id = ?").param(project.id())
                .query(Integer.class).single() == 1);
    }

    private List<MailCatcher.CaughtMail> ofProject(String to) {
        return mail.messagesTo(to).stream()
                .filter(m -> m.headers().contains("X-Partnerskap-Project: " + project.key())).toList();
    }

    private List<MailCatcher.CaughtMail> awaitMails(String to, int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ofProject(to).size() >= atLeast);
        return ofProject(to);
    }

    private int failed(String eventType) {
        return jdbc.sql("""
                SELECT coalesce(sum(completion_attempts), 0) FROM event_publication
                WHERE event_type LIKE ? AND serialized_event LIKE ? AND status = 'FAILED'
                """).params(eventType, "%" + project.key() + "%").query(Integer.class).single();
    }

    private List<String> deliveries(String key) {
        return jdbc.sql("SELECT recipient FROM mail_delivery WHERE delivery_key = ?").param(key).query(String.class).list();
    }
}

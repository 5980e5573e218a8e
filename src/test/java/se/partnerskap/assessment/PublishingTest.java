package se.partnerskap.assessment;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.notification.MailCatcher;
import se.partnerskap.programme.Programmes;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing a round: one e-mail with the decision letter per applicant, however often it is published or
 * the event delivered; the grants in the project directory and on the map; the draft press release.
 */
@EnableScenarios
class PublishingTest extends AbstractIntegrationTest {

    /** Inside the period of the grants, which starts on the day of the decision. */
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PressReleaseDrafts drafts;

    private AssessmentFixtures fixtures;
    private UUID round;
    private String roundKey;
    private UUID karlstad;
    private UUID aneby;
    private UUID rejected;
    private String karlstadContact;
    private String anebyContact;
    private String rejectedContact;

    @BeforeEach
    void roundWithThreeApplications() {
        clock.set(NOW);
        fixtures = new AssessmentFixtures(jdbc);
        round = fixtures.round(1_000_000);
        roundKey = "assess-" + round;
        karlstad = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County", "KE",
                "participation", 200_000, "sv");
        aneby = fixtures.submitted(round, fixtures.municipality("0604"), "Open budgets in Lviv", "Lviv oblast", "UA",
                "transparency", 450_000, "en");
        rejected = fixtures.submitted(round, fixtures.region("17"), "Vatten i Moshi", "Moshi", "TZ", "participation",
                300_000, "sv");
        // the round and its applications belong to the real programme, as the directory and the maps show only it;
        // its window lies in the past so that no other test sees it open
        jdbc.sql("UPDATE round SET programme_key = ?, opens_at = opens_at - interval '3 years', closes_at = closes_at - interval '3 years' WHERE id = ?")
                .params(Programmes.MUNICIPAL_PARTNERSHIP, round).update();
        jdbc.sql("UPDATE round_component SET programme_key = ? WHERE round_id = ?")
                .params(Programmes.MUNICIPAL_PARTNERSHIP, round).update();
        jdbc.sql("UPDATE application SET programme_key = ? WHERE round_id = ?")
                .params(Programmes.MUNICIPAL_PARTNERSHIP, round).update();
        String tag = round.toString().substring(0, 8);
        karlstadContact = "kontakt-" + tag + "@karlstad.example";
        anebyContact = "submitter-" + tag + "@aneby.example";
        rejectedContact = "submitter-" + tag + "@varmland.example";
        // Karlstad names a contact person in its applicant section; the others fall back on who submitted.
        // A submission cannot change, so each application is submitted a second time with its contact.
        resubmit(karlstad, "{\"sections\": {\"applicant\": {\"answers\": {\"contactEmail\": [\"" + karlstadContact
                + "\"]}}}}", "anna@example.org", "sv");
        resubmit(aneby, "{}", anebyContact, "en");
        resubmit(rejected, "{}", rejectedContact, "sv");
    }

    private void resubmit(UUID application, String snapshot, String by, String language) {
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                SELECT ?, application_id, 2, reference, ?, ?::jsonb, pdf, ?, ?, submitted_at FROM submission
                WHERE application_id = ? AND version = 1
                """).params(UUID.randomUUID(), "key2-" + application, snapshot, language, by, application).update();
    }

    @AfterEach
    void removeTheGrants() {
        // the directory, the maps and the home page count the real programme's partnerships and rounds
        jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        for (String table : List.of("round", "round_component", "application")) {
            jdbc.sql("UPDATE " + table + " SET programme_key = ? WHERE " + (table.equals("round") ? "id" : "round_id") + " = ?")
                    .params(AssessmentFixtures.PROGRAMME, round).update();
        }
    }

    /**
     * The event flow as a scenario (Spring Modulith): once the decisions are announced ({@link RoundPublished}),
     * the grants become funded partnerships of the round and the press release is drafted, in assessment and,
     * from its {@code PressReleaseDrafted}, as a draft news item in both languages in the newsroom.
     */
    @Test
    void announcedDecisionsBecomeProjectsAndAPressReleaseDraft(Scenario scenario) {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decideAll(officer);

        scenario.publish(new RoundPublished(round, NOW, List.of(karlstad, aneby, rejected)))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> drafts.ofRound(round)
                        .filter(d -> newsDrafts(d.id()) == 2 && grantTitles().size() == 2))
                .andVerify(draft -> {
                    assertThat(grantTitles()).containsExactlyInAnyOrder("Dialog i Kisumu", "Open budgets in Lviv");
                    assertThat(jdbc.sql("SELECT count(*) FROM news_item WHERE source_key LIKE ? AND status = 'draft'")
                            .param("press-release-draft/" + draft.get().id() + "/%").query(Integer.class).single())
                            .isEqualTo(2);
                });
    }

    private List<String> grantTitles() {
        return jdbc.sql("SELECT coalesce(title_sv, title_en) FROM funded_partnership WHERE round_id = ?").param(round)
                .query(String.class).list();
    }

    private int newsDrafts(UUID draft) {
        return jdbc.sql("SELECT count(*) FROM news_item WHERE source_key LIKE ?").param("press-release-draft/" + draft + "/%")
                .query(Integer.class).single();
    }

    @Test
    void publishingTellsEveryApplicantOnceWithItsLetterHoweverOftenItIsRepeated() throws Exception {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decideAll(officer);
        assertThat(publish(officer).statusCode()).isEqualTo(302);
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("Besluten är publicerade.");
        awaitDelivered();

        MailCatcher.CaughtMail sv = only(karlstadContact);
        assertThat(sv.subject()).contains(fixtures.reference(karlstad));
        assertThat(plain(sv.text())).contains("beviljas 200 000 kr");
        assertThat(letter(sv)).contains("Karlstad").contains("200 000 kr").contains("Hösten 2026 (bedömningstest)");
        MailCatcher.CaughtMail en = only(anebyContact);
        assertThat(en.subject()).startsWith("Decision on your application");
        assertThat(en.text()).contains("is granted SEK\u00a0450,000");
        assertThat(letter(en)).contains("Aneby").contains("SEK 450,000").contains("Autumn 2026 (assessment test)");
        assertThat(only(rejectedContact).text()).contains("avslås");
        assertThat(letter(only(rejectedContact))).contains("Region Värmland").contains("Utanför kärnområdena.");

        // publishing again changes nothing and says so
        assertThat(publish(officer).statusCode()).isEqualTo(302);
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("Omgången var redan publicerad.");
        // and the event delivered again (as after a crash) sends nothing twice
        transactions.executeWithoutResult(s -> events.publishEvent(new RoundPublished(round, NOW,
                List.of(karlstad, aneby, rejected))));
        awaitDelivered();
        for (String address : List.of(karlstadContact, anebyContact, rejectedContact)) {
            assertThat(mail.messagesTo(address)).as(address).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single())
                .isEqualTo("published");
        // a published decision stays as it was
        String page = get(officer, "/handlaggning/ansokningar/" + aneby).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + aneby + "/beslut", page,
                Map.of("outcome", "granted", "amount", "100000")).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT amount_sek FROM decision WHERE application_id = ?").param(aneby).query(Long.class)
                .single()).isEqualTo(450_000L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'assessment.round-published' AND subject_id = ?")
                .param(round.toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM funded_partnership WHERE round_id = ?").param(round)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM press_release_draft WHERE round_id = ?").param(round)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theGrantsAppearInTheDirectoryAndOnTheMap() {
        assertThat(marked(get("/karta").body())).doesNotContain("0604");
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decideAll(officer);
        publish(officer);
        awaitDelivered();

        String directory = get("/projekt?round=" + roundKey).body();
        // named by the title of the application, in the language it was written in, and saying which that is
        assertThat(directory).contains(">Dialog i Kisumu</a>", "<span lang=\"en\">Open budgets in Lviv</span> <span class=\"in-language\">(på engelska)</span>",
                "Karlstad", "Aneby", "Ukraina").doesNotContain("Moshi");
        assertThat(get("/en/projects?round=" + roundKey).body()).contains("Lviv oblast").contains("SEK\u00a0450,000")
                .contains(">Open budgets in Lviv</a>", "<span lang=\"sv\">Dialog i Kisumu</span> <span class=\"in-language\">(in Swedish)</span>");
        assertThat(marked(get("/karta").body())).contains("0604", "1780");
    }

    @Test
    void aTitleGivenInTheOtherLanguageNamesTheProjectOnThatLanguagesPages() {
        // Aneby wrote in English and gave its title in Swedish too
        jdbc.sql("""
                INSERT INTO application_section (application_id, section_key, answers, state, version)
                VALUES (?, 'challenge', '{"title": ["Open budgets in Lviv"], "titleOther": ["Öppna budgetar i Lviv"]}'::jsonb, 'completed', 1)
                """).param(aneby).update();
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decideAll(officer);
        publish(officer);
        awaitDelivered();

        Map<String, Object> titles = jdbc.sql("SELECT title_sv, title_en FROM funded_partnership WHERE key = ?")
                .param("decision:" + aneby).query().singleRow();
        assertThat(titles.get("title_en")).isEqualTo("Open budgets in Lviv");
        assertThat(titles.get("title_sv")).isEqualTo("Öppna budgetar i Lviv");
        // Karlstad gave none: its English title stays empty and its Swedish one is shown, saying so
        assertThat(jdbc.sql("SELECT title_en FROM funded_partnership WHERE key = ?").param("decision:" + karlstad)
                .query(String.class).optional().orElse(null)).isNull();
        assertThat(get("/projekt?round=" + roundKey).body()).contains(">Öppna budgetar i Lviv</a>")
                .doesNotContain("Open budgets in Lviv</span> <span class=\"in-language\">");
        assertThat(get("/en/projects?round=" + roundKey).body()).contains(">Open budgets in Lviv</a>");
    }

    @Test
    void theDraftPressReleaseNamesEveryGranteeAndTheExactTotalInBothLanguages() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decideAll(officer);
        publish(officer);
        awaitDelivered();

        PressReleaseDraft draft = drafts.ofRound(round).orElseThrow();
        assertThat(draft.status()).isEqualTo("draft");
        String sv = plain(draft.titleSv() + "\n" + draft.leadSv() + "\n" + draft.bodySv());
        assertThat(plain(draft.titleSv())).isEqualTo("2 svenska kommuner och regioner får dela på totalt 650 000 kronor");
        assertThat(sv).contains("Karlstad", "Aneby", "Kisumu County (Kenya)", "Dialog", "Om ICLD",
                "Internationellt Centrum för Lokal Demokrati").doesNotContain("Region Värmland");
        String en = plain(draft.titleEn() + "\n" + draft.leadEn() + "\n" + draft.bodyEn());
        assertThat(plain(draft.titleEn())).isEqualTo("2 Swedish municipalities and regions share SEK 650,000");
        assertThat(en).contains("Karlstad", "Aneby", "Lviv oblast (Ukraine)", "About ICLD").doesNotContain("Region Värmland");

        // case officers and communicators read it; in both languages
        String page = get(officer, "/handlaggning/omgangar/" + round + "/pressmeddelande").body();
        assertThat(plain(page)).contains("2 svenska kommuner och regioner får dela på totalt 650 000 kronor");
        HttpClient communicator = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        HttpResponse<String> english = get(communicator, "/handlaggning/omgangar/" + round + "/pressmeddelande?lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("2 Swedish municipalities and regions share SEK\u00a0650,000");
        // the contacts by name in the text; their addresses shown from the contact persons, stored nowhere else
        assertThat(draft.bodySv()).contains("Kontakt:").doesNotContain("@");
        List<String> addresses = jdbc.sql("SELECT email FROM contact_person WHERE programme_key = ? AND email IS NOT NULL")
                .param(Programmes.MUNICIPAL_PARTNERSHIP).query(String.class).list();
        assertThat(english.body()).contains(addresses);
    }

    @Test
    void applicantsReviewersAndCommunicatorsCannotPublish() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decideAll(officer);
        for (var user : List.of(DemoUsers.ANNA, DemoUsers.RUT, DemoUsers.KIM)) {
            HttpClient client = loggedInAs(user.email(), DemoUsers.PASSWORD);
            HttpResponse<String> response = postForm(client, "/handlaggning/omgangar/" + round + "/publicera",
                    get(client, "/").body(), Map.of("confirm", "yes"));
            assertThat(response.statusCode()).as(user.email()).isIn(403, 404);
        }
        assertThat(jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single())
                .isEqualTo("closed");
        assertThat(get(loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD),
                "/handlaggning/omgangar/" + round + "/pressmeddelande").statusCode()).isIn(403, 404);
    }

    @Test
    void aRoundWithUndecidedApplicationsIsNotPublished() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        assertThat(publish(officer).statusCode()).isEqualTo(302);
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("Alla ansökningar i omgången har inte fått beslut.");
        assertThat(jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single())
                .isEqualTo("closed");
    }

    @Test
    void publishingIsRefusedWhileTheRoundStillTakesApplicationsAndAllowedOnceItsDeadlineHasPassed() {
        // the round takes applications for another day
        Instant deadline = NOW.plus(Duration.ofDays(1));
        java.sql.Timestamp closed = jdbc.sql("SELECT closes_at FROM round WHERE id = ?").param(round)
                .query(java.sql.Timestamp.class).single();
        jdbc.sql("UPDATE round SET status = 'open', closes_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(deadline), round).update();
        try {
            HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
            decideAll(officer);
            String page = get(officer, "/handlaggning/omgangar/" + round).body();
            assertThat(page).contains("Omgången är öppen och tar emot ansökningar till")
                    .contains("Besluten kan publiceras först när omgången har stängt")
                    .doesNotContain("id=\"publish-confirm\"");
            assertThat(publish(officer).statusCode()).isEqualTo(302);
            assertThat(get(officer, "/handlaggning/omgangar/" + round).body())
                    .contains("Omgången tar fortfarande emot ansökningar.");
            assertThat(get(officer, "/en/assessment/rounds/" + round).body())
                    .contains("The decisions can be published only once the round has closed");
            assertThat(jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single())
                    .isEqualTo("open");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'assessment.round-published' AND subject_id = ?")
                    .param(round.toString()).query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%RoundPublished' AND serialized_event LIKE ?")
                    .param("%" + round + "%").query(Integer.class).single()).isZero();

            // a second after the deadline, before the closing job has run: the round is closed, then published
            clock.set(deadline.plusSeconds(1));
            assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("id=\"publish-confirm\"");
            assertThat(publish(officer).statusCode()).isEqualTo(302);
            awaitDelivered();
            assertThat(jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single())
                    .isEqualTo("published");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'round-closed' AND subject_id = ? AND actor = 'system'")
                    .param(round.toString()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("UPDATE round SET closes_at = ? WHERE id = ?").params(closed, round).update();
            jdbc.sql("UPDATE round SET status = 'closed' WHERE id = ? AND status = 'open'").param(round).update();
        }
    }

    @Test
    void thePublishPanelCountsTheApplicationsWithoutADecisionAndComesAfterTheWorkList() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(page).contains("3 ansökningar har inget beslut än.").contains("Omgången är stängd sedan");
        assertThat(page.indexOf("<caption>3 inskickade ansökningar")).isPositive()
                .isLessThan(page.indexOf("id=\"publish\""));
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        decide(officer, aneby, Map.of("outcome", "granted", "amount", "450000"));
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body()).contains("1 ansökan har inget beslut än.");
        assertThat(get(officer, "/en/assessment/rounds/" + round).body()).contains("1 application has no decision yet.");
        decide(officer, rejected, Map.of("outcome", "rejected", "reasonSv", "Utanför kärnområdena.",
                "reasonEn", "Outside the core areas."));
        assertThat(get(officer, "/handlaggning/omgangar/" + round).body())
                .contains("Alla inskickade ansökningar har fått beslut.");
        assertThat(get(officer, "/en/assessment/rounds/" + round).body())
                .contains("Every submitted application has a decision.").contains("The round closed on");
    }

    private void decideAll(HttpClient officer) {
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        decide(officer, aneby, Map.of("outcome", "granted", "amount", "450000"));
        decide(officer, rejected, Map.of("outcome", "rejected", "reasonSv", "Utanför kärnområdena.",
                "reasonEn", "Outside the core areas."));
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields)).statusCode())
                .isEqualTo(302);
    }

    private HttpResponse<String> publish(HttpClient officer) {
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        return postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"));
    }

    /** Until every listener has completed the round's publication. */
    private void awaitDelivered() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%RoundPublished'
                  AND serialized_event LIKE ? AND completion_date IS NULL
                """).param("%" + round + "%").query(Integer.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%RoundPublished' AND serialized_event LIKE ?")
                        .param("%" + round + "%").query(Integer.class).single() > 0);
    }

    private MailCatcher.CaughtMail only(String address) {
        List<MailCatcher.CaughtMail> mails = mailTo(address, 1);
        assertThat(mails).as(address).hasSize(1);
        return mails.getFirst();
    }

    private static String letter(MailCatcher.CaughtMail mail) throws Exception {
        assertThat(mail.attachments()).hasSize(1);
        MailCatcher.CaughtAttachment pdf = mail.attachments().getFirst();
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.filename()).endsWith(".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.content())) {
            return plain(new PDFTextStripper().getText(doc));
        }
    }

    private static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static List<String> marked(String html) {
        int start = html.indexOf("id=\"map-municipalities\"");
        String svg = html.substring(html.lastIndexOf("<svg", start), html.indexOf("</svg>", start));
        Matcher m = Pattern.compile("class=\"area on\" data-code=\"([0-9]+)\"").matcher(svg);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}

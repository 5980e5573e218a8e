package se.partnerskap.newsroom;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.assessment.PressReleaseDrafted;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.programme.Programmes;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;

import static org.assertj.core.api.Assertions.assertThat;

/** The press release drafted when a round is published arrives in the newsroom as a draft pair, once. */
class PressReleaseDraftTest extends AbstractIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private UUID round;
    private UUID draft;

    @AfterEach
    void remove() {
        jdbc.sql("DELETE FROM news_item WHERE source_key LIKE ?").param("press-release-draft/" + draft + "/%").update();
        jdbc.sql("DELETE FROM press_release_draft WHERE id = ?").param(draft).update();
        jdbc.sql("DELETE FROM round WHERE id = ?").param(round).update();
    }

    @Test
    void theDraftArrivesOnceInBothLanguagesWithItsContacts() {
        TestProgramme.ensure(jdbc);
        round = UUID.randomUUID();
        draft = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status)
                VALUES (?, ?, ?, 'Pressrunda', 'Press round', ?, ?, 'closed')
                """).params(round, TestProgramme.KEY, "press-" + round, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")),
                Timestamp.from(Instant.parse("2020-02-01T00:00:00Z"))).update();
        String tag = draft.toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO press_release_draft (id, round_id, title_sv, lead_sv, body_sv, title_en, lead_en, body_en,
                    created_at, status, programme_key, contact_keys)
                VALUES (?, ?, ?, 'Ingress', ?, ?, 'Lead', ?, now(), 'draft', ?, ?)
                """).params(draft, round, "Tre kommuner får stöd " + tag, "Första stycket.\n\nAndra <stycket> & mer.",
                "Three municipalities funded " + tag, "First paragraph.\n\nSecond.", Programmes.MUNICIPAL_PARTNERSHIP,
                new String[] {"maria-jansson"}).update();
        // delivered twice, as the registry may do after a restart
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(s -> events.publishEvent(new PressReleaseDrafted(draft, round)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%PressReleaseDrafted'
                  AND serialized_event LIKE ? AND completion_date IS NULL
                """).param("%" + draft + "%").query(Integer.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM news_item WHERE source_key LIKE ?")
                        .param("press-release-draft/" + draft + "/%").query(Integer.class).single() > 0);
        var rows = jdbc.sql("""
                SELECT language, title, status, type, body_html, translation_group FROM news_item WHERE source_key LIKE ? ORDER BY language DESC
                """).param("press-release-draft/" + draft + "/%").query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("language")).isEqualTo("sv");
        assertThat(rows.get(0).get("title")).isEqualTo("Tre kommuner får stöd " + tag);
        assertThat(rows.get(0).get("body_html")).isEqualTo("<p>Första stycket.</p>\n<p>Andra &lt;stycket&gt; &amp; mer.</p>");
        assertThat(rows.get(1).get("title")).isEqualTo("Three municipalities funded " + tag);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("draft");
            assertThat(r.get("type")).isEqualTo("press-release");
        });
        assertThat(rows.get(0).get("translation_group")).isEqualTo(rows.get(1).get("translation_group"));
        List<String> contacts = jdbc.sql("""
                SELECT c.contact_key FROM news_item_contact c JOIN news_item i ON i.id = c.item_id WHERE i.source_key = ?
                """).param("press-release-draft/" + draft + "/sv").query(String.class).list();
        assertThat(contacts).containsExactly("maria-jansson");

        // a communicator finds it among the drafts, and its preview shows the contact as the programme has it
        var kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        assertThat(get(kim, "/admin/nyheter?state=draft").body()).contains("Tre kommuner får stöd " + tag);
        UUID id = jdbc.sql("SELECT id FROM news_item WHERE source_key = ?").param("press-release-draft/" + draft + "/sv")
                .query(UUID.class).single();
        assertThat(get(kim, "/admin/nyheter/" + id + "/forhandsvisning").body()).contains("Maria Jansson")
                .contains("mailto:maria.jansson@icld.se").contains("Three municipalities funded " + tag);
    }
}

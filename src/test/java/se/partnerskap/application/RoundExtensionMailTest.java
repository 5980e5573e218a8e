package se.partnerskap.application;

import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.Rounds;

import static org.assertj.core.api.Assertions.assertThat;

class RoundExtensionMailTest extends ApplicationFixtures {

    @Autowired
    Applications applications;

    @Autowired
    RoundManagement management;

    @Autowired
    Rounds rounds;

    @Test
    void everyoneWithADraftIsToldOfAnExtensionThroughThePublicationRegistry() {
        UUID round = openRound(List.of("KE"), List.of("project"));
        UUID draft = startDraft(anna(), round, "project");
        UUID anna = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(DemoUsers.ANNA.email())
                .query(UUID.class).single();
        String contact = "kontakt-" + UUID.randomUUID().toString().substring(0, 6) + "@karlstad.demo.example";
        applications.saveSection(draft, anna, DemoUsers.ANNA.email(), "applicant", new Answers(Map.of(
                "contactName", List.of("Karin Kontakt"), "contactEmail", List.of(contact))), 0);

        Instant until = Instant.now().plus(Duration.ofDays(20));
        management.extend(round, until, "Fler ska hinna söka.", "More applicants should have time.",
                rounds.details(round).orElseThrow().version(), DemoUsers.OLLE.email());

        var mails = mailTo(contact, 1);
        assertThat(mails.getFirst().subject()).contains("förlängs").contains("extended");
        assertThat(mails.getFirst().text()).contains("Fler ska hinna söka.").contains("More applicants should have time.");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE event_type LIKE '%RoundExtended' AND completion_date IS NOT NULL AND serialized_event LIKE ?
                """).param("%" + round + "%").query(Integer.class).single() == 1);
    }
}

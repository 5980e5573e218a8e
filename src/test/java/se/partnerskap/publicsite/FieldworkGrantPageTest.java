package se.partnerskap.publicsite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fieldwork grant's page in both languages: who may apply and what is reported, the call when one is open
 * (a round of the programme, which the municipal partnership's form does not start), and the grantees' stories
 * from the newsroom, tagged with the programme.
 */
class FieldworkGrantPageTest extends AbstractIntegrationTest {

    @Autowired
    RoundManagement rounds;

    @Test
    void thePageSaysWhoMayApplyHowMuchAndTellsTheGranteesStoriesInBothLanguages() {
        var sv = get("/resestipendium");
        assertThat(sv.statusCode()).isEqualTo(200);
        assertThat(sv.body()).contains("<h1>Resestipendium</h1>").contains("href=\"/en/fieldwork-grant\"")
                .contains("minst fem veckor").contains("20 000 kronor").contains("Vad du rapporterar")
                // the demo's call, open around the day the demo was loaded
                .contains("(demo)").contains("är öppen.")
                // the demo's grantee stories are tagged with the programme; they are in English
                .contains("Understanding corruption through social norms").contains("lang=\"en\"")
                .contains("href=\"/nyheter?tag=resestipendium\"");
        var en = get("/en/fieldwork-grant");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<h1>Fieldwork grant</h1>").contains("Who can apply")
                .contains("at least five weeks").contains("Earlier grantees’ stories").contains("href=\"/resestipendium\"");
        // the newsroom lists the stories by the programme's tag
        assertThat(get("/en/news?tag=resestipendium").body()).contains("Understanding corruption through social norms")
                .doesNotContain("Tio miljoner till stärkt demokratisamarbete");
    }

    @Test
    void anOpenCallIsShownWithItsDeadlineAndOfferedAsAGrantOneAppliesForOneself() {
        Instant now = Instant.now();
        clock.set(now);
        UUID call = rounds.create(new RoundInput("resestipendium", "Resestipendium test " + UUID.randomUUID(),
                "Fieldwork grant test " + UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)),
                400_000, 20_000, false, false, List.of("ZM"), List.of("fieldwork")), "test");
        try {
            rounds.open(call, 1, "test");
            var sv = get("/resestipendium");
            assertThat(sv.body()).contains("är öppen.").contains("Sista dag att söka är").contains("per stipendiat")
                    .doesNotContain("Ingen utlysning är öppen just nu");
            assertThat(get("/en/fieldwork-grant").body()).contains("is open.").contains("At most");
            assertThat(get("/api/v1/programmes").body()).contains("\"key\":\"resestipendium\"")
                    .contains("\"applicantKind\":\"person\"").contains("Fieldwork grant test");
            // the applications page offers it as a grant one applies for oneself, not in the organisations' start form
            String applications = get(loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD), "/ansokningar").body();
            assertThat(applications).contains("Stipendier du söker själv").contains("Starta din ansökan till Resestipendium test");
            assertThat(applications.split(java.util.regex.Pattern.quote(call + "|fieldwork"), -1)).as("only its own start form")
                    .hasSize(2);
        } finally {
            int version = jdbc.sql("SELECT version FROM round WHERE id = ?").param(call).query(Integer.class).single();
            rounds.close(call, version, "test"); // the other tests see no open call
        }
    }
}

package se.partnerskap.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.programme.Programmes;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One database, two rounds one after the other, both set up by the case officer through the admin pages:
 * the first runs to published decisions, then the second opens. At every step the home page, the start page
 * of an application and the dashboards tell the truth about each round. The rounds lie in 2034–2035, where
 * no other test has a round of the real programme.
 */
class RoundRunTwiceTest extends AbstractIntegrationTest {

    private static final String AUTUMN = "Höstens ansökningsomgång 2034";
    private static final String SPRING = "Vårens ansökningsomgång 2035";

    private final List<UUID> made = new ArrayList<>();

    @AfterEach
    void leaveTheRealProgrammeAsItWas() {
        // the directory, the maps and the public pages count the real programme's partnerships and rounds
        for (UUID round : made) {
            jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
            for (String table : List.of("round", "round_component", "application")) {
                jdbc.sql("UPDATE " + table + " SET programme_key = ? WHERE " + (table.equals("round") ? "id" : "round_id")
                        + " = ?").params(AssessmentFixtures.PROGRAMME, round).update();
            }
        }
    }

    @Test
    void aSecondRoundAfterAFirstOneWithPublishedDecisionsAndEveryPageTellsTheTruth() {
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);

        // August 2034: the officer sets up the autumn round the form proposes, and publishes it to applicants
        clock.set(Instant.parse("2034-08-01T10:00:00Z"));
        UUID autumn = createAndPublish(officer, AUTUMN, "2034-09-15T00:00:00", "2034-10-15T23:59:59");
        assertThat(get(officer, "/handlaggning/omgangar/" + autumn).body()).contains("Omgången öppnar 15 september 2034");
        assertThat(get(anna, "/ansokningar").body()).doesNotContain(offered(autumn));

        // September: it is open on every page
        clock.set(Instant.parse("2034-09-20T10:00:00Z"));
        assertThat(get("/").body()).contains(AUTUMN + " är öppen").contains("15 oktober 2034 23:59");
        assertThat(get("/en").body()).contains("Autumn round 2034 is open");
        assertThat(get(anna, "/ansokningar").body()).contains(offered(autumn));
        assertThat(get(anna, "/en/applications").body()).contains(offered(autumn));
        String open = get(officer, "/handlaggning/omgangar/" + autumn).body();
        assertThat(open).contains("Omgången är öppen och tar emot ansökningar till 15 oktober 2034 23:59")
                .doesNotContain("id=\"publish-confirm\"");
        UUID karlstad = submitted(autumn, "1780", "Dialog i Kisumu", 200_000);
        UUID aneby = submitted(autumn, "0604", "Öppna budgetar i Lviv", 300_000);
        assertThat(get(officer, "/handlaggning/omgangar/" + autumn).body()).contains("2 ansökningar har inget beslut än.");
        // publishing now is refused: a later application could never be decided
        publish(officer, autumn);
        assertThat(status(autumn)).isEqualTo("open");

        // after the deadline, before the closing job: closed everywhere, nothing offered
        clock.set(Instant.parse("2034-10-16T08:00:00Z"));
        String home = get("/").body();
        assertThat(home).doesNotContain(AUTUMN + " är öppen").contains("Ingen ansökningsperiod är öppen just nu")
                .contains(SPRING);
        assertThat(get("/en").body()).doesNotContain("Autumn round 2034 is open")
                .contains("No application period is open right now");
        assertThat(get(anna, "/ansokningar").body()).doesNotContain(offered(autumn))
                .contains("Ingen ansökningsomgång är öppen just nu");
        assertThat(get(officer, "/handlaggning/omgangar/" + autumn).body())
                .contains("Omgången är stängd sedan 15 oktober 2034 23:59");
        decide(officer, karlstad, Map.of("outcome", "granted", "amount", "200000"));
        assertThat(get(officer, "/handlaggning/omgangar/" + autumn).body()).contains("1 ansökan har inget beslut än.");
        decide(officer, aneby, Map.of("outcome", "rejected", "reasonSv", "Utanför kärnområdena.",
                "reasonEn", "Outside the core areas."));
        publish(officer, autumn);
        assertThat(status(autumn)).isEqualTo("published");
        awaitDelivered(autumn);

        // November: the decisions are out; the round is never offered again, not even by a crafted request
        clock.set(Instant.parse("2034-11-20T10:00:00Z"));
        String page = get(anna, "/ansokningar").body();
        assertThat(page).doesNotContain(offered(autumn));
        HttpResponse<String> start = postForm(anna, "/ansokningar", page, Map.of("organisation",
                fixtures().municipality(DemoUsers.ANNA.municipalities().getFirst()).toString(), "choice", autumn + "|project"));
        assertThat(start.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE round_id = ? AND status = 'draft'").param(autumn)
                .query(Integer.class).single()).isZero();
        assertThat(get(officer, "/handlaggning/omgangar/" + autumn).body())
                .contains("Omgången är stängd och dess beslut är publicerade.");
        assertThat(get(officer, "/handlaggning").body()).contains(AUTUMN + "</a> – besluten publicerade");

        // the officer sets up the next round: the form proposes the spring, not the autumn that is over
        UUID spring = createAndPublish(officer, SPRING, "2035-02-15T00:00:00", "2035-03-15T23:59:59");
        assertThat(get("/").body()).doesNotContain(SPRING + " är öppen").doesNotContain(AUTUMN + " är öppen")
                .contains("Ingen ansökningsperiod är öppen just nu").contains("Nästa period, " + SPRING + ", öppnar")
                .contains("15 februari 2035");
        assertThat(get(anna, "/ansokningar").body()).doesNotContain(offered(spring)).doesNotContain(offered(autumn));
        assertThat(get(officer, "/handlaggning/omgangar/" + spring).body()).contains("Omgången öppnar 15 februari 2035")
                .contains("Alla inskickade ansökningar har fått beslut.").doesNotContain("id=\"publish-confirm\"");

        // February 2035: the second round is open, the first stays decided
        clock.set(Instant.parse("2035-02-20T10:00:00Z"));
        assertThat(get("/").body()).contains(SPRING + " är öppen").doesNotContain(AUTUMN + " är öppen");
        assertThat(get("/en").body()).contains("Spring round 2035 is open").doesNotContain("Autumn round 2034 is open");
        assertThat(get(anna, "/ansokningar").body()).contains(offered(spring)).doesNotContain(offered(autumn));
        assertThat(get(officer, "/handlaggning/omgangar/" + spring).body())
                .contains("Omgången är öppen och tar emot ansökningar till 15 mars 2035 23:59");
        assertThat(get(officer, "/handlaggning/omgangar/" + autumn).body()).contains("Omgångens beslut är publicerade.");
        assertThat(get(officer, "/handlaggning").body()).contains(SPRING + "</a> – tar emot ansökningar")
                .contains(AUTUMN + "</a> – besluten publicerade");
    }

    /** Creates the round the form proposes (checked against the expected dates) and publishes it to applicants. */
    private UUID createAndPublish(HttpClient officer, String name, String opens, String closes) {
        String form = get(officer, "/admin/omgangar/ny").body();
        assertThat(form).contains("value=\"" + name + "\"").contains("value=\"" + opens + "\"")
                .contains("value=\"" + closes + "\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nameSv", name);
        fields.put("nameEn", name.startsWith("Höst") ? "Autumn round " + name.substring(name.length() - 4)
                : "Spring round " + name.substring(name.length() - 4));
        fields.put("opens", opens);
        fields.put("closes", closes);
        fields.put("budget", "5000000");
        fields.put("maxAmount", "500000");
        fields.put("countries", "KE");
        fields.put("components", "project");
        fields.put("onePerLeadAndPartner", "true");
        fields.put("version", "0");
        HttpResponse<String> created = postForm(officer, "/admin/omgangar/ny", form, fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        made.add(id);
        assertThat(postForm(officer, "/admin/omgangar/" + id + "/publicera", get(officer, location).body(),
                Map.of("version", "1")).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("open");
        return id;
    }

    /** A submitted application of the real programme's round, made in SQL as submission leaves it. */
    private UUID submitted(UUID round, String municipality, String title, long requested) {
        AssessmentFixtures fixtures = fixtures();
        UUID id = fixtures.submitted(round, fixtures.municipality(municipality), title, "Kisumu County", "KE",
                "participation", requested, "sv");
        jdbc.sql("UPDATE application SET programme_key = ?, component_key = 'project' WHERE id = ?")
                .params(Programmes.MUNICIPAL_PARTNERSHIP, id).update();
        return id;
    }

    private AssessmentFixtures fixtures() {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        fixtures.programme();
        return fixtures;
    }

    private static String offered(UUID round) {
        return "value=\"" + round + "|";
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields)).statusCode())
                .isEqualTo(302);
    }

    private void publish(HttpClient officer, UUID round) {
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);
    }

    private String status(UUID round) {
        return jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single();
    }

    private void awaitDelivered(UUID round) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%RoundPublished'
                  AND serialized_event LIKE ? AND completion_date IS NULL
                """).param("%" + round + "%").query(Integer.class).single() == 0);
    }
}

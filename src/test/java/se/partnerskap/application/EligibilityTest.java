package se.partnerskap.application;

import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Section;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.partnerskap.application.SubmissionFixtures.DURING;

/** Each rule of eligibility refuses a submission with its own message, nothing submitted, the attempt audited. */
class EligibilityTest extends AbstractIntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Autowired
    Applications applications;

    SubmissionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(DURING);
    }

    /** Posts the declaration (the form is not shown while rules fail, so the key is made up) and expects a refusal. */
    private String refused(UUID id, String lang) {
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String path = "en".equals(lang) ? "/en/applications/" + id + "/submit" : "/ansokningar/" + id + "/skicka-in";
        String page = get(anna, path).body();
        HttpResponse<String> response = postForm(anna, path, page,
                Map.of("key", UUID.randomUUID().toString(), "declaration", "yes"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("draft");
        assertThat(jdbc.sql("SELECT count(*) FROM submission WHERE application_id = ?").param(id).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE action = 'application.found-ineligible' AND subject_id = ?
                """).param(id.toString()).query(Integer.class).single()).isEqualTo(1);
        return response.body();
    }

    @Test
    void anOrganisationOfAKindThatMayNotApplyIsRefused() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "kind@karlstad.example", true, "Kisumu County", "KE", 200_000);
        jdbc.sql("DELETE FROM programme_applicant_kind WHERE programme_key = 'kommunala-partnerskapstest' AND kind = 'region'")
                .update();
        try {
            assertThat(refused(id, "sv")).contains("Din organisation får inte söka i programmet: organisationstypen region");
        } finally {
            jdbc.sql("INSERT INTO programme_applicant_kind (programme_key, kind) VALUES ('kommunala-partnerskapstest', 'region')")
                    .update();
        }
    }

    @Test
    void aPartnerCountryOutsideTheRoundIsRefused() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "country@karlstad.example");
        jdbc.sql("DELETE FROM round_country WHERE round_id = ? AND country_iso2 = 'KE'").param(round).update();
        assertThat(refused(id, "en")).contains("The partner country Kenya is not part of this round");
    }

    @Test
    void anAmountOverTheComponentsMaximumForThePartnersRegionIsRefused() {
        UUID round = fixtures.round(null, true);
        // 270 000 kr is within an inception's maximum with a partner in Africa (275 000 kr) ...
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "amount@karlstad.example", false, "Kisumu County", "KE", 270_000);
        // ... but not once the partner is in Europe (220 000 kr)
        UUID me = fixtures.userId(DemoUsers.ANNA);
        fixtures.save(id, me, DemoUsers.ANNA, "partners", Map.of("partner1Name", "Kharkiv", "partner1Type",
                "municipality", "partner1Country", "UA", "partner1ContactName", "Olena", "partner1ContactEmail",
                "olena@kharkiv.example"));
        assertThat(refused(id, "sv")).contains("Du söker 270\u00a0000\u00a0kr, men det högsta beloppet för den här delen är 220\u00a0000\u00a0kr");
    }

    @Test
    void anAmountOverTheRoundsMaximumIsRefused() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "roundmax@karlstad.example", false, "Kisumu County", "KE",
                260_000);
        jdbc.sql("UPDATE round SET max_amount_sek = 250000 WHERE id = ?").param(round).update();
        assertThat(refused(id, "en")).contains("You are applying for SEK\u00a0260,000, but the most an application may ask for in this round is SEK\u00a0250,000");
    }

    @Test
    void incompleteSectionsAreRefusedOneByOneWithLinks() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.draft(DemoUsers.ANNA, round, false);
        String body = refused(id, "sv");
        assertThat(body).contains("Delen ”Budget” är inte klar").contains("Delen ”Bilagor” är inte klar")
                .contains("href=\"/ansokningar/" + id + "/budget\"");
    }

    @Test
    void aSecondApplicationWithTheSamePartnerInARoundIsRefusedWhenTheRoundSaysSo() {
        UUID round = fixtures.round(null, true);
        UUID first = fixtures.complete(DemoUsers.ANNA, round, "dup1@karlstad.example");
        UUID second = fixtures.complete(DemoUsers.ANNA, round, "dup2@karlstad.example", false, "  kisumu   COUNTY ", "KE",
                100_000);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String page = get(anna, "/ansokningar/" + first + "/skicka-in").body();
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(postForm(anna, "/ansokningar/" + first + "/skicka-in", page, Map.of("key", m.group(1),
                "declaration", "yes")).statusCode()).isEqualTo(302);
        String reference = jdbc.sql("SELECT reference FROM application WHERE id = ?").param(first).query(String.class).single();
        assertThat(refused(second, "sv")).contains("redan skickat in en ansökan med samma partnerorganisation")
                .contains(reference);

        // a round that allows several applications per lead and partner takes the second one
        jdbc.sql("UPDATE round SET one_per_lead_and_partner = false WHERE id = ?").param(round).update();
        String again = get(anna, "/ansokningar/" + second + "/skicka-in").body();
        Matcher k = KEY.matcher(again);
        assertThat(k.find()).isTrue();
        assertThat(postForm(anna, "/ansokningar/" + second + "/skicka-in", again, Map.of("key", k.group(1),
                "declaration", "yes")).statusCode()).isEqualTo(302);
    }
}

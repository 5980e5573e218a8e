package se.partnerskap.grant;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case officer or communicator corrects or adds a project's public title and theme in both languages:
 * saved and audited with what was there before, refused without a change when someone else saved in between
 * or a text is too long, and closed to applicants.
 */
class PublicTextsTest extends AbstractIntegrationTest {

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    private FollowUpFixtures fixtures;
    private FundedPartnership p;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
        p = fixtures.project("texts", fixtures.municipality("1780"), TestProgramme.KEY, 200_000,
                LocalDate.of(2026, 1, 1), 2, List.of(new NewProject.CostLine("travel", "Resor", "swedish", 200_000)));
    }

    @AfterEach
    void clean() {
        fixtures.clean();
    }

    private String sv() {
        return "/uppfoljning/projekt/" + p.key() + "/publika-texter";
    }

    private static Map<String, String> texts(String version, String titleSv, String titleEn, String themeSv, String themeEn) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("titleSv", titleSv);
        m.put("titleEn", titleEn);
        m.put("themeSv", themeSv);
        m.put("themeEn", themeEn);
        return m;
    }

    private int audits() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'project-public-texts-updated'")
                .param(p.id().toString()).query(Integer.class).single();
    }

    @Test
    void anOfficerAddsTheTitleInBothLanguagesAndCorrectsTheTheme() {
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        assertThat(get(olle, "/uppfoljning/projekt/" + p.key()).body()).contains("href=\"" + sv() + "\"");
        String page = get(olle, sv()).body();
        assertThat(page).contains("value=\"Medborgardialog\"").contains("value=\"Citizen dialogue\"")
                .contains("<label for=\"texts-titleEn\">Titel på engelska</label>");

        HttpResponse<String> saved = postForm(olle, sv(), page,
                texts("0", "Dialog i Kisumu", " Dialogue  in Kisumu ", "Medborgardialog med unga", "Citizen dialogue"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(sv());
        assertThat(get(olle, sv()).body()).contains("Projektets offentliga texter är sparade.");
        FundedPartnership now = funded.byKey(p.key()).orElseThrow();
        assertThat(now.titleSv()).isEqualTo("Dialog i Kisumu");
        assertThat(now.titleEn()).isEqualTo("Dialogue in Kisumu");
        assertThat(now.themeSv()).isEqualTo("Medborgardialog med unga");
        assertThat(now.slug()).isEqualTo(p.slug()); // the address given out stays
        assertThat(audits()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT details->>'themeSvBefore' FROM audit_entry WHERE subject_id = ? AND action = 'project-public-texts-updated'
                """).param(p.id().toString()).query(String.class).single()).isEqualTo("Medborgardialog");
        assertThat(get(olle, "/uppfoljning/projekt/" + p.key()).body())
                .contains("Projektets offentliga titel eller tema ändrades");

        // an empty field removes its text
        String again = get(olle, sv()).body();
        assertThat(postForm(olle, sv(), again, texts("1", "Dialog i Kisumu", "Dialogue in Kisumu", "", "Citizen dialogue"))
                .statusCode()).isEqualTo(302);
        assertThat(funded.byKey(p.key()).orElseThrow().themeSv()).isNull();
    }

    @Test
    void aSaveBasedOnAnOldVersionIsRefusedAndShowsWhatTheOtherPersonSaved() {
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        HttpClient kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        String olles = get(olle, sv()).body();
        String kims = get(kim, sv()).body();
        assertThat(postForm(kim, sv(), kims, texts("0", "Kims titel", "Kim's title", "", "")).statusCode()).isEqualTo(302);

        HttpResponse<String> refused = postForm(olle, sv(), olles, texts("0", "Olles titel", "", "", ""));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Någon annan sparade texterna medan du skrev. Ingenting är sparat")
                .contains("Kims titel").contains("value=\"Olles titel\"").contains("name=\"version\" value=\"1\"");
        assertThat(funded.byKey(p.key()).orElseThrow().titleSv()).isEqualTo("Kims titel");
        assertThat(audits()).isEqualTo(1);
    }

    @Test
    void aTooLongTextIsRefusedInThePagesLanguage() {
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String en = "/en/follow-up/projects/" + p.key() + "/public-texts";
        String page = get(olle, en).body();
        assertThat(page).contains("action=\"" + en + "\"").contains("<label for=\"texts-titleSv\">Title in Swedish</label>");
        HttpResponse<String> refused = postForm(olle, en, page, texts("0", "x".repeat(201), "", "", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#texts-titleSv\"").contains("The text may be at most 200 characters.")
                .contains("aria-invalid=\"true\"");
        assertThat(funded.byKey(p.key()).orElseThrow().titleSv()).isNull();
        assertThat(audits()).isZero();
        HttpResponse<String> saved = postForm(olle, en, page, texts("0", "Dialog", "Dialogue", "", ""));
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(en);
    }

    @Test
    void communicatorsMayCorrectTheTextsButNotFollowUpTheProjectAndApplicantsMayDoNeither() {
        HttpClient kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        assertThat(get(kim, sv()).statusCode()).isEqualTo(200);
        assertThat(get(kim, "/uppfoljning/projekt/" + p.key()).statusCode()).isEqualTo(403);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        assertThat(get(anna, sv()).statusCode()).isEqualTo(403);
        assertThat(get(loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD),
                "/uppfoljning/projekt/followup-test-nothing/publika-texter").statusCode()).isEqualTo(404);
    }
}

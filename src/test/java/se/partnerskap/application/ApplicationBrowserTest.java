package se.partnerskap.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicationBrowserTest extends BrowserTest {

    private UUID application;

    @BeforeAll
    void draft() {
        UUID round = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, 'kommunala-partnerskap', ?, 'Webbläsaromgång', 'Browser round', ?, ?, 'open', ?::jsonb)
                """).params(round, "browser-" + round, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(20))),
                "[{\"key\":\"youth\",\"type\":\"long-text\",\"required\":true,\"labelSv\":\"Hur deltar unga?\",\"labelEn\":\"How do young people take part?\",\"maxLength\":500,\"options\":[]}]")
                .update();
        jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, 'KE')").param(round).update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, 'kommunala-partnerskap', 'project')").param(round).update();
        UUID org = jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = '1780' AND kind = 'municipality'").query(UUID.class).single();
        application = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, created_by, created_at, updated_at)
                VALUES (?, ?, 'kommunala-partnerskap', 'project', ?, 'test', now(), now())
                """).params(application, round, org).update();
        for (String s : List.of("applicant", "partners", "core-areas", "challenge", "activities", "budget", "attachments", "questions")) {
            jdbc.sql("INSERT INTO application_section (application_id, section_key) VALUES (?, ?)").params(application, s).update();
        }
    }

    @org.junit.jupiter.api.AfterAll
    void removeRound() {
        ApplicationFixtures.removeRounds(jdbc, "browser-%");
    }

    private void login() {
        open("/login");
        page.locator("#email").fill(DemoUsers.ANNA.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("form button[type=submit]").first().click();
        page.waitForURL("**/ansokningar");
    }

    @Test
    void theDraftPagesAreAccessibleInBothLanguages() {
        login();
        for (String path : List.of("/ansokningar", "/en/applications", "/ansokningar/" + application,
                "/en/applications/" + application, "/ansokningar/" + application + "/utmaning",
                "/en/applications/" + application + "/challenge", "/ansokningar/" + application + "/budget",
                "/en/applications/" + application + "/partners", "/ansokningar/" + application + "/fragor",
                "/ansokningar/" + application + "/bilagor", "/en/applications/" + application + "/check-answers")) {
            open(path);
            assertAccessible();
        }
    }

    @Test
    void typingAutosavesAndTheStatusLineSaysWhen() {
        login();
        open("/ansokningar/" + application + "/karnomraden");
        String before = page.locator("input[name=version]").inputValue();
        page.locator("#theme").pressSequentially("Unga i klimatarbetet", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator(".autosave-status")).containsText("Sparat");
        assertThat(page.locator("input[name=version]").inputValue()).isNotEqualTo(before);
        String answers = jdbc.sql("SELECT answers::text FROM application_section WHERE application_id = ? AND section_key = 'core-areas'")
                .param(application).query(String.class).single();
        assertThat(answers).contains("Unga i klimatarbetet");
        // the counter of a long text counts down as one types
        open("/ansokningar/" + application + "/utmaning");
        page.locator("#challenge").fill("abc");
        assertThat(page.locator("#challenge-count")).containsText("tecken kvar");
        assertThat(page.locator("#challenge-count").textContent().replaceAll("\\D", "")).startsWith("2997");
    }

    @Test
    void beforeTheSessionExpiresThePageWarnsAndStayingLoggedInHidesTheWarning() {
        page.clock().install();
        login();
        open("/ansokningar/" + application + "/utmaning");
        var warning = page.locator("#session-warning");
        assertThat(warning).isHidden();
        // the session lasts 60 minutes; the warning comes 5 minutes before
        page.clock().fastForward("56:00");
        assertThat(warning).isVisible();
        assertThat(page.locator("#session-warning button")).isFocused();
        assertAccessible();
        page.locator("#session-warning button").click();
        assertThat(warning).isHidden();
    }
}

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
        login(page);
    }

    private void login(com.microsoft.playwright.Page page) {
        page.navigate(url("/login"));
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
        // in English the counter says "character" for exactly one and "characters" otherwise
        open("/en/applications/" + application + "/challenge");
        page.locator("#challenge").fill("a".repeat(2999));
        assertThat(page.locator("#challenge-count")).hasText("You have 1 character left.");
        page.locator("#challenge").fill("a".repeat(2998));
        assertThat(page.locator("#challenge-count")).hasText("You have 2 characters left.");
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

    /** Partner {@code n} of the partners form: a district in Kenya with its contact person. */
    private static void fillKenyanDistrict(com.microsoft.playwright.Page page, int n, String name, String contact,
            String email) {
        page.locator("#partner" + n + "Name").fill(name);
        page.locator("#partner" + n + "Type").selectOption("district");
        page.locator("#partner" + n + "Country").selectOption("KE");
        page.locator("#partner" + n + "ContactName").fill(contact);
        page.locator("#partner" + n + "ContactEmail").fill(email);
    }

    @Test
    void withoutJavaScriptAPartnerAndABudgetLineAreAddedAndRemovedAndEverythingTypedStays() {
        var noScript = pageWithoutJavaScript();
        login(noScript);
        String base = url("/ansokningar/" + application);
        noScript.navigate(base + "/partner");
        assertThat(noScript.locator("#partner2Name")).hasCount(0);
        fillKenyanDistrict(noScript, 1, "Makueni County", "Jane Mwende", "jane@makueni.example");
        noScript.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Lägg till partner")).click();
        noScript.waitForURL("**/partner#partner2");
        assertThat(noScript.locator(".notice")).containsText("En partnerorganisation till är tillagd");
        assertThat(noScript.locator("#partner1Name")).hasValue("Makueni County");
        assertThat(noScript.locator("#partner1ContactEmail")).hasValue("jane@makueni.example");
        fillKenyanDistrict(noScript, 2, "Kitui County", "Peter Mutua", "peter@kitui.example");
        // Enter in a field saves the form (its first button is Save), it does not remove a partner
        noScript.locator("#partner2ContactEmail").press("Enter");
        noScript.waitForURL(base);
        assertThat(noScript.locator("#task-partners-status")).hasText("Klar");
        String partners = jdbc.sql("SELECT answers::text FROM application_section WHERE application_id = ? AND section_key = 'partners'")
                .param(application).query(String.class).single();
        assertThat(partners).contains("Makueni County").contains("Kitui County");

        noScript.navigate(base + "/budget");
        assertThat(noScript.locator(".budget-line")).hasCount(1);
        noScript.locator("#line1Category").selectOption("travel");
        noScript.locator("#line1Description").fill("Resor till Makueni");
        noScript.locator("#line1Party").selectOption("swedish");
        noScript.locator("#line1Amount").fill("40 000");
        noScript.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Lägg till kostnadsrad")).click();
        noScript.waitForURL("**/budget#line2");
        assertThat(noScript.locator(".budget-line")).hasCount(2);
        assertThat(noScript.locator("#line1Description")).hasValue("Resor till Makueni");
        noScript.locator("#line2Category").selectOption("meetings");
        noScript.locator("#line2Description").fill("Workshoppar");
        noScript.locator("#line2Party").selectOption("partner");
        noScript.locator("#line2Amount").fill("25 000");
        noScript.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Ta bort kostnadsrad 1")).click();
        noScript.waitForURL("**/budget#line1");
        assertThat(noScript.locator(".budget-line")).hasCount(1);
        assertThat(noScript.locator("#line1Description")).hasValue("Workshoppar");
        assertThat(noScript.locator("#line1Amount")).hasValue("25 000");
        noScript.close();

        // the pages with the added rows, in both languages, for axe
        login();
        for (String path : List.of("/ansokningar/" + application + "/partner", "/en/applications/" + application + "/partners",
                "/ansokningar/" + application + "/budget", "/en/applications/" + application + "/budget")) {
            open(path);
            assertAccessible();
        }
        assertThat(page.locator("button[name=remove]")).hasCount(0); // one budget line: nothing to remove
    }
}

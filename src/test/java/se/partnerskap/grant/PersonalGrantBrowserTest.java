package se.partnerskap.grant;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Sha256;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The pages after a fieldwork application is submitted, in Chromium and axe-clean: the supervisor's confirmation
 * (no login), the grantee's grants with the keyboard, and the officers' list of grants to persons.
 */
class PersonalGrantBrowserTest extends BrowserTest {

    private static final String TOKEN = "browser-" + "k".repeat(40);

    private UUID round;
    private UUID application;
    private String email;

    @BeforeAll
    void grantedApplication() {
        round = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, 'resestipendium', ?, 'Resestipendium (webbläsare, beslut)', 'Fieldwork grant (browser, decided)',
                        ?, ?, 'published', '[]'::jsonb)
                """).params(round, "fieldwork-browser-decided-" + round, Timestamp.from(Instant.now().minus(Duration.ofDays(60))),
                Timestamp.from(Instant.now().minus(Duration.ofDays(30)))).update();
        email = "browser-grantee-" + round.toString().substring(0, 8) + "@student.example";
        UUID student = selfRegistered(email, "Bo Browser");
        application = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, applicant_user_id, status, title,
                                         reference, created_by, created_at, updated_at, submitted_at)
                VALUES (?, ?, 'resestipendium', 'fieldwork', ?, 'submitted', 'Byråd i Kisumu', ?, 'test', now(), now(), now())
                """).params(application, round, student, "R-BROWSER-" + round.toString().substring(0, 6)).update();
        jdbc.sql("""
                INSERT INTO personal_grant (application_id, programme_key, round_id, grantee_user_id, reference, title,
                                            affiliation, country_iso2, amount_sek, listing_consent, decided_at)
                VALUES (?, 'resestipendium', ?, ?, 'R-BROWSER', 'Byråd i Kisumu', 'Göteborgs universitet', 'KE', 15000,
                        false, now())
                """).params(application, round, student).update();
        jdbc.sql("""
                INSERT INTO confirmation_request (id, application_id, email, name, token_hash, language, created_at, expires_at)
                VALUES (?, ?, 'handledare@gu.example', 'Gun Handledare', ?, 'sv', now(), now() + interval '30 days')
                """).params(UUID.randomUUID(), application, Sha256.hex(TOKEN)).update();
    }

    @AfterAll
    void closeRound() {
        jdbc.sql("UPDATE personal_grant SET listing_consent = false WHERE round_id = ?").param(round).update();
    }

    private void logIn(String user, String password) {
        page.navigate(url("/login"));
        page.locator("#email").fill(user);
        page.locator("#password").fill(password);
        page.locator("#password").press("Enter");
        page.waitForLoadState();
    }

    @Test
    void theSupervisorConfirmsOnAnAccessiblePageWithoutLoggingIn() {
        open("/handledare/" + TOKEN);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bekräfta att du stöder fältarbetet");
        assertAccessible();
        open("/en/supervisor/" + TOKEN);
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, I support it")).click();
        assertThat(page.locator(".notice")).containsText("Thank you");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, I support it"))).hasCount(0);
        assertAccessible();
    }

    @Test
    void theGranteeAcceptsWithTheKeyboardAndTheOfficersListIsAccessible() {
        logIn(email, PERSON_PASSWORD);
        open("/mina-stipendier");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tacka ja till stipendiet R-BROWSER")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".notice")).containsText("Du har tackat ja");
        assertAccessible();
        open("/en/my-grants");
        assertAccessible();

        page.context().clearCookies();
        logIn(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        open("/uppfoljning/stipendier");
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Bo Browser"))).hasCount(1);
        assertAccessible();
        open("/en/follow-up/grants");
        assertAccessible();
    }
}

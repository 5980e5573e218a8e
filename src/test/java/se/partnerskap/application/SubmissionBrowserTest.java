package se.partnerskap.application;

import se.partnerskap.application.internal.Applications;
import java.util.UUID;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The submit page, the receipt and "my applications" in a real browser, without JavaScript needs, checked by axe. */
class SubmissionBrowserTest extends BrowserTest {

    @Autowired
    Applications applications;

    private void login() {
        open("/login");
        page.locator("#email").fill(DemoUsers.ANNA.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("main form button[type=submit]").first().click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    @Test
    void submitReceiptAndMyApplicationsAreAccessibleInSwedishAndEnglish() {
        SubmissionFixtures fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(SubmissionFixtures.DURING);
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "browser@karlstad.example");
        UUID incomplete = fixtures.draft(DemoUsers.ANNA, round, true);
        login();

        open("/ansokningar/" + incomplete + "/skicka-in");
        assertThat(page.locator(".error-summary").textContent()).contains("Ansökan kan inte skickas in");
        assertAccessible();

        open("/en/applications/" + id + "/submit");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the application")).click();
        assertThat(page.locator(".error-summary").textContent()).contains("Tick the box");
        assertAccessible();

        open("/ansokningar/" + id + "/skicka-in");
        page.getByLabel("Jag intygar").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka in ansökan")).click();
        page.waitForURL(u -> u.endsWith("/kvitto"));
        assertThat(page.locator(".confirmation-panel").textContent()).containsPattern("KP-2026-H-\\d{4}");
        assertAccessible();

        open("/en/applications/" + id + "/receipt");
        assertThat(page.locator("h1").textContent()).contains("Application submitted");
        assertAccessible();

        open("/ansokningar/mina");
        assertThat(page.locator("table").textContent()).contains("dagar kvar").contains("Inskickad");
        assertAccessible();
        open("/en/applications/mine");
        assertThat(page.locator("table").textContent()).contains("days left").contains("Submitted");
        assertAccessible();
    }
}

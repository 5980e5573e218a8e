package se.partnerskap.grant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My projects", a project page with its forms and errors, and the officers' follow-up in a real browser,
 * checked by axe; the demo projects of anna's and per's organisations are there to look at.
 */
class FollowUpBrowserTest extends BrowserTest {

    private void login(DemoUsers.DemoUser user) {
        open("/login");
        page.locator("#email").fill(user.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("main form button[type=submit]").first().click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    @Test
    void myProjectsAndAProjectPageWithItsErrorsAreAccessible() {
        login(DemoUsers.PER);
        open("/mina-projekt");
        assertThat(page.locator("table").textContent()).contains("Ungas röster i klimatarbetet").contains("Avtal att godkänna")
                .contains("Årsredovisning 1");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ungas röster i klimatarbetet")).click();
        assertThat(page.locator("h1").textContent()).contains("Ungas röster i klimatarbetet");
        assertAccessible();
        // a change request without its answers: the error summary links to the fields and nothing is stored
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka begäran")).click();
        assertThat(page.locator(".error-summary").textContent()).contains("Välj vad ni vill ändra.")
                .contains("Skriv skälet till ändringen.");
        assertAccessible();

        open("/en/my-projects/demo-follow-up-pitea");
        assertThat(page.locator("h1").textContent()).contains("Ungas röster");
        assertThat(page.locator("#money ~ dl").first().textContent()).contains("SEK\u00a0450,000");
        assertAccessible();
    }

    @Test
    void theOfficersFollowUpAndProjectPageAreAccessible() {
        login(DemoUsers.OLLE);
        open("/uppfoljning");
        assertThat(page.locator("table").textContent()).contains("Karlstad").contains("Piteå")
                .contains("Avtalet är inte godkänt");
        assertAccessible();
        page.locator("#filter-flag").selectOption("agreement-not-accepted");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa")).click();
        assertThat(page.locator("table").textContent()).contains("Piteå").doesNotContain("Karlstad");

        open("/uppfoljning/projekt/demo-follow-up-karlstad");
        assertThat(page.locator("#payments ~ div table").first().textContent()).contains("DEMO-VER-0001");
        assertAccessible();
        open("/en/follow-up");
        assertAccessible();
    }

    @Test
    void thePublicTitleAndThemeFormWithItsErrorsIsAccessible() {
        login(DemoUsers.OLLE);
        open("/uppfoljning/projekt/demo-follow-up-karlstad");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rätta projektets offentliga titel och tema")).click();
        assertThat(page.locator("h1").textContent()).contains("Projektets offentliga titel och tema");
        assertAccessible();
        // a text longer than allowed (the field's maxlength taken away, as a script could): nothing is saved
        page.locator("#texts-themeEn").evaluate("e => e.removeAttribute('maxlength')");
        String before = page.locator("#texts-themeEn").inputValue();
        page.locator("#texts-themeEn").fill("x".repeat(201));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara texterna")).click();
        assertThat(page.locator(".error-summary").textContent()).contains("Texten får vara högst 200 tecken.");
        assertAccessible();
        page.locator("#texts-themeEn").fill(before);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara texterna")).click();
        assertThat(page.locator(".notice").textContent()).contains("Projektets offentliga texter är sparade.");
        open("/en/follow-up/projects/demo-follow-up-karlstad/public-texts");
        assertThat(page.locator("h1").textContent()).contains("The project's public title and theme");
        assertAccessible();
    }
}

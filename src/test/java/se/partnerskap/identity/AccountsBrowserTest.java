package se.partnerskap.identity;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class AccountsBrowserTest extends BrowserTest {

    @Test
    void theLoginPageInBothLanguagesHasNoAccessibilityViolations() {
        open("/login");
        assertThat(page.getByLabel("E-post")).isVisible();
        assertAccessible();
        open("/en/login");
        assertThat(page.getByLabel("Password")).isVisible();
        assertAccessible();
    }

    @Test
    void aWrongPasswordShowsAnAccessibleErrorAndKeepsTheEmail() {
        page.navigate(url("/en/login"));
        page.locator("#email").fill(DemoUsers.RUT.email());
        page.locator("#password").fill("not the password");
        page.locator("form button[type=submit]").first().click();
        assertThat(page.locator("#email")).hasValue(DemoUsers.RUT.email());
        assertThat(page.locator("#password")).hasValue("");
        assertAccessible();
    }

    @Test
    void anAdministratorLogsInWithTheKeyboardAndReachesTheAccountUsersAndContentPagesWithoutViolations() {
        open("/login");
        page.locator("#email").fill(DemoUsers.ADA.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#password").press("Enter");
        // an administrator lands on the users; the account page is a link away
        assertThat(page).hasURL(url("/admin/anvandare"));
        assertAccessible();
        open("/konto");
        assertThat(page.getByText(DemoUsers.ADA.name()).first()).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Användare")).click();
        assertThat(page).hasURL(url("/admin/anvandare"));
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/admin/users"));
        assertAccessible();
        open("/en/admin/users/invite");
        assertAccessible();
        open("/admin/innehall");
        assertAccessible();
        open("/en/admin/content/programme/faq/en");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page).hasURL(url("/en"));
    }

    @Test
    void theForgottenPasswordPagesHaveNoViolations() {
        open("/glomt-losenord");
        assertAccessible();
        open("/en/forgot-password");
        assertAccessible();
    }

    @Test
    void registeringAndAskingToRepresentAnOrganisationWorkWithTheKeyboardAndWithoutViolations() {
        open("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skapa ett konto")).click();
        assertThat(page).hasURL(url("/registrera"));
        assertAccessible();
        // a mistake: shown in the summary and next to the field, what was typed kept
        page.locator("#name").fill("Bea Browser");
        page.locator("#email").fill("inte en adress");
        page.locator("#email").press("Enter");
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator("#name")).hasValue("Bea Browser");
        assertAccessible();
        page.locator("#email").fill("bea-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.example");
        page.locator("#email").press("Enter");
        assertThat(page).hasURL(url("/registrera/skickat"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Titta i din e-post"))).isVisible();
        assertAccessible();

        open("/login");
        page.locator("#email").fill(DemoUsers.ANNA.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#password").press("Enter");
        open("/en/account/organisations");
        assertThat(page.getByText("Karlstad").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click(); // none chosen
        assertThat(page.locator("#organisation-error")).isVisible();
        assertAccessible();
        open("/en/organisations/requests");
        assertAccessible();
    }

    @Test
    void registeringAndAskingToJoinWorkWithoutJavaScript() {
        var noScript = pageWithoutJavaScript();
        noScript.navigate(url("/en/register"));
        noScript.locator("#name").fill("Nils Noscript");
        noScript.locator("#email").fill("nils-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.example");
        noScript.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
        assertThat(noScript).hasURL(url("/en/register/sent"));
        assertThat(noScript.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail"))).isVisible();

        noScript.navigate(url("/en/login"));
        noScript.locator("#email").fill(DemoUsers.PER.email());
        noScript.locator("#password").fill(DemoUsers.PASSWORD);
        noScript.locator("#password").press("Enter");
        noScript.navigate(url("/en/account/organisations"));
        noScript.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
        assertThat(noScript.locator("#organisation-error")).isVisible();
        noScript.navigate(url("/en/organisations/requests"));
        assertThat(noScript.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Requests to represent an organisation");
    }
}

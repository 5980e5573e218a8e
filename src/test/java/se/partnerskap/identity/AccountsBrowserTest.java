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
}

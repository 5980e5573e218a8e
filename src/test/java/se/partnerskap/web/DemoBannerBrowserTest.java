package se.partnerskap.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** In demo mode every page says, in its language, that the data is invented and the mail is caught. */
class DemoBannerBrowserTest extends BrowserTest {

    private Locator banner(String name) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(name));
    }

    private Locator inboxLink() {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Visa den fångade e-posten"));
    }

    @Test
    void everyPageCarriesTheDemoBannerInItsLanguageWithoutAccessibilityViolations() {
        open("/");
        assertThat(banner("Det här är en demo.")).isVisible();
        assertThat(banner("Det här är en demo.")).containsText("påhittade");
        assertThat(banner("Det här är en demo.")).containsText("E-post skickas inte");
        assertThat(inboxLink()).hasCount(0);
        assertAccessible();

        open("/en/news");
        assertThat(banner("This is a demo.")).isVisible();
        assertThat(banner("This is a demo.")).containsText("invented");
        assertThat(banner("This is a demo.")).containsText("E-mail is not sent");
        assertAccessible();

        page.navigate(url("/en/nothing-here"));
        assertThat(banner("This is a demo.")).isVisible();
    }

    @Test
    void theAdministratorFindsTheCaughtMailThroughTheBanner() {
        open("/login");
        page.locator("#email").fill(DemoUsers.ADA.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("main button[type=submit]").click();
        assertThat(page).hasURL(url("/admin/anvandare"));
        assertThat(inboxLink()).isVisible();
        assertAccessible();
        inboxLink().click();
        assertThat(page).hasURL(url("/demo/e-post"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Demons e-postlåda"))).isVisible();
        assertAccessible();
    }
}

package se.partnerskap.programme;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The round and component administration pages in a real browser, checked with axe. */
class RoundsBrowserTest extends BrowserTest {

    private void logIn(DemoUsers.DemoUser user) {
        open("/login");
        page.locator("#email").fill(user.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("form button[type=submit]").last().click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Test
    void theRoundsListAndTheRoundFormInBothLanguagesHaveNoViolations() {
        logIn(DemoUsers.OLLE);
        open("/admin/omgangar");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Ansökningsomgångar");
        assertAccessible();
        open("/en/admin/rounds");
        assertAccessible();
        open("/admin/omgangar/ny");
        assertAccessible();
        // a mistake: the error summary links to the field, and the page stays accessible
        page.locator("#budget").fill("-5");
        page.locator("#nameSv").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skapa omgången som utkast")).click();
        assertThat(page.locator(".error-summary a[href='#budget']")).isVisible();
        assertAccessible();
        open("/en/admin/rounds/new");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Application rounds")).click();
        page.locator("table a").first().click();
        assertAccessible();
    }

    @Test
    void theApplicationFormPagesAndTheirErrorsHaveNoViolations() {
        logIn(DemoUsers.ADA);
        open("/admin/formular");
        assertAccessible();
        open("/en/admin/forms/kommunala-partnerskap");
        assertAccessible();
        open("/admin/formular/resestipendium");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Ansökningsformuläret för Resestipendium");
        // a mistake is refused, saves nothing and keeps what was typed
        page.locator("#definition").fill("{\"sections\": [");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara som ny version")).click();
        assertThat(page.locator(".error-summary a[href='#definition']")).containsText("inte giltig JSON");
        assertThat(page.locator("#definition")).hasValue("{\"sections\": [");
        assertAccessible();
        // a fieldwork call is made in the rounds' pages too
        open("/admin/omgangar/ny?programme=resestipendium");
        assertAccessible();
    }

    @Test
    void theComponentsPagesHaveNoViolations() {
        logIn(DemoUsers.ADA);
        open("/admin/komponenter");
        assertAccessible();
        open("/en/admin/components/project");
        assertAccessible();
    }

    @Test
    void theDocumentTermsPageAndItsErrorsHaveNoViolations() {
        logIn(DemoUsers.ADA);
        open("/admin/dokument");
        assertThat(page.locator("#nameSv")).hasValue("ICLD – Internationellt centrum för lokal demokrati");
        assertAccessible();
        // a mistake is refused, saves nothing and keeps what was typed
        page.locator("#nameEn").fill("");
        page.locator("#organisationNumber").fill("12345");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
        assertThat(page.locator(".error-summary a[href='#nameEn']")).hasText("Fyll i fältet");
        assertThat(page.locator(".error-summary a[href='#organisationNumber']")).isVisible();
        assertThat(page.locator("#organisationNumber")).hasValue("12345");
        assertAccessible();
        open("/en/admin/documents");
        assertThat(page.locator("#nameEn")).hasValue("ICLD – Swedish International Centre for Local Democracy");
        assertAccessible();
    }

    @Test
    void theOrganisationNumbersPagesAndTheirErrorsHaveNoViolations() {
        logIn(DemoUsers.ADA);
        open("/admin/organisationer");
        assertAccessible();
        // the filter is a plain GET form
        page.locator("#q").fill("Åsele");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök")).click();
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertAccessible();
        page.locator("tbody a").first().click();
        assertAccessible();
        // a wrong check digit is refused and what was typed is kept
        page.locator("#organisationNumber").fill("212000-0143");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
        assertThat(page.locator(".error-summary a[href='#organisationNumber']")).containsText("kontrollsiffran");
        assertThat(page.locator("#organisationNumber")).hasValue("212000-0143");
        assertAccessible();
        open("/en/admin/organisations?q=region");
        assertAccessible();
    }
}

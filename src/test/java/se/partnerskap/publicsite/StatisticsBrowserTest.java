package se.partnerskap.publicsite;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The statistics and the open-data page in Chromium: filters by keyboard, charts that a screen reader names, axe. */
class StatisticsBrowserTest extends BrowserTest {

    @Test
    void theStatisticsFilterByKeyboardAndHaveNoAccessibilityViolationsInEitherLanguage() {
        open("/projekt");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statistik över ansökningar och beviljat stöd")).click();
        assertThat(page).hasURL(url("/statistik"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Statistik").setExact(true))).isVisible();
        // each chart is one image named by its title, with its table beside it
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Sökt, beviljat och utbetalt belopp per år")))
                .isVisible();
        assertThat(page.locator("#amounts-table tbody tr").first()).isVisible();
        assertAccessible();
        page.getByLabel("Visa per").selectOption("country");
        page.getByLabel("Land").focus();
        page.keyboard().press("Tab");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa statistik")).press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/statistik\\?per=country.*"));
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("Kenya")).first()).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Applications and grants per country")))
                .isVisible();
        assertAccessible();
    }

    @Test
    void theOpenDataPageHasNoAccessibilityViolationsAndTheStatisticsFitAPhone() {
        open("/oppna-data");
        assertThat(page.locator("#data-sets")).isVisible();
        assertAccessible();
        open("/en/open-data");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API reference: every address, parameter and answer")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("GET /api/v1/projects").setExact(true))).isVisible();
        assertAccessible();
        open("/oppna-data/api");
        assertAccessible();
        page.setViewportSize(360, 740);
        for (String path : new String[] {"/statistik", "/en/statistics?per=round", "/oppna-data", "/en/open-data/api"}) {
            open(path);
            Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) scrollWidth).intValue()).as(path).isLessThanOrEqualTo(360);
        }
    }
}

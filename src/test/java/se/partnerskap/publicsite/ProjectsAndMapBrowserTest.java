package se.partnerskap.publicsite;

import java.time.Instant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class ProjectsAndMapBrowserTest extends BrowserTest {

    @Test
    void theDirectoryAndAProjectPageInBothLanguagesHaveNoAccessibilityViolations() {
        open("/projekt");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projekt som fått stöd"))).isVisible();
        assertAccessible();
        // the search form works by itself, without script
        page.getByLabel("Sök", new Page.GetByLabelOptions().setExact(true)).fill("Makueni");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa projekt")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Karlstad – Kenya")).click();
        assertThat(page).hasURL(url("/projekt/karlstad-makueni"));
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/projects/karlstad-makueni"));
        assertAccessible();
        open("/en/projects?country=KE");
        assertAccessible();
        open("/en/projects?q=nothing+like+this");
        assertThat(page.getByText("No project matches the search.")).isVisible();
        assertAccessible();
    }

    @Test
    void theMapInBothLanguagesHasNoAccessibilityViolations() {
        clock.set(Instant.parse("2020-09-01T10:00:00Z"));
        open("/karta");
        assertThat(page.locator("#map-municipalities path.area.on").first()).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/map"));
        assertThat(page.locator("#countries-table")).isVisible();
        assertAccessible();
    }

    @Test
    void theMapAndTheDirectoryFitAPhoneSizedScreen() {
        page.setViewportSize(360, 740);
        for (String path : new String[] {"/karta", "/en/projects"}) {
            open(path);
            Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) scrollWidth).intValue()).as(path).isLessThanOrEqualTo(360);
        }
    }
}

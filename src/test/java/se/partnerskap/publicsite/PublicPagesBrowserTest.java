package se.partnerskap.publicsite;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class PublicPagesBrowserTest extends BrowserTest {

    @Test
    void homePageInBothLanguagesHasNoAccessibilityViolations() {
        open("/");
        assertThat(page.locator("html")).hasAttribute("lang", "sv");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertAccessible();
    }

    @Test
    void programmePageInBothLanguagesHasNoAccessibilityViolationsAndSwitchesLanguageOnTheSamePage() {
        open("/kommunala-partnerskap");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fyra kärnområden"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/municipal-partnership"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Four core areas"))).isVisible();
        assertAccessible();
    }

    @Test
    void theFieldworkGrantPageInBothLanguagesHasNoViolationsAndItsStoriesOpen() {
        open("/resestipendium");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vem kan söka"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/fieldwork-grant"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who can apply"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Understanding corruption through social norms")
                .setExact(false)).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/news/understanding-corruption-lusaka$"));
    }

    @Test
    void onANewsItemWithoutTranslationTheLanguageSwitchSaysSoAndStaysOnTheItem() {
        open("/nyheter/tio-miljoner-till-starkt-demokratisamarbete");
        assertThat(page.locator("nav.lang")).hasText("Not available in English");
        assertThat(page.locator("nav.lang a")).hasCount(0);
        assertThat(page.locator("nav.lang [lang=en]")).isVisible();
        assertAccessible();
        open("/en/news/having-the-freedom-south-africa");
        assertThat(page.locator("nav.lang")).hasText("Finns inte på svenska");
        assertThat(page.locator("nav.lang a")).hasCount(0);
        assertAccessible();
    }

    @Test
    void theSkipLinkIsTheFirstStopAndMovesFocusToTheContent() {
        open("/kommunala-partnerskap");
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        assertThat(page.locator(".skip-link")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/kommunala-partnerskap#main"));
    }

    @Test
    void thePageWorksOnAPhoneSizedScreen() {
        page.setViewportSize(360, 740);
        open("/en/municipal-partnership");
        // nothing wider than the screen: no horizontal scrolling of the page
        Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(360);
        assertAccessible();
    }

    @Test
    void anUnknownPageIsATranslatedPageWithoutViolations() {
        var response = page.navigate(url("/en/nothing-here"));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        assertAccessible();
    }

    @Test
    void thePrintedPageLeavesOutNavigationButKeepsTheContent() {
        open("/kommunala-partnerskap");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("nav.main-nav")).isHidden();
        assertThat(page.locator(".skip-link")).isHidden();
        assertThat(page.locator("#purpose")).isVisible();
    }
}

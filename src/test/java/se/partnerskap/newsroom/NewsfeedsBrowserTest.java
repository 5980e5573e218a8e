package se.partnerskap.newsroom;

import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class NewsfeedsBrowserTest extends BrowserTest {

    NewsfeedsFixtures news;

    @BeforeEach
    void fixtures() {
        news = new NewsfeedsFixtures(jdbc);
    }

    @AfterEach
    void clean() {
        news.clean();
    }

    @Test
    void theSearchPageWithResultsHasNoAccessibilityViolations() {
        String word = news.unique("demokrati");
        for (int i = 1; i <= 11; i++) {
            news.item("article", "sv", news.slug("browser-" + i), "Lokal " + word + " nummer " + i, "En ingress om " + word + ".",
                    "<p>Kommunerna arbetar med " + word + ".</p>", "published", Instant.now().minus(Duration.ofMinutes(i)));
        }
        open("/sok");
        assertAccessible();
        page.getByLabel("Vad letar du efter?").fill(word);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Träff 1–10 av 11")))).isVisible();
        assertThat(page.locator("mark").first()).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nästa")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lokal " + word + " nummer 11"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page.getByText("In Swedish").first()).isVisible();
        assertAccessible();
        open("/en/search?q=" + news.unique("nothing"));
        assertThat(page.getByText("Check the spelling.")).isVisible();
        assertAccessible();
    }

    @Test
    void theSubscriptionFormAndItsErrorsHaveNoAccessibilityViolations() {
        String region = news.unique("Kronoberg");
        news.tag("kronoberg", "region", region, region);
        news.tag("kenya", "country", news.unique("Kenya"), news.unique("Kenya"));
        open("/prenumeration");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prenumerera").setExact(true)).click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skriv din e-postadress"))).isVisible();
        assertAccessible();
        page.getByLabel("E-postadress").fill(news.email("browser"));
        page.getByLabel(region).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prenumerera").setExact(true)).click();
        assertThat(page.getByText("Om adressen stämmer")).isVisible();
        open("/en/subscription");
        assertAccessible();
    }
}

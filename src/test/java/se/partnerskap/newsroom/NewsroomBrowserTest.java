package se.partnerskap.newsroom;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom's pages, public and editorial, pass axe (WCAG 2.1 A and AA) and work in a browser. */
class NewsroomBrowserTest extends BrowserTest {

    @Test
    void thePublicNewsroomPagesAreAccessible() {
        for (String path : new String[] {"/nyheter", "/en/news", "/nyheter/tio-miljoner-till-starkt-demokratisamarbete",
                "/en/news/icld-is-capacitating-local-leaders-in-zimbabwe", "/publikationer", "/en/publications"}) {
            open(path);
            assertAccessible();
        }
    }

    @Test
    void theFilterFormWorksAndTheEditorIsAccessible() {
        open("/nyheter");
        page.locator("#type").selectOption("press-release");
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL("**/nyheter?type=press-release**");
        assertThat(page.locator("main").textContent()).contains("Miljonsatsning").doesNotContain("Lokal demokrati behövs");
        assertAccessible();

        open("/login");
        page.locator("#email").fill(DemoUsers.KIM.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL("**/admin/nyheter");
        open("/admin/nyheter");
        assertAccessible();
        open("/admin/nyheter/ny");
        assertAccessible();
        // a mistake: the error summary is accessible too
        page.locator("button[value=save]").click();
        page.waitForLoadState();
        assertThat(page.locator(".error-summary").textContent()).contains("Skriv en rubrik");
        assertAccessible();
    }
}

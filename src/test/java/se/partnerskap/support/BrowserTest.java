package se.partnerskap.support;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser test: Debian's Chromium (/usr/bin/chromium, no browser download) driven by Playwright,
 * against the running application, with axe-core checking WCAG 2.1 A and AA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends AbstractIntegrationTest {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    protected Page page;

    @BeforeAll
    void launch() {
        playwright = Playwright.create();
        String executable = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(executable))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @BeforeEach
    void newPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE"));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        context.close();
        if (withoutJavaScript != null) {
            withoutJavaScript.close();
            withoutJavaScript = null;
        }
    }

    private BrowserContext withoutJavaScript;

    /** A page of a browser context of its own with JavaScript off (closed after the test): the forms must work so. */
    protected Page pageWithoutJavaScript() {
        if (withoutJavaScript == null) {
            withoutJavaScript = browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE")
                    .setJavaScriptEnabled(false));
        }
        Page p = withoutJavaScript.newPage();
        p.setDefaultTimeout(15_000);
        return p;
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected void open(String path) {
        var response = page.navigate(url(path));
        assertThat(response.status()).as("status of " + path).isLessThan(400);
    }

    /** axe-core finds no WCAG 2.1 A/AA violation on the current page. */
    protected void assertAccessible() {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        String report = results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(results.getViolations()).as("axe violations on " + page.url() + "\n" + report).isEmpty();
    }
}

package se.partnerskap.application;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The student's journey for the fieldwork grant in Chromium: with the keyboard and JavaScript, and without it. */
class FieldworkBrowserTest extends BrowserTest {

    private UUID call;

    @BeforeAll
    void openCall() {
        call = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, max_amount_sek,
                                   budget_sek, questions)
                VALUES (?, 'resestipendium', ?, 'Resestipendium (webbläsare)', 'Fieldwork grant (browser)', ?, ?, 'open',
                        20000, 200000, '[]'::jsonb)
                """).params(call, "fieldwork-browser-" + call, Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                Timestamp.from(Instant.now().plus(Duration.ofDays(5)))).update();
        jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, 'KE'), (?, 'ZM')").params(call, call).update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, 'resestipendium', 'fieldwork')")
                .param(call).update();
    }

    @AfterAll
    void closeCall() {
        jdbc.sql("UPDATE round SET closes_at = now() - interval '1 minute' WHERE id = ?").param(call).update();
    }

    private String student() {
        String email = "student-" + UUID.randomUUID().toString().substring(0, 8) + "@student.example";
        selfRegistered(email, "Stina Student");
        return email;
    }

    private void login(Page p, String email) {
        p.navigate(url("/login"));
        p.locator("#email").fill(email);
        p.locator("#password").fill(PERSON_PASSWORD);
        p.locator("#password").press("Enter");
        p.waitForURL("**/ansokningar");
    }

    private Locator startButton(Page p) {
        return p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Starta din ansökan till Resestipendium (webbläsare)"));
    }

    @Test
    void aStudentStartsAndFillsInHerApplicationWithTheKeyboardOnAccessiblePages() {
        login(page, student());
        assertAccessible();
        startButton(page).focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/ansokningar/*");
        String base = page.url().replace(url(""), "");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fältarbetet"))).isVisible();
        assertAccessible();

        open(base + "/faltarbete");
        assertAccessible();
        page.locator("#q-country").selectOption("ZM");
        page.locator("#q-place").fill("Lusaka");
        page.locator("#q-starts").fill("2027-02-01");
        page.locator("#q-ends").fill("2027-02-20");
        page.locator("#q-ends").press("Tab");
        assertThat(page.locator(".autosave-status")).containsText("Sparat");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
        // stored, but under five weeks: the form says so, next to the field and in the summary
        assertThat(page.locator("#q-ends-error")).containsText("minst 35 dagar");
        assertThat(page.locator(".error-summary")).isVisible();
        assertAccessible();

        for (String path : List.of(base.replace("/ansokningar/", "/en/applications/") + "/budget",
                base.replace("/ansokningar/", "/en/applications/") + "/personal-details", base + "/cv", base + "/intygande",
                base + "/granska")) {
            open(path);
            assertAccessible();
        }
    }

    @Test
    void withoutJavaScriptTheBudgetCeilingAndTheCheckPageWork() {
        Page p = pageWithoutJavaScript();
        login(p, student());
        startButton(p).click();
        p.waitForURL("**/ansokningar/*");
        String base = p.url().replace(url(""), "");
        p.navigate(url(base + "/budget"));
        p.locator("#q-travel").fill("15 000");
        p.locator("#q-living").fill("8 000");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
        assertThat(p.locator("#q-other-error, #q-living-error, #q-travel-error").first()).containsText("maxbeloppet");
        assertThat(p.locator("#q-travel")).hasValue("15 000");
        p.locator("#q-living").fill("5 000");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
        p.waitForURL(url(base));
        assertThat(p.getByText("Budget").first()).isVisible();
        p.navigate(url(base + "/granska"));
        assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Budget"))).isVisible();
        assertThat(p.getByText("15\u00a0000\u00a0kr")).isVisible();
    }
}

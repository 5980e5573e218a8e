package se.partnerskap.grant.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The report form, the review page and the officer's list in a browser, checked with axe. */
class ReportBrowserTest extends BrowserTest {

    private ReportData data;

    @BeforeEach
    void data() {
        data = new ReportData(jdbc);
    }

    @AfterEach
    void deleteProjects() {
        data.deleteAll();
    }

    private void login(String email) {
        open("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("form button[type=submit]").last().click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Test
    void theReportFormAutosavesShowsErrorsAndIsAccessible() {
        clock.set(LocalDate.of(2027, 1, 15).atTime(LocalTime.NOON).atZone(StockholmTime.ZONE).toInstant());
        ReportData.Project p = data.project();
        UUID report = data.annual(p);
        login(DemoUsers.ANNA.email());
        open(ReportFixtures.path(p, report));
        assertAccessible();

        page.locator("#f-progress").fill("We trained 40 staff.");
        page.locator("#autosave .autosave-status").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Sparat")).waitFor();
        assertThat(jdbc.sql("SELECT answers->>'progress' FROM project_report WHERE id = ?").param(report)
                .query(String.class).single()).isEqualTo("We trained 40 staff.");

        page.locator("#f-actual-1").fill("-100");
        page.locator("button[value=submit]").click();
        page.locator(".error-summary").waitFor();
        assertThat(page.locator(".error-summary").textContent()).contains("negativt");
        assertThat(page.locator("#f-actual-1").inputValue()).isEqualTo("-100");
        assertAccessible();

        open("/en" + ReportFixtures.path(p, report).replace("/mina-projekt", "/my-projects"));
        assertAccessible();
    }

    @Test
    void theReviewPageAndTheOfficersListAreAccessible() {
        ReportData.Project p = data.project();
        UUID report = data.submitted(p, 1);
        login(DemoUsers.OLLE.email());
        open("/uppfoljning/redovisningar");
        assertThat(page.locator("a[href='/uppfoljning/redovisningar/" + report + "']").count()).isEqualTo(1);
        assertAccessible();
        open("/uppfoljning/redovisningar/" + report);
        assertThat(page.locator("tr.variance").count()).isEqualTo(1);
        assertAccessible();

        page.locator("#f-eligible").fill("999999");
        page.locator("form[action$='/godkann'] button").click();
        page.locator(".error-summary").waitFor();
        assertAccessible();
        page.locator("#f-eligible").fill("190000");
        page.locator("form[action$='/godkann'] button").click();
        page.locator(".notice").waitFor();
        assertThat(page.locator(".notice").textContent()).contains("godkänd");
        assertAccessible();
    }
}

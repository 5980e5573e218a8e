package se.partnerskap.assessment;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The dashboard, an application and a review page in a real browser, checked with axe. */
class AssessmentBrowserTest extends BrowserTest {

    private void logIn(String email) {
        open("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("form button[type=submit]").last().click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Test
    void theDashboardTheApplicationAndTheReviewPagesHaveNoViolations() {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        UUID application = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County",
                "KE", "participation", 200_000, "sv");
        logIn(DemoUsers.OLLE.email());
        open("/handlaggning/omgangar/" + round);
        assertAccessible();
        open("/en/assessment/rounds/" + round + "?country=KE");
        assertAccessible();
        open("/handlaggning/ansokningar/" + application);
        page.locator("#reviewer").selectOption(fixtures.userId(DemoUsers.RUT.email()).toString());
        page.locator("form[action$='/granskare'] button").click();
        // a decision with a mistake: the error summary and the fields stay accessible
        page.locator("input[name=outcome][value=granted]").check();
        page.locator("#amount").fill("999999999");
        page.locator("#makerName").fill("Maria Beslutsfattare");
        page.locator("form[action$='/beslut'] button").click();
        assertThat(page.locator(".error-summary a[href='#amount']")).isVisible();
        // a grant needs its reasons (the assessment's summary) and who decided; what was typed stays
        assertThat(page.locator(".error-summary a[href='#reasonSv']")).hasText("Skriv skälen för att bevilja på svenska (sammanfattningen av bedömningen)");
        assertThat(page.locator(".error-summary a[href='#makerRole']")).isVisible();
        assertThat(page.locator("#makerName")).hasValue("Maria Beslutsfattare");
        assertAccessible();
        open("/handlaggning/omgangar/" + round + "/rangordning");
        assertAccessible();
        open("/handlaggning/logg?round=" + round);
        assertAccessible();
        page.context().clearCookies();

        logIn(DemoUsers.RUT.email());
        open("/granskning");
        assertAccessible();
        open("/granskning/" + application);
        assertAccessible();
        page.locator("input[name=conflict][value=no]").check();
        page.locator("form[action$='/jav'] button").click();
        assertThat(page.locator("#score-relevance")).isVisible();
        assertAccessible();
        page.locator("#score-relevance").fill("9");
        page.locator("form[action$='/granskning/" + application + "'] button").click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertAccessible();
    }

    @Test
    void publishingFromTheDashboardAndThePressReleaseDraftHaveNoViolations() {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        UUID application = fixtures.submitted(round, fixtures.municipality("0680"), "Unga i Nakuru", "Nakuru County",
                "KE", "participation", 300_000, "sv");
        logIn(DemoUsers.OLLE.email());
        // the work list comes first; the publishing panel after it says what is still undecided
        open("/handlaggning/omgangar/" + round);
        assertThat(page.locator("#round-state")).hasText(java.util.regex.Pattern.compile("Omgången är stängd sedan"));
        assertThat(page.locator("#publish")).containsText("1 ansökan har inget beslut än.");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("""
                () => !!(document.querySelector('table').compareDocumentPosition(document.querySelector('#publish'))
                        & Node.DOCUMENT_POSITION_FOLLOWING)""")).isTrue();
        assertAccessible();
        open("/handlaggning/ansokningar/" + application);
        page.locator("input[name=outcome][value=granted]").check();
        page.locator("#amount").fill("250000");
        fillReasonsAndDecisionMaker();
        page.locator("form[action$='/beslut'] button").click();
        assertThat(page.locator(".error-summary")).hasCount(0);
        open("/handlaggning/omgangar/" + round);
        assertThat(page.locator("#publish-confirm")).isVisible();
        assertThat(page.locator("#publish")).containsText("Alla inskickade ansökningar har fått beslut.");
        assertAccessible();
        try {
            page.locator("#publish-confirm").check();
            page.locator("form[action$='/publicera'] button").click();
            page.waitForLoadState();
            assertThat(page.locator("#round-state")).hasText("Omgången är stängd och dess beslut är publicerade.");
            assertAccessible();
            open("/handlaggning/omgangar/" + round + "/pressmeddelande");
            assertThat(page.getByText("Jönköping").first()).isVisible();
            assertAccessible();
            open("/handlaggning/omgangar/" + round + "/pressmeddelande?lang=en");
            assertAccessible();
        } finally {
            // other tests count the funded partnerships: take away the one published here (once it exists)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM funded_partnership WHERE round_id = ?").param(round).query(Integer.class).single() > 0);
            jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        }
    }

    @Test
    void theBudgetPerLineInTheDecisionAndTheApplicantsPageWithLetterAgreementAndHistoryHaveNoViolations() {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        UUID application = fixtures.submitted(round, fixtures.municipality("1780"), "Vatten i Kisumu", "Kisumu County",
                "KE", "participation", 300_000, "sv");
        fixtures.budgetLines(application, 172_394, 85_000, 42_606);
        logIn(DemoUsers.OLLE.email());
        try {
            open("/handlaggning/ansokningar/" + application);
            page.locator("input[name=outcome][value=granted]").check();
            page.locator("#amount").fill("200000");
            // the proposal in whole hundreds, then a change that no longer adds up: the error and the fields
            page.locator("button[name=propose]").click();
            assertThat(page.locator("#line1")).hasValue("114900");
            assertThat(page.locator("#line3")).hasValue("28400");
            assertAccessible();
            page.locator("#line1").fill("100000");
            page.locator("form[action$='/beslut'] button:not([name=propose])").click();
            assertThat(page.locator(".error-summary a[href='#lines']")).isVisible();
            assertThat(page.locator("#line1")).hasValue("100000");
            assertAccessible();
            page.locator("#line2").fill("71600");
            fillReasonsAndDecisionMaker();
            page.locator("form[action$='/beslut'] button:not([name=propose])").click();
            assertThat(page.locator(".error-summary")).hasCount(0);
            assertThat(page.locator("#line2")).hasValue("71600");
            open("/handlaggning/omgangar/" + round);
            page.locator("#publish-confirm").check();
            page.locator("form[action$='/publicera'] button").click();
            page.waitForLoadState();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM project_agreement a JOIN funded_partnership f ON f.id = a.funded_partnership_id
                    WHERE f.round_id = ?
                    """).param(round).query(Integer.class).single() > 0);
            page.context().clearCookies();

            // the applicant's page: the letter, the agreement and the history
            logIn(DemoUsers.ANNA.email());
            open("/ansokningar/" + application);
            assertThat(page.locator("a[href='/ansokningar/" + application + "/beslutsbrev.pdf']")).isVisible();
            assertThat(page.locator("a[href='/ansokningar/" + application + "/avtal.pdf']")).isVisible();
            assertThat(page.locator("table.history")).containsText("Beslut: beviljas");
            assertAccessible();
            open("/en/applications/" + application);
            assertThat(page.locator("table.history")).containsText("The project was set up");
            assertAccessible();
        } finally {
            jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        }
    }

    private void fillReasonsAndDecisionMaker() {
        page.locator("#reasonSv").fill("Relevant och genomförbar.");
        page.locator("#reasonEn").fill("Relevant and feasible.");
        page.locator("#makerName").fill("Maria Beslutsfattare");
        page.locator("#makerRole").fill("Generalsekreterare");
    }
}

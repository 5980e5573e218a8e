package se.partnerskap.publicsite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class ProjectsAndMapBrowserTest extends BrowserTest {

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Registry registry;

    @Test
    void theDirectoryAndAProjectPageInBothLanguagesHaveNoAccessibilityViolations() {
        open("/projekt");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projekt som fått stöd"))).isVisible();
        assertAccessible();
        // the search form works by itself, without script
        page.getByLabel("Sök", new Page.GetByLabelOptions().setExact(true)).fill("Makueni");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa projekt")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Karlstad – Kenya")).click();
        assertThat(page).hasURL(url("/projekt/karlstad-makueni-2020"));
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/projects/karlstad-makueni-2020"));
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
        // a plain area is drawn from the shared outlines file: its outline is there, with its stroke
        Object drawn = page.locator("#map-municipalities use.area[data-code='0114']").evaluate(
                "u => { const b = u.getBBox(); return b.width > 0 && b.height > 0 && getComputedStyle(u).stroke !== 'none'; }");
        org.assertj.core.api.Assertions.assertThat(drawn).isEqualTo(true);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/map"));
        assertThat(page.locator("#countries-table")).isVisible();
        assertAccessible();
    }

    @Test
    void aProjectWhoseTitleIsOnlyInEnglishSaysSoOnTheSwedishPageWithoutViolations() {
        UUID karlstad = registry.organisationOfMunicipality("1780").orElseThrow().id();
        String key = "decision:" + UUID.randomUUID();
        try {
            funded.record(NewFundedPartnership.of(key, Programmes.MUNICIPAL_PARTNERSHIP, karlstad, 500_000)
                    .partners(List.of(new NewFundedPartnership.Partner(null, "KE")))
                    .theme(null, "Clean water in the schools")
                    .period(LocalDate.parse("2036-01-01"), LocalDate.parse("2036-12-31"), FundedPartnership.Status.ACTIVE)
                    .title(null, "Water for every school"), "test");
            // the address it had before it had a readable one
            open("/projekt/" + key);
            assertThat(page).hasURL(url("/projekt/karlstad-kenya-2036"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Water for every school (på engelska)");
            assertThat(page.locator("h1 [lang=en]")).hasText("Water for every school");
            assertAccessible();
        } finally {
            jdbc.sql("DELETE FROM funded_partnership WHERE key = ?").param(key).update();
        }
    }

    @Test
    void theMapShowsEveryPartnershipByDefaultAndFiltersByLinksThatWorkWithoutScript() {
        open("/karta");
        // by default all partnerships, also when none is running today
        assertThat(page.locator("#map-municipalities path.area.on").first()).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alla (").setExact(false)))
                .hasAttribute("aria-current", "true");
        assertThat(page.getByText("Varje karta har en tabell med samma uppgifter.")).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Avslutade (").setExact(false)).click();
        assertThat(page).hasURL(url("/karta?status=completed"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kommuner med avslutade partnerskap")))
                .isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In English")).click();
        assertThat(page).hasURL(url("/en/map?status=completed"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Active (").setExact(false)).click();
        assertThat(page).hasURL(url("/en/map?status=active"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Active (").setExact(false)))
                .hasAttribute("aria-current", "true");
        assertAccessible();
    }

    @Test
    void theMapAndTheDirectoryFitAPhoneSizedScreen() {
        page.setViewportSize(360, 740);
        for (String path : new String[] {"/karta", "/karta?status=completed", "/en/map?status=active", "/en/projects"}) {
            open(path);
            Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) scrollWidth).intValue()).as(path).isLessThanOrEqualTo(360);
        }
    }
}

package se.partnerskap.publicsite;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPagesTest extends AbstractIntegrationTest {

    @Test
    void homeIsSwedishAtTheRootAndEnglishUnderEn() {
        var sv = get("/");
        assertThat(sv.statusCode()).isEqualTo(200);
        assertThat(sv.body()).contains("<html lang=\"sv\"").contains("href=\"/en\"").contains("Hoppa till innehållet");
        var en = get("/en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<html lang=\"en\"").contains("Skip to content");
    }

    @Test
    void programmePageLinksToItsTranslationAndShowsTheNextWindowFromTodayInStockholm() {
        // 23 November 2026: no window is open; the next one opens 15 February 2027
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        var sv = get("/kommunala-partnerskap");
        assertThat(sv.statusCode()).isEqualTo(200);
        // the demo data may have a round open around today; either way the next window is named
        assertThat(sv.body()).contains("href=\"/en/municipal-partnership\"")
                .containsPattern("(Ingen ansökningsperiod är öppen just nu|Nästa ordinarie period)")
                .contains("Vårens ansökningsomgång 2027").contains("15 februari 2027").contains("15 mars 2027")
                .contains("Jämlik/rättvis och inkluderande behandling").contains("Nordmakedonien");
        var en = get("/en/municipal-partnership");
        assertThat(en.body()).contains("href=\"/kommunala-partnerskap\"").contains("15 February 2027")
                .contains("North Macedonia").contains("Accountability");
    }

    @Test
    void aWindowIsOpenFromMidnightOfItsFirstDayToTheLastSecondOfItsLastDayStockholmTime() {
        // 14 Sep 2026 23:59:59 in Stockholm (CEST, UTC+2) is 21:59:59 UTC: still closed
        clock.set(Instant.parse("2026-09-14T21:59:59Z"));
        assertThat(get("/kommunala-partnerskap").body()).contains("Ingen ansökningsperiod är öppen just nu");
        clock.set(Instant.parse("2026-09-14T22:00:00Z"));
        assertThat(get("/kommunala-partnerskap").body()).contains("är öppen");
        // 15 Oct 2026 23:59:59 CEST = 21:59:59 UTC: the last second of the window
        clock.set(Instant.parse("2026-10-15T21:59:59Z"));
        assertThat(get("/en/municipal-partnership").body()).contains("is open").contains("15 October 2026 23:59");
        clock.set(Instant.parse("2026-10-15T22:00:00Z"));
        assertThat(get("/en/municipal-partnership").body()).contains("No application period is open right now")
                .contains("15 February 2027");
    }

    @Test
    void anUnknownPageIsA404InTheLanguageOfThePath() {
        var sv = get("/finns-inte");
        assertThat(sv.statusCode()).isEqualTo(404);
        assertThat(sv.body()).contains("Sidan finns inte").doesNotContain("Exception");
        var en = get("/en/no-such-page");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("Page not found");
    }

    @Test
    void anUnknownLanguagePrefixIsA404InTheBrowsersLanguage() {
        var de = get("/de/kommunala-partnerskap", "Accept-Language", "en-GB,en;q=0.8");
        assertThat(de.statusCode()).isEqualTo(404);
        assertThat(de.body()).contains("Page not found").contains("<html lang=\"en\"");
        var sv = get("/fr/", "Accept-Language", "sv-SE,sv;q=0.9");
        assertThat(sv.statusCode()).isEqualTo(404);
        assertThat(sv.body()).contains("Sidan finns inte");
    }
}

package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import se.partnerskap.shared.Language;

/**
 * Counts read as a person would write them, in both languages: "1 ansökan", "2 ansökningar",
 * "1 application" — rendered through the application's own message source, with numbers grouped the
 * Swedish way (a no-break space) and the English way (a comma).
 */
class PluralFormsTest {

    private static final String NBSP = "\u00a0";
    private static final MessageSource MESSAGES = Bundles.messageSource();

    private final SoftAssertions softly = new SoftAssertions();

    @AfterEach
    void all() {
        softly.assertAll();
    }

    @Test
    void theAssessmentDashboardCountsApplicationsAndEvents() {
        sv("assessment.dashboard.requested", "Inga ansökningar har skickats in än.", 0, "0 kr");
        sv("assessment.dashboard.requested", "1 ansökan söker totalt 650 000 kr.", 1, "650 000 kr");
        sv("assessment.dashboard.requested", "2 ansökningar söker totalt 650 000 kr.", 2, "650 000 kr");
        sv("assessment.dashboard.requested", "1" + NBSP + "234 ansökningar söker totalt 9 kr.", 1234, "9 kr");
        en("assessment.dashboard.requested", "No application has been submitted yet.", 0, "SEK 0");
        en("assessment.dashboard.requested", "1 application requests SEK 650,000 in total.", 1, "SEK 650,000");
        en("assessment.dashboard.requested", "2 applications request SEK 650,000 in total.", 2, "SEK 650,000");
        en("assessment.dashboard.requested", "1,234 applications request SEK 9 in total.", 1234, "SEK 9");
        sv("assessment.dashboard.caption", "1 inskickad ansökan", 1);
        sv("assessment.dashboard.caption", "2 inskickade ansökningar", 2);
        en("assessment.dashboard.caption", "1 submitted application", 1);
        en("assessment.dashboard.caption", "2 submitted applications", 2);
        sv("assessment.log.caption", "1 händelse", 1);
        sv("assessment.log.caption", "2 händelser, senaste först", 2);
        en("assessment.log.caption", "1 event", 1);
        en("assessment.log.caption", "2 events, latest first", 2);
        sv("publishing.dashboard.undecided", "Alla inskickade ansökningar har fått beslut.", 0);
        sv("publishing.dashboard.undecided", "1 ansökan har inget beslut än.", 1);
        en("publishing.dashboard.undecided", "2 applications have no decision yet.", 2);
    }

    @Test
    void theApplicationFormCountsMinutesCharactersPartiesYearsAndSections() {
        sv("application.session.text", "Av säkerhetsskäl loggas du ut efter 1 minut utan aktivitet. Det du skriver sparas ändå.", 1L);
        sv("application.session.text", "Av säkerhetsskäl loggas du ut efter 60 minuter utan aktivitet. Det du skriver sparas ändå.", 60L);
        en("application.session.text", "For your security you are logged out after 1 minute without activity. What you type is kept either way.", 1L);
        en("application.session.text", "For your security you are logged out after 60 minutes without activity. What you type is kept either way.", 60L);
        sv("application.limit.left", "Du har 1 tecken kvar.", 1);
        en("application.limit.left", "You have 0 characters left.", 0);
        en("application.limit.left", "You have 1 character left.", 1);
        en("application.limit.left", "You have 2 characters left.", 2);
        en("application.limit.over", "You have 1 character too many.", 1);
        en("application.limit.over", "You have 12 characters too many.", 12);
        sv("application.limit.max", "(Högst 2" + NBSP + "000 tecken.)", 2000);
        en("application.limit.max", "(At most 2,000 characters.)", 2000);
        en("application.error.tooLong", "At most 1 character (you have written 2)", 1, 2);
        en("report.error.tooLong", "The text may be at most 1,000 characters.", 1000);
        sv("application.budget.maximum", "Maxbelopp (2 parter, 1 år)", 2, 1);
        en("application.budget.maximum", "Maximum (2 parties, 1 year)", 2, 1);
        en("application.budget.maximum", "Maximum (3 parties, 2 years)", 3, 2);
        sv("application.list.done", "1 av 1 del klara", 1, 1);
        sv("application.list.done", "0 av 2 delar klara", 0, 2);
        en("application.list.done", "1 of 1 section completed", 1, 1);
        en("application.list.done", "0 of 2 sections completed", 0, 2);
        en("submission.ineligible.amount", "You are applying for SEK 900,000, but the most this component gives is SEK 800,000 "
                + "with 2 parties over 1 year (with partners in several regions the smallest maximum applies).",
                "SEK 900,000", "SEK 800,000", 2, 1);
        sv("submission.countdown.days", "0 dagar kvar", 0L);
        sv("submission.countdown.days", "1 dag kvar", 1L);
        sv("submission.countdown.days", "2 dagar kvar", 2L);
        en("submission.countdown.hours", "1 hour left", 1L);
        en("submission.countdown.hours", "5 hours left", 5L);
    }

    @Test
    void roundsAndComponentsCountTheirRoundsQuestionsAndParties() {
        sv("rounds.list.caption", "1 omgång i Kommunala partnerskap", 1, "Kommunala partnerskap");
        sv("rounds.list.caption", "3 omgångar i Resestipendium", 3, "Resestipendium");
        en("rounds.list.caption", "1 round of Municipal Partnership", 1, "Municipal Partnership");
        en("rounds.list.caption", "3 rounds of Fieldwork grant", 3, "Fieldwork grant");
        sv("rounds.questions.caption", "1 extra fråga i omgången", 1);
        sv("rounds.questions.caption", "2 extra frågor i omgången", 2);
        en("rounds.questions.caption", "1 extra question in the round", 1);
        en("rounds.questions.caption", "2 extra questions in the round", 2);
        sv("components.rule.partiesFrom", "1 part eller fler", 1);
        sv("components.rule.partiesFrom", "3 parter eller fler", 3);
        en("components.rule.partiesFrom", "1 party or more", 1);
        en("components.rule.partiesFrom", "3 parties or more", 3);
        sv("identity.users.caption", "1 användare", 1);
        sv("identity.users.caption", "Alla 5 användare", 5);
        en("identity.users.caption", "1 user", 1);
        en("identity.users.caption", "All 5 users", 5);
    }

    @Test
    void thePublicSiteCountsPartnershipsProjectsAndMunicipalities() {
        sv("grant.examples.counts", "Inget partnerskap har fått stöd och ingen svensk kommun eller region deltar.", 0, 0);
        sv("grant.examples.counts", "1 partnerskap har fått stöd och 1 svensk kommun eller region deltar.", 1, 1);
        sv("grant.examples.counts", "40 partnerskap har fått stöd och 30 svenska kommuner och regioner deltar.", 40, 30);
        en("grant.examples.counts", "1 partnership has been funded and 1 Swedish municipality or region takes part.", 1, 1);
        en("grant.examples.counts", "40 partnerships have been funded and 30 Swedish municipalities and regions take part.", 40, 30);
        sv("projects.results", "1 projekt", 1, 1, 1);
        sv("projects.results", "Projekt 1–20 av 45", 1, 20, 45);
        en("projects.results", "1 project", 1, 1, 1);
        en("projects.results", "Projects 1–20 of 1,045", 1, 20, 1045);
        sv("map.area.title.completed", "Ekerö: 1 avslutat partnerskap", "Ekerö", 1);
        sv("map.area.title.completed", "Ekerö: 2 avslutade partnerskap", "Ekerö", 2);
        en("map.country.title", "Kenya: 1 partnership, 1 active", "Kenya", 1, 1);
        en("map.country.title", "Kenya: 3 partnerships, 2 active", "Kenya", 3, 2);
        en("map.world.withoutCountry", "One partnership without a published partner country is not counted here.", 1);
        en("map.world.withoutCountry", "2 partnerships without a published partner country are not counted here.", 2);
    }

    @Test
    void theNewsroomCountsItemsAndSearchResults() {
        sv("newsroom.results", "1 inlägg (sida 1 av 1)", 1, 1, 1);
        en("newsroom.results", "1 item (page 1 of 1)", 1, 1, 1);
        en("newsroom.results", "14 items (page 1 of 2)", 14, 1, 2);
        sv("newsroom.admin.caption", "1 inlägg", 1);
        sv("newsroom.admin.caption", "2 inlägg, senast ändrade först", 2);
        en("newsroom.admin.caption", "1 item", 1);
        en("newsroom.admin.caption", "2 items, last changed first", 2);
        sv("newsfeeds.search.results", "1 träff för ”demokrati”", 1, 1, 1, "demokrati");
        sv("newsfeeds.search.results", "Träff 1–2 av 2 för ”demokrati”", 1, 2, 2, "demokrati");
        en("newsfeeds.search.results", "1 result for “democracy”", 1, 1, 1, "democracy");
        en("newsfeeds.search.results", "Results 1–2 of 2 for “democracy”", 1, 2, 2, "democracy");
        sv("newsfeeds.search.pastLast", "1 träff för ”x”, men inte på den här sidan", 1, "x");
        sv("newsfeeds.search.pastLast", "12 träffar för ”x”, men inte på den här sidan", 12, "x");
        en("newsfeeds.search.pastLast", "1 result for “x”, but none on this page", 1, "x");
        en("newsfeeds.search.pastLast", "12 results for “x”, but none on this page", 12, "x");
        softly.assertThat(text(Bundles.SV, "newsfeeds.mail.confirm.text", "L", 1L)).contains("Länken gäller i 1 dag.");
        softly.assertThat(text(Bundles.SV, "newsfeeds.mail.confirm.text", "L", 7L)).contains("Länken gäller i 7 dagar.");
        softly.assertThat(text(Bundles.EN, "newsfeeds.mail.confirm.text", "L", 1L)).contains("The link is valid for 1 day.");
        softly.assertThat(text(Bundles.EN, "newsfeeds.mail.confirm.text", "L", 7L)).contains("The link is valid for 7 days.");
    }

    @Test
    void thePressReleaseSpeaksOfOneGranteeOrOfSeveral() {
        sv("publishing.press.title", "En svensk kommun eller region får totalt 300 000 kronor", 1, "300 000 kronor");
        sv("publishing.press.title", "2 svenska kommuner och regioner får dela på totalt 650 000 kronor", 2, "650 000 kronor");
        en("publishing.press.title", "One Swedish municipality or region is granted SEK 300,000", 1, "SEK 300,000");
        en("publishing.press.title", "2 Swedish municipalities and regions share SEK 650,000", 2, "SEK 650,000");
        sv("publishing.press.lead", "Nu är det klart vilket kommunalt partnerskap som beviljas medel i Omgång 2026. Ekerö kommun får "
                + "300 000 kronor för att tillsammans med sin partner stärka den lokala demokratin.",
                1, "300 000 kronor", "Omgång 2026", "Ekerö kommun");
        sv("publishing.press.lead", "Nu är det klart vilka kommunala partnerskap som beviljas medel i Omgång 2026. Ekerö kommun och "
                + "Region Gotland får dela på totalt 650 000 kronor för att tillsammans med sina partner stärka den lokala demokratin.",
                2, "650 000 kronor", "Omgång 2026", "Ekerö kommun och Region Gotland");
        en("publishing.press.lead", "The municipal partnership funded in Round 2026 is decided. Ekerö Municipality is granted "
                + "SEK 300,000 to strengthen local democracy together with its partner.",
                1, "SEK 300,000", "Round 2026", "Ekerö Municipality");
        en("publishing.press.lead", "The municipal partnerships funded in Round 2026 are decided. Ekerö and Gotland share a total "
                + "of SEK 650,000 to strengthen local democracy together with their partners.",
                2, "SEK 650,000", "Round 2026", "Ekerö and Gotland");
    }

    @Test
    void reportsCountDaysAndProjects() {
        sv("report.list.days", "1 dag", 1L);
        sv("report.list.days", "2 dagar", 2L);
        en("report.list.days", "1 day", 1L);
        en("report.list.days", "2 days", 2L);
        Object[] due = {"Årsredovisningen", "Projektet", "2026", "1 mars 2027", 30L, "L"};
        softly.assertThat(text(Bundles.SV, "report.mail.reminder.due-30.text", due)).contains("ska lämnas senast 1 mars 2027, om 30 dagar.");
        due[4] = 1L;
        softly.assertThat(text(Bundles.SV, "report.mail.reminder.due-30.text", due)).contains("ska lämnas senast 1 mars 2027, om en dag.");
        softly.assertThat(text(Bundles.EN, "report.mail.reminder.due-30.text", due)).contains("is due on 1 mars 2027, in one day.");
        sv("followup.officer.count", "Visar 1 av 1 projekt.", 1, 1);
        en("followup.officer.count", "Showing 1 of 1 project.", 1, 1);
        en("followup.officer.count", "Showing 2 of 3 projects.", 2, 3);
    }

    @Test
    void aScriptThatCountsInTheBrowserGetsTheFormForOneAndATemplateForMore() {
        Ui en = new Ui(Language.EN, "/en", "/", MESSAGES, null, null, Ui.Viewer.ANONYMOUS);
        Ui sv = new Ui(Language.SV, "/", "/en", MESSAGES, null, null, Ui.Viewer.ANONYMOUS);
        assertThat(en.countTemplate("application.limit.left")).isEqualTo("You have {0} characters left.");
        assertThat(en.t("application.limit.left", 1)).isEqualTo("You have 1 character left.");
        assertThat(en.countTemplate("application.limit.over")).isEqualTo("You have {0} characters too many.");
        assertThat(sv.countTemplate("application.limit.left")).isEqualTo("Du har {0} tecken kvar.");
    }

    private void sv(String key, String expected, Object... args) {
        softly.assertThat(text(Bundles.SV, key, args)).as("%s (sv) with %s", key, java.util.Arrays.toString(args))
                .isEqualTo(expected);
    }

    private void en(String key, String expected, Object... args) {
        softly.assertThat(text(Bundles.EN, key, args)).as("%s (en) with %s", key, java.util.Arrays.toString(args))
                .isEqualTo(expected);
    }

    private static String text(Locale locale, String key, Object... args) {
        return MESSAGES.getMessage(key, args, locale);
    }
}

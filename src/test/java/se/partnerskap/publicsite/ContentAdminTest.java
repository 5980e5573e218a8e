package se.partnerskap.publicsite;

import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ContentAdminTest extends AbstractIntegrationTest {

    private static final String FAQ_EN = "/en/admin/content/programme/faq/en";

    @Test
    void aCommunicatorEditsASectionAndThePublicPageShowsItSanitisedAndAudited() {
        var client = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        String form = get(client, "/admin/innehall/programme/reporting/sv").body();
        int version = version(form);
        var saved = postForm(client, "/admin/innehall/programme/reporting/sv", form, Map.of(
                "heading", "Redovisning av projekt",
                "body", "<p>Redovisa senast 31 januari.</p><script>alert('x')</script>",
                "version", String.valueOf(version)));
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = get("/kommunala-partnerskap").body();
        assertThat(page).contains("Redovisning av projekt").contains("Redovisa senast 31 januari.")
                .doesNotContain("alert('x')");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'page-section-updated' AND actor = ?")
                .param(DemoUsers.KIM.email()).query(Integer.class).single()).isPositive();
    }

    @Test
    void aMissingHeadingIsShownNextToTheFieldAndInTheSummaryKeepingWhatWasTypedAndChangingNothing() {
        var client = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String form = get(client, FAQ_EN).body();
        String before = jdbc.sql("SELECT body_html FROM page_section WHERE section_key = 'faq' AND language = 'en'")
                .query(String.class).single();
        var response = postForm(client, FAQ_EN, form, Map.of("heading", " ", "body", "<p>My new answer</p>",
                "version", String.valueOf(version(form))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("There is a problem").contains("href=\"#heading\"")
                .contains("Enter a heading").contains("My new answer");
        assertThat(jdbc.sql("SELECT body_html FROM page_section WHERE section_key = 'faq' AND language = 'en'")
                .query(String.class).single()).isEqualTo(before);
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsRefusedAndBothVersionsAreShown() {
        var kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        var ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String kimForm = get(kim, "/admin/innehall/programme/guidelines/sv").body();
        String adaForm = get(ada, "/admin/innehall/programme/guidelines/sv").body();
        int version = version(kimForm);
        assertThat(postForm(ada, "/admin/innehall/programme/guidelines/sv", adaForm, Map.of(
                "heading", "Riktlinjer", "body", "<p>Adas text</p>", "version", String.valueOf(version)))
                .statusCode()).isEqualTo(302);
        var refused = postForm(kim, "/admin/innehall/programme/guidelines/sv", kimForm, Map.of(
                "heading", "Riktlinjer", "body", "<p>Kims text</p>", "version", String.valueOf(version)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Någon annan har sparat texten under tiden")
                .contains("Kims text").contains("Adas text");
        assertThat(jdbc.sql("SELECT body_html FROM page_section WHERE section_key = 'guidelines' AND language = 'sv'")
                .query(String.class).single()).isEqualTo("<p>Adas text</p>");
    }

    @Test
    void anApplicantMayNotEditTextsAndTheAnonymousAreSentToLogIn() {
        var anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        assertThat(get(anna, "/admin/innehall").statusCode()).isEqualTo(403);
        var anonymous = get("/en/admin/content");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/en/login");
    }

    @Test
    void anUnknownSectionOrLanguageIs404() {
        var kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        assertThat(get(kim, "/admin/innehall/programme/nope/sv").statusCode()).isEqualTo(404);
        assertThat(get(kim, "/admin/innehall/programme/faq/de").statusCode()).isEqualTo(404);
    }

    private static int version(String form) {
        var m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

package se.partnerskap.publicsite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectDirectoryTest extends AbstractIntegrationTest {

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Registry registry;

    private static final Pattern TOTAL = Pattern.compile("(?:(?:av|of) (\\d+)|\\s(1) proje[kc]t)\\s*</h2>", Pattern.DOTALL);

    private int total(String path) {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String body = response.body();
        if (body.contains("Inga projekt hittades") || body.contains("No projects found")) {
            return 0;
        }
        Matcher m = TOTAL.matcher(body);
        assertThat(m.find()).as("a result count on " + path).isTrue();
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)); // one result: "1 projekt", "1 project"
    }

    @Test
    void theDirectoryListsTheDemoPartnershipsInSwedishAndEnglish() {
        var sv = get("/projekt");
        assertThat(sv.statusCode()).isEqualTo(200);
        String bothPages = sv.body() + get("/projekt?page=2").body();
        assertThat(bothPages).contains("Projekt som fått stöd", "Karlstad", "Makueni County", "Kenya", "(demobelopp)",
                "href=\"/projekt/karlstad-makueni-2020\"");
        assertThat(total("/projekt")).isGreaterThanOrEqualTo(40);
        var en = get("/en/projects");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body() + get("/en/projects?page=2").body()).contains("Funded projects", "Makueni County", "Kenya", "(demo figure)", "SEK ");
        // 40 partnerships, 20 a page: a second page with the rest
        assertThat(en.body()).contains("href=\"/en/projects?page=2\"");
        assertThat(get("/en/projects?page=2").body()).contains("Projects 21–");
    }

    @Test
    void searchFindsByOrganisationPartnerCountryAndTheme() {
        int all = total("/projekt");
        assertThat(total("/projekt?q=Makueni")).isEqualTo(1);
        assertThat(get("/projekt?q=makueni").body()).contains("Karlstad");
        assertThat(total("/projekt?q=Karlstad")).isEqualTo(1);
        assertThat(total("/en/projects?q=" + enc("habitual"))).isEqualTo(1);
        assertThat(total("/projekt?q=" + enc("invanda mönster"))).isEqualTo(1);
        int kenya = total("/projekt?q=Kenya");
        assertThat(kenya).isGreaterThanOrEqualTo(3).isLessThan(all);
        assertThat(total("/projekt?q=" + enc("100%_"))).isZero();
    }

    @Test
    void eachFilterNarrowsTheList() {
        int all = total("/projekt");
        assertThat(total("/projekt?country=KE")).isGreaterThanOrEqualTo(3).isLessThan(all);
        assertThat(total("/projekt?country=ZW")).isGreaterThanOrEqualTo(1).isLessThan(all);
        assertThat(get("/projekt?country=ZW").body()).contains("Dorotea");
        assertThat(total("/projekt?area=equal-treatment")).isGreaterThanOrEqualTo(1).isLessThan(all);
        // Värmland: Karlstad, Kristinehamn and Forshaga
        assertThat(total("/projekt?region=17")).isEqualTo(3);
        assertThat(total("/projekt?round=2019-12")).isEqualTo(11);
        assertThat(total("/projekt?region=17&round=2019-12")).isEqualTo(2);
        clock.set(Instant.parse("2020-09-01T10:00:00Z"));
        int active = total("/projekt?status=active");
        assertThat(active).isGreaterThanOrEqualTo(23).isLessThan(all);
        assertThat(total("/projekt?status=completed")).isLessThan(all);
    }

    @Test
    void aSearchWithoutResultsSaysSoAndOffersAllProjects() {
        var response = get("/projekt?q=" + enc("ingenting sådant finns"));
        assertThat(response.body()).contains("Inga projekt hittades", "Inget projekt matchar sökningen",
                "href=\"/projekt\"");
        clock.set(Instant.parse("2040-01-01T10:00:00Z"));
        assertThat(get("/en/projects?status=active").body()).contains("No projects found");
    }

    @Test
    void aProjectHasItsOwnPageAtAReadableAddressAndAnUnknownOneIs404() {
        var sv = get("/projekt/karlstad-makueni-2020");
        assertThat(sv.statusCode()).isEqualTo(200);
        assertThat(sv.body()).contains("Karlstad – Kenya", "Makueni County, Kenya", "invanda mönster", "(demobelopp)");
        var en = get("/en/projects/karlstad-makueni-2020");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Swedish party", "breaking habitual",
                "hreflang=\"sv\" href=\"/projekt/karlstad-makueni-2020\"");
        // some publish no partner: no dangling dash, and it says so
        assertThat(get("/projekt/ekero-2020").body()).contains("<h1>Ekerö</h1>", "Landet är inte publicerat");
        assertThat(get("/projekt/finns-inte").statusCode()).isEqualTo(404);
        assertThat(get("/en/projects/no-such-project").statusCode()).isEqualTo(404);
    }

    @Test
    void theAddressesGivenOutBeforeRedirectPermanentlyToTheReadableOneInBothLanguages() {
        assertRedirect("/projekt/karlstad-makueni", "/projekt/karlstad-makueni-2020");
        assertRedirect("/en/projects/karlstad-makueni", "/en/projects/karlstad-makueni-2020");
        // keys of the demo rounds have a slash in them
        assertRedirect("/projekt/round-2019-12/municipality-0125", "/projekt/ekero-2020");
        assertRedirect("/en/projects/round-2019-12/municipality-0125", "/en/projects/ekero-2020");
    }

    @Test
    void aGrantNamedByItsTitleInTheLanguageItWasWrittenInTheOtherLanguageSaysWhichItIs() {
        UUID karlstad = registry.organisationOfMunicipality("1780").orElseThrow().id();
        String key = "decision:" + UUID.randomUUID();
        try {
            funded.record(grant(key, karlstad), "test");
            String slug = funded.byKey(key).orElseThrow().slug();
            assertThat(slug).isEqualTo("karlstad-nakuru-2033");
            // the old address of a grant (its decision) redirects, in both languages
            assertRedirect("/projekt/" + key, "/projekt/" + slug);
            assertRedirect("/en/projects/" + key, "/en/projects/" + slug);

            String en = get("/en/projects/" + slug).body();
            assertThat(en).contains("<h1>Water for every school</h1>", "Clean water in the schools of Nakuru")
                    .doesNotContain("(in Swedish)", "(in English)");
            String sv = get("/projekt/" + slug).body();
            assertThat(sv).contains("<h1><span lang=\"en\">Water for every school</span> <span class=\"in-language\">(på engelska)</span></h1>");
            assertThat(get("/projekt?q=" + enc("every school")).body())
                    .contains("href=\"/projekt/" + slug + "\"", "<span lang=\"en\">Water for every school</span>");

            // a second of the same name gets a suffix; a slug once given never changes
            String second = "decision:" + UUID.randomUUID();
            funded.record(grant(second, karlstad), "test");
            assertThat(funded.byKey(second).orElseThrow().slug()).isEqualTo("karlstad-nakuru-2033-2");
            funded.record(grant(key, karlstad), "test");
            assertThat(funded.byKey(key).orElseThrow().slug()).isEqualTo(slug);
        } finally {
            jdbc.sql("DELETE FROM funded_partnership WHERE key LIKE 'decision:%' AND starts_on = '2033-01-01'").update();
        }
    }

    private NewFundedPartnership grant(String key, UUID organisation) {
        return NewFundedPartnership.of(key, Programmes.MUNICIPAL_PARTNERSHIP, organisation, 500_000)
                .partners(List.of(new NewFundedPartnership.Partner(registry.partnerOrganisation("Nakuru County", "KE").id(), "KE")))
                .theme(null, "Clean water in the schools of Nakuru")
                .period(LocalDate.parse("2033-01-01"), LocalDate.parse("2034-12-31"), FundedPartnership.Status.ACTIVE)
                .title(null, "Water for every school");
    }

    private void assertRedirect(String from, String to) {
        var response = get(from);
        assertThat(response.statusCode()).as(from).isEqualTo(301);
        assertThat(response.headers().firstValue("Location").orElseThrow()).as(from).endsWith(to);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

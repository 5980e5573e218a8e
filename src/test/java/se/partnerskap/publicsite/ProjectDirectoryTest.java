package se.partnerskap.publicsite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectDirectoryTest extends AbstractIntegrationTest {

    private static final Pattern TOTAL = Pattern.compile("(?:av|of) (\\d+)\\s*</h2>", Pattern.DOTALL);

    private int total(String path) {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String body = response.body();
        if (body.contains("Inga projekt hittades") || body.contains("No projects found")) {
            return 0;
        }
        Matcher m = TOTAL.matcher(body);
        assertThat(m.find()).as("a result count on " + path).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theDirectoryListsTheDemoPartnershipsInSwedishAndEnglish() {
        var sv = get("/projekt");
        assertThat(sv.statusCode()).isEqualTo(200);
        String bothPages = sv.body() + get("/projekt?page=2").body();
        assertThat(bothPages).contains("Projekt som fått stöd", "Karlstad", "Makueni County", "Kenya", "(demobelopp)",
                "href=\"/projekt/karlstad-makueni\"");
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
    void aProjectHasItsOwnPageAndAnUnknownKeyIs404() {
        var sv = get("/projekt/karlstad-makueni");
        assertThat(sv.statusCode()).isEqualTo(200);
        assertThat(sv.body()).contains("Karlstad – Kenya", "Makueni County, Kenya", "invanda mönster", "(demobelopp)");
        var en = get("/en/projects/karlstad-makueni");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Swedish party", "breaking habitual", "hreflang=\"sv\" href=\"/projekt/karlstad-makueni\"");
        // keys of the demo rounds have a slash in them
        // ... and some publish no partner: no dangling dash, and it says so
        assertThat(get("/projekt/round-2019-12/municipality-0125").body()).contains("<h1>Ekerö</h1>",
                "Landet är inte publicerat");
        assertThat(get("/projekt/finns-inte").statusCode()).isEqualTo(404);
        assertThat(get("/en/projects/no-such-project").statusCode()).isEqualTo(404);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

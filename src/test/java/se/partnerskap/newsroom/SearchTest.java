package se.partnerskap.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTest extends AbstractIntegrationTest {

    @Autowired
    FundedPartnerships funded;

    NewsfeedsFixtures news;

    @BeforeEach
    void fixtures() {
        news = new NewsfeedsFixtures(jdbc);
    }

    @AfterEach
    void clean() {
        news.clean();
    }

    private String search(String path, String q) {
        var response = get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Instant ago(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes));
    }

    @Test
    void findsPublishedItemsBySwedishStemRankedWithTitleFirstAndHighlighted() {
        String word = news.unique("vattenrening");
        news.item("article", "sv", news.slug("brodtext"), "En artikel om annat", "",
                "<p>Kommunerna arbetar med " + word + " i flera år.</p>", "published", ago(5));
        news.item("press-release", "sv", news.slug("rubrik"), "Kommunerna satsar på " + word, "Ingress om samarbetet.",
                "<p>Text.</p>", "published", ago(60));

        String page = search("/sok", "kommunen " + word);

        assertThat(page).contains("Träff 1–2 av 2");
        int title = page.indexOf("satsar på");
        int body = page.indexOf("En artikel om annat");
        assertThat(title).as("the item with the word in its title ranks first").isPositive().isLessThan(body);
        assertThat(page).contains("<mark>" + word + "</mark>").contains("<mark>Kommunerna</mark>");
        assertThat(page).contains("href=\"/nyheter/" + news.slug("rubrik") + "\"").contains("Pressmeddelande")
                .contains("Artikel");
    }

    @Test
    void findsOnlyPublicItemsNotDraftsScheduledOrUnpublished() {
        String word = news.unique("cykelvag");
        news.item("article", "sv", news.slug("publik"), "Publik " + word, "", "", "published", ago(1));
        news.item("article", "sv", news.slug("utkast"), "Utkast " + word, "", "", "draft", null);
        news.item("article", "sv", news.slug("senare"), "Schemalagd " + word, "", "", "published",
                Instant.now().plus(Duration.ofDays(2)));
        var withdrawn = news.item("article", "sv", news.slug("indragen"), "Indragen " + word, "", "", "published", ago(10));
        news.unpublish(withdrawn.id());

        String page = search("/sok", word);
        assertThat(page).contains("Publik").doesNotContain("Utkast").doesNotContain("Schemalagd").doesNotContain("Indragen");

        clock.set(Instant.now().plus(Duration.ofDays(3)));
        assertThat(search("/sok", word)).as("a scheduled item is found once its time has come").contains("Schemalagd");
    }

    @Test
    void documentHtmlAndTheQueryAreShownEscaped() {
        String word = news.unique("sakerhet");
        news.item("article", "sv", news.slug("farlig"), "Titel <script>alert(1)</script> " + word, "",
                "<p>Text med &lt;img src=x onerror=alert(2)&gt; och &amp; " + word + " &#2;falsk&#3; markering</p>", "published", ago(1));

        String page = search("/sok", word + " <i>");

        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x").doesNotContain("<i>");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("onerror=alert(2)&gt;")
                .contains("<mark>" + word + "</mark>").contains("&lt;i&gt;")
                .as("an entity cannot forge a mark").doesNotContain("<mark>falsk</mark>");
    }

    @Test
    void englishItemsAreFoundByEnglishStemsAndShownInTheReadersLanguageWhenTranslated() {
        String word = news.unique("waterworks");
        var onlyEnglish = news.item("blog-post", "en", news.slug("english-only"), "Municipalities cooperate on " + word,
                "", "", "published", ago(3));
        var translated = news.item("article", "en", news.slug("translated-en"), "Partnerships in " + word, "", "",
                "published", ago(3));
        news.item(translated.group(), "article", "sv", news.slug("oversatt-sv"), "Partnerskap i " + word, "", "",
                "published", ago(3));

        String english = search("/en/search", "municipality " + word);
        assertThat(english).contains("href=\"/en/news/" + onlyEnglish.slug() + "\"");

        String swedish = search("/sok", word);
        assertThat(swedish).as("an English item without a Swedish version is found, marked as English")
                .contains("href=\"/en/news/" + onlyEnglish.slug() + "\"").contains("På engelska");
        assertThat(swedish).as("a translated item is shown in Swedish only")
                .contains("href=\"/nyheter/" + news.slug("oversatt-sv") + "\"")
                .doesNotContain("/en/news/" + news.slug("translated-en"));
    }

    @Test
    void findsFundedProjectsOfTheDirectory() {
        FundedPartnership project = funded.all("kommunala-partnerskap").stream()
                .filter(f -> !f.partners().isEmpty()).findFirst().orElseThrow();
        String country = project.partners().get(0).countryNameSv();

        String page = search("/sok", project.swedishOrganisationName() + " " + country);

        // at its readable address
        assertThat(page).contains("href=\"/projekt/" + project.slug() + "\"").contains("Projekt");
        assertThat(search("/en/search", project.swedishOrganisationName()))
                .contains("href=\"/en/projects/" + project.slug() + "\"");
    }

    @Test
    void anEmptyQueryAndAQueryWithoutResultsSayWhatToDo() {
        var empty = get("/sok");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Skriv ett eller flera ord").contains("role=\"search\"")
                .contains("<label for=\"q\">");

        assertThat(search("/sok", news.unique("finnsinte"))).contains("Inga träffar för").contains("Kontrollera stavningen");
        assertThat(search("/en/search", news.unique("nothing"))).contains("No results for").contains("Check the spelling");
    }

    @Test
    void resultsArePaged() {
        String word = news.unique("solenergi");
        for (int i = 1; i <= 12; i++) {
            news.item("article", "sv", news.slug("sida-" + i), "Nyhet " + i + " om " + word, "", "", "published", ago(i));
        }

        String first = search("/sok", word);
        assertThat(first).contains("Träff 1–10 av 12").contains("rel=\"next\"");
        var second = get("/sok?q=" + word + "&page=2");
        assertThat(second.body()).contains("Träff 11–12 av 12").contains("rel=\"prev\"");
    }
}

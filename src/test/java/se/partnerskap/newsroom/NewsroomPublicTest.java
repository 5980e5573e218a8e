package se.partnerskap.newsroom;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.newsroom.internal.NewsItems;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The public newsroom: what the public sees, when, and how cheaply it is served again. */
class NewsroomPublicTest extends AbstractIntegrationTest {

    @Autowired
    NewsItems items;

    @Value("${partnerskap.base-url}")
    String baseUrl;

    private NewsroomFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new NewsroomFixtures(items, jdbc);
    }

    @AfterEach
    void removeItems() {
        fixtures.removeAll();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNewsItemOfTheSeedIsInTheDemoDataWithItsTitleTypeLanguageAndTime() throws Exception {
        Map<String, Object> seed;
        try (InputStream in = getClass().getResourceAsStream("/demo/seed-announcements.yaml")) {
            seed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        List<Map<String, Object>> news = (List<Map<String, Object>>) seed.get("news_items");
        assertThat(news).hasSize(31);
        Map<String, String> mapped = Map.of("news", "article", "opinion", "article", "social-post", "blog-post",
                "conference", "event");
        for (Map<String, Object> n : news) {
            String key = (String) n.get("key");
            var row = jdbc.sql("""
                    SELECT title, lead, type, language, status, publish_at, date_only, undated, announced_at IS NOT NULL AS announced
                    FROM news_item WHERE source_key = ?
                    """).param("demo/" + key).query().singleRow();
            assertThat(row.get("title")).as(key).isEqualTo(n.get("title"));
            assertThat(row.get("lead")).as(key).isEqualTo(n.get("lead") == null ? "" : n.get("lead"));
            String type = (String) n.get("type");
            assertThat(row.get("type")).as(key).isEqualTo(mapped.getOrDefault(type, type));
            assertThat(row.get("language")).as(key).isEqualTo(n.get("language"));
            assertThat(row.get("status")).as(key).isEqualTo("published");
            assertThat(row.get("announced")).as(key + " is never sent to subscribers").isEqualTo(true);
            Object published = n.get("published");
            Instant at = ((java.sql.Timestamp) row.get("publish_at")).toInstant();
            if (published == null) {
                assertThat(row.get("undated")).as(key).isEqualTo(true);
            } else if (published.toString().length() == 10) {
                assertThat(row.get("date_only")).as(key).isEqualTo(true);
                assertThat(StockholmTime.at(at).toLocalDate()).as(key).isEqualTo(LocalDate.parse(published.toString()));
            } else {
                assertThat(row.get("undated")).as(key).isEqualTo(false);
                assertThat(at).as(key).isEqualTo(OffsetDateTime.parse(published.toString()).toInstant());
            }
        }
        assertThat(jdbc.sql("SELECT authors FROM news_item WHERE source_key = 'demo/koelble-siddle-2016' AND type = 'publication'")
                .query((rs, i) -> List.of((String[]) rs.getArray(1).getArray())).single())
                .containsExactly("Koelble, T", "Siddle, A");
        // the region tag of the seed
        assertThat(jdbc.sql("""
                SELECT count(*) FROM news_item_tag t JOIN news_item i ON i.id = t.item_id
                WHERE t.tag_key = 'kronoberg' AND i.source_key LIKE 'demo/%'
                """).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void theNewsroomShowsTypeAndDateTimeWithItsZoneAsTheOrganisationDoesNewestFirst() {
        String sv = get("/nyheter").body();
        assertThat(sv).contains("Pressmeddelanden • 1 juni 2020 09:45 CEST")
                .contains("<time datetime=\"2020-06-01T09:45+02:00\">")
                .contains("Blogginlägg • 27 mars 2020 17:47 CET")
                .contains("rel=\"next\"");
        assertThat(sv.indexOf("Miljonsatsning på stärkt demokratisamarbete"))
                .isLessThan(sv.indexOf("Having the freedom to having fredoom"));
        // the English list: English items, and the Swedish ones that have no English version, marked so
        String en = get("/en/news").body();
        assertThat(en).contains("Press release • Jun 01, 2020 09:45 CEST")
                .contains("Blog post • Apr 28, 2020 11:21 CEST")
                .contains("In Swedish")
                .contains("lang=\"sv\"");
        String page2 = get("/nyheter?page=2").body();
        assertThat(page2).contains("rel=\"prev\"");
        assertThat(get("/nyheter?page=99").statusCode()).isEqualTo(404);
    }

    @Test
    void theListFiltersByTypeTagAndYearWithAPlainForm() {
        String releases = get("/nyheter?type=press-release").body();
        assertThat(releases).contains("Miljonsatsning på stärkt").contains("Tio miljoner till stärkt demokratisamarbete")
                .doesNotContain("Lokal demokrati behövs i en tid av pandemi");
        String kronoberg = get("/nyheter?tag=kronoberg").body();
        assertThat(kronoberg).contains("Nyheter: Kronoberg").contains("Internationella demokratiprojekt beviljade")
                .contains("Miljonsatsning på stärkt").doesNotContain("Lokal demokrati behövs i en tid av pandemi");
        String y2019 = get("/nyheter?year=2019").body();
        assertThat(y2019).contains("Tio miljoner till stärkt demokratisamarbete").doesNotContain("Miljonsatsning på stärkt")
                // undated items have no year
                .doesNotContain("Toolbox för mer inkluderande städer");
        // nonsense in the query is no filter, and no error
        assertThat(get("/nyheter?type=%3Cscript%3E&year=abc&tag=nothing").statusCode()).isEqualTo(200);
    }

    @Test
    void anItemPageHasItsContactsBoilerplateTagsAndSharingMetadata() {
        var response = get("/nyheter/tio-miljoner-till-starkt-demokratisamarbete");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("<h1>Tio miljoner till stärkt demokratisamarbete i svenska kommuner</h1>")
                .contains("Pressmeddelanden • 17 december 2019 09:46 CET")
                .contains("Demokratifrågorna har kanske aldrig varit så aktuella som nu.")
                .contains("Felicia Wede").contains("Maria Jansson").contains("mailto:maria.jansson@icld.se")
                .contains("kommunikationsstrateg")
                .contains("Huvudman är Sveriges Kommuner och Regioner")
                .contains("href=\"/nyheter?tag=kronoberg\"")
                .contains("<meta property=\"og:type\" content=\"article\">")
                .contains("<meta property=\"og:title\" content=\"Tio miljoner till stärkt demokratisamarbete i svenska kommuner\">")
                .contains("<meta property=\"og:url\" content=\"" + baseUrl + "/nyheter/tio-miljoner-till-starkt-demokratisamarbete\">")
                .contains("<meta property=\"article:published_time\" content=\"2019-12-17T09:46+01:00\">")
                .contains("<meta name=\"twitter:card\" content=\"summary\">")
                .contains("<meta property=\"og:description\" content=\"11 svenska kommuner och regioner");
        // a translation is linked both ways, and the language switch goes to it
        String en = get("/en/news/icld-is-capacitating-local-leaders-in-zimbabwe").body();
        assertThat(en).contains("href=\"/nyheter/icld-starker-kommunala-politiker-zimbabwe\"")
                .contains("About ICLD");
        assertThat(get("/nyheter/icld-starker-kommunala-politiker-zimbabwe").body())
                .contains("href=\"/en/news/icld-is-capacitating-local-leaders-in-zimbabwe\"");
        assertThat(get("/en/news/tio-miljoner-till-starkt-demokratisamarbete").statusCode()).isEqualTo(404);
        assertThat(get("/nyheter/no-such-item").statusCode()).isEqualTo(404);
    }

    @Test
    void theLanguageSwitchOfAnItemWithoutTranslationSaysSoAndStaysOnTheItem() {
        String sv = get("/nyheter/tio-miljoner-till-starkt-demokratisamarbete").body();
        assertThat(sv).contains("<span class=\"lang-missing\" lang=\"en\">Not available in English</span>")
                .doesNotContain("hreflang=\"en\"").doesNotContain(">In English</a>");
        String en = get("/en/news/having-the-freedom-south-africa").body();
        assertThat(en).contains("<span class=\"lang-missing\" lang=\"sv\">Finns inte på svenska</span>")
                .doesNotContain("hreflang=\"sv\"").doesNotContain(">På svenska</a>");
        // the newsroom itself is in both languages
        assertThat(get("/nyheter").body()).contains("hreflang=\"en\" href=\"/en/news\"");
    }

    @Test
    void aScheduledItemAppearsExactlyAtItsTime() {
        Instant at = Instant.parse("2031-03-02T08:00:00Z");
        String title = "Schemalagd nyhet " + NewsroomFixtures.unique();
        String slug = "schemalagd-" + NewsroomFixtures.unique();
        clock.set(at.minusSeconds(60));
        // the list is rendered and cached before the item exists
        assertThat(get("/nyheter").body()).doesNotContain(title);
        UUID id = fixtures.track(items.create(NewsroomFixtures.content(slug, title, se.partnerskap.shared.Language.SV), "test"));
        int version = items.find(id).orElseThrow().version();
        assertThat(items.schedule(id, version, at, "test")).isTrue();

        clock.set(at.minusSeconds(1));
        assertThat(get("/nyheter").body()).doesNotContain(title);
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(404);
        assertThat(get("/nyheter").body()).doesNotContain(title);

        clock.set(at);
        assertThat(get("/nyheter").body()).contains(title).contains("Pressmeddelanden • 2 mars 2031 09:00 CET");
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(200);
        // and with the clock turned back (a test, or a corrected clock), it is gone again
        clock.set(at.minusSeconds(1));
        assertThat(get("/nyheter").body()).doesNotContain(title);
    }

    @Test
    void anUnpublishedItemIsNotFoundByThePublicButACommunicatorSeesItsPreview() {
        String title = "Avpublicerad nyhet " + NewsroomFixtures.unique();
        String slug = "avpublicerad-" + NewsroomFixtures.unique();
        UUID id = fixtures.published(slug, title, Instant.now().minusSeconds(3600));
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(200);
        var listed = get("/nyheter");
        assertThat(listed.body()).contains(title);
        String lastModified = listed.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(items.unpublish(id, items.find(id).orElseThrow().version(), "test")).isTrue();
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(404);
        // the list changed by losing an item: a client that asks with the old date gets the new list
        var relisted = get("/nyheter", "If-Modified-Since", lastModified);
        assertThat(relisted.statusCode()).isEqualTo(200);
        assertThat(relisted.body()).doesNotContain(title);

        var kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        var preview = get(kim, "/admin/nyheter/" + id + "/forhandsvisning");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains(title).contains("Förhandsvisning.").contains("avpublicerad");
        // the public cannot reach the preview
        assertThat(get("/admin/nyheter/" + id + "/forhandsvisning").statusCode()).isNotEqualTo(200);
    }

    @Test
    void publicPagesAnswerConditionalRequestsWithNotModifiedUntilTheContentChanges() {
        for (String path : List.of("/nyheter", "/en/news", "/nyheter/miljonsatsning-pa-starkt-demokratisamarbete",
                "/publikationer", "/kommunala-partnerskap")) {
            var first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            // anonymous pages start no session
            assertThat(first.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"something-else\"").statusCode()).as(path).isEqualTo(200);
        }
        var before = get("/nyheter");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        String title = "Ny nyhet " + NewsroomFixtures.unique();
        fixtures.published("ny-" + NewsroomFixtures.unique(), title, Instant.now().minusSeconds(1));
        var after = get("/nyheter", "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains(title);
        // a logged-in viewer gets a page of their own, never the shared copy
        var kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        var own = get(kim, "/nyheter");
        assertThat(own.body()).contains("Logga ut");
        assertThat(own.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(get("/nyheter").body()).doesNotContain("Logga ut");
    }

    @Test
    void thePublicationsLibraryExportsCitationsAsBibtexAndRis() {
        String library = get("/en/publications").body();
        assertThat(library).contains("Local government in South Africa").contains("Koelble, T; Siddle, A")
                .contains("href=\"/en/publications/koelble-siddle-2016.bib\"");
        assertThat(get("/publikationer").body()).contains("Local government in South Africa");
        HttpResponse<String> bib = get("/en/publications/koelble-siddle-2016.bib");
        assertThat(bib.statusCode()).isEqualTo(200);
        assertThat(bib.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-bibtex");
        assertThat(bib.headers().firstValue("Content-Disposition").orElseThrow()).contains("koelble-siddle-2016.bib");
        assertThat(bib.body()).startsWith("@misc{koelble2016local,\n")
                .contains("  author = {Koelble, T and Siddle, A},\n")
                .contains("  title = {{Local government in South Africa: Can the objectives of the developmental state be achieved through the current model of decentralized governance?}},\n")
                .contains("  year = {2016},\n").endsWith("}\n");
        HttpResponse<String> ris = get("/en/publications/koelble-siddle-2016.ris");
        assertThat(ris.body()).startsWith("TY  - GEN\r\nAU  - Koelble, T\r\nAU  - Siddle, A\r\nTI  - Local government in South Africa")
                .contains("PY  - 2016\r\n").endsWith("ER  - \r\n");
        assertThat(get("/en/publications/no-such.bib").statusCode()).isEqualTo(404);
        // a press release is no publication
        assertThat(get("/publikationer/miljonsatsning-pa-starkt-demokratisamarbete.ris").statusCode()).isEqualTo(404);
    }
}

package se.partnerskap.newsroom;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.newsroom.internal.NewsItems;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Communicators write, check, publish, schedule and unpublish items; every save is a revision. */
class NewsEditorTest extends AbstractIntegrationTest {

    @Autowired
    NewsItems items;

    private NewsroomFixtures fixtures;
    private HttpClient kim;

    @BeforeEach
    void logIn() {
        fixtures = new NewsroomFixtures(items, jdbc);
        kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
    }

    @AfterEach
    void removeItems() {
        fixtures.removeAll();
    }

    private Map<String, String> form(String title, String slug) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", "press-release");
        f.put("language", "sv");
        f.put("title", title);
        f.put("slug", slug);
        f.put("lead", "En ingress.");
        f.put("body", "<h2>Rubrik</h2><p>Första stycket.</p><script>alert(1)</script><p onclick=\"x()\">Andra stycket.</p>");
        f.put("version", "0");
        f.put("action", "save");
        return f;
    }

    private UUID created(String location) {
        return UUID.fromString(location.replaceAll(".*/admin/nyheter/([0-9a-f-]{36}).*", "$1"));
    }

    @Test
    void aDraftIsSanitisedKeptFromThePublicPreviewedAndThenPublished() {
        String slug = "utkast-" + NewsroomFixtures.unique();
        String formPage = get(kim, "/admin/nyheter/ny").body();
        var saved = postForm(kim, "/admin/nyheter", formPage, form("Ett utkast", slug));
        assertThat(saved.statusCode()).isEqualTo(302);
        UUID id = fixtures.track(created(saved.headers().firstValue("Location").orElseThrow()));
        String body = jdbc.sql("SELECT body_html FROM news_item WHERE id = ?").param(id).query(String.class).single();
        assertThat(body).contains("<h2>Rubrik</h2>").contains("Andra stycket.").doesNotContain("script")
                .doesNotContain("onclick");
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(404);
        assertThat(get("/nyheter").body()).doesNotContain("Ett utkast");
        var preview = get(kim, "/admin/nyheter/" + id + "/forhandsvisning");
        assertThat(preview.body()).contains("Förhandsvisning.").contains("utkast").contains("<h1>Ett utkast</h1>");

        String editPage = get(kim, "/admin/nyheter/" + id).body();
        assertThat(editPage).contains("value=\"Ett utkast\"");
        Map<String, String> publish = form("Ett utkast", slug);
        publish.put("version", "0");
        publish.put("action", "publish");
        assertThat(postForm(kim, "/admin/nyheter/" + id, editPage, publish).statusCode()).isEqualTo(302);
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action LIKE 'news-item-%'")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theListOfItemsCountsOneItemInTheSingular() {
        String slug = "ett-inlagg-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(postForm(kim, "/admin/nyheter", get(kim, "/admin/nyheter/ny").body(), form("Ensamt inlägg", slug))
                .statusCode()).isEqualTo(302);
        assertThat(get(kim, "/admin/nyheter?q=" + slug).body()).contains("<caption>1 inlägg</caption>");
        assertThat(get(kim, "/en/admin/news?q=" + slug).body()).contains("<caption>1 item</caption>");
    }

    @Test
    void publishingANewItemStraightFromTheEmptyFormPublishesItAndSaysSo() {
        String slug = "direkt-" + NewsroomFixtures.unique();
        Map<String, String> f = form("Publicerat direkt", slug);
        f.put("action", "publish");
        var published = postForm(kim, "/admin/nyheter", get(kim, "/admin/nyheter/ny").body(), f);
        assertThat(published.statusCode()).isEqualTo(302);
        String location = published.headers().firstValue("Location").orElseThrow();
        UUID id = fixtures.track(created(location));

        assertThat(jdbc.sql("SELECT status FROM news_item WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("published");
        assertThat(get(kim, java.net.URI.create(location).getPath()).body()).contains("Inlägget är publicerat.");
        assertThat(get("/nyheter/" + slug).statusCode()).isEqualTo(200);
    }

    @Test
    void aFormWithMistakesSaysWhatIsWrongKeepsWhatWasTypedAndSavesNothing() {
        String formPage = get(kim, "/admin/nyheter/ny").body();
        Map<String, String> f = form("", "Inte En Adress");
        f.put("lead", "Det här ska finnas kvar");
        f.put("imageUrl", "https://example.org/bild.jpg");
        f.put("contactEmail", "inte-en-adress");
        f.put("contactName", "Kim");
        f.put("projects", "no-such-project");
        f.put("action", "schedule");
        f.put("scheduleDate", "2020-01-01");
        f.put("scheduleTime", "10:00");
        int before = jdbc.sql("SELECT count(*) FROM news_item").query(Integer.class).single();
        var response = postForm(kim, "/admin/nyheter", formPage, f);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("class=\"error-summary\"").contains("href=\"#title\"")
                .contains("Skriv en rubrik").contains("Skriv en alternativtext till bilden")
                .contains("Adressen får bara innehålla små bokstäver")
                .contains("Ange e-postadressen som namn@exempel.se")
                .contains("Ett av projekten finns inte")
                .contains("Tiden för publiceringen måste ligga i framtiden")
                .contains("Det här ska finnas kvar").contains("value=\"https://example.org/bild.jpg\"");
        assertThat(jdbc.sql("SELECT count(*) FROM news_item").query(Integer.class).single()).isEqualTo(before);
        // an address already taken in the language
        Map<String, String> taken = form("Dubblett", "miljonsatsning-pa-starkt-demokratisamarbete");
        assertThat(postForm(kim, "/admin/nyheter", formPage, taken).body())
                .contains("Adressen används redan av ett annat inlägg på samma språk");
    }

    @Test
    void everySaveIsARevisionAndAnyTwoCanBeCompared() {
        String slug = "versioner-" + NewsroomFixtures.unique();
        String formPage = get(kim, "/admin/nyheter/ny").body();
        var saved = postForm(kim, "/admin/nyheter", formPage, form("Första rubriken", slug));
        UUID id = fixtures.track(created(saved.headers().firstValue("Location").orElseThrow()));
        String editPage = get(kim, "/admin/nyheter/" + id).body();
        Map<String, String> second = form("Andra rubriken", slug);
        second.put("body", "<h2>Rubrik</h2><p>Första stycket.</p><p>Ett nytt stycke.</p>");
        assertThat(postForm(kim, "/admin/nyheter/" + id, editPage, second).statusCode()).isEqualTo(302);

        String revisions = get(kim, "/admin/nyheter/" + id + "/versioner").body();
        assertThat(revisions).contains("skapad").contains("sparad").contains(DemoUsers.KIM.email());
        String compare = get(kim, "/admin/nyheter/" + id + "/versioner/jamfor?from=1&to=2").body();
        assertThat(compare).contains("<th scope=\"row\">Rubrik</th><td>Första rubriken</td><td>Andra rubriken</td>")
                .contains("<ins class=\"diff-line added\"><span class=\"visually-hidden\">Tillagt: </span>&lt;p&gt;Ett nytt stycke.&lt;/p&gt;</ins>")
                .contains("<del class=\"diff-line removed\"><span class=\"visually-hidden\">Borttaget: </span>&lt;p&gt;Andra stycket.&lt;/p&gt;</del>");
        assertThat(get(kim, "/admin/nyheter/" + id + "/versioner/jamfor?from=1&to=99").statusCode()).isEqualTo(404);
    }

    @Test
    void aConcurrentEditIsRefusedWithWhatWasTypedKept() {
        String slug = "samtidigt-" + NewsroomFixtures.unique();
        String formPage = get(kim, "/admin/nyheter/ny").body();
        var saved = postForm(kim, "/admin/nyheter", formPage, form("Original", slug));
        UUID id = fixtures.track(created(saved.headers().firstValue("Location").orElseThrow()));
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String kimPage = get(kim, "/admin/nyheter/" + id).body();
        String adaPage = get(ada, "/admin/nyheter/" + id).body();
        assertThat(postForm(ada, "/admin/nyheter/" + id, adaPage, form("Adas rubrik", slug)).statusCode()).isEqualTo(302);
        var conflict = postForm(kim, "/admin/nyheter/" + id, kimPage, form("Kims rubrik", slug));
        assertThat(conflict.statusCode()).isEqualTo(200);
        assertThat(conflict.body()).contains("Någon annan sparade inlägget medan du skrev").contains("value=\"Kims rubrik\"");
        assertThat(jdbc.sql("SELECT title FROM news_item WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("Adas rubrik");
    }

    @Test
    void onlyCommunicatorsAndAdministratorsEdit() {
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        assertThat(get(anna, "/admin/nyheter").statusCode()).isIn(403, 404);
        assertThat(get("/admin/nyheter").statusCode()).isIn(302, 401, 403);
        assertThat(get(kim, "/admin/nyheter").body()).contains("Miljonsatsning på stärkt demokratisamarbete");
        assertThat(get(kim, "/en/admin/news?type=publication").body()).contains("Local government in South Africa")
                .doesNotContain("Miljonsatsning");
    }
}

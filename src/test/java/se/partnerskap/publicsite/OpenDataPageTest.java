package se.partnerskap.publicsite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.AbstractIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-data page lists every data set with its formats, licence and update frequency, linked from the footer of
 * every page; the DCAT-AP catalogue describes the same data sets for a data portal, and every address in it answers.
 */
class OpenDataPageTest extends AbstractIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void thePageListsEveryDataSetWithFormatLicenceAndFrequencyAndTheFooterLinksIt() {
        String sv = get("/oppna-data").body();
        assertThat(sv).contains("<h1>Öppna data</h1>", "id=\"data-sets\"", "href=\"/api/v1/projects.csv\"",
                "href=\"/api/v1/iati/activities.xml\"", "href=\"/api/v1/360giving.json\"", "href=\"/statistik.csv\"",
                "href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a>", "Dagligen",
                "href=\"/api/v1/openapi.json\"", "href=\"/api/v1/dcat.jsonld\"");
        String en = get("/en/open-data").body();
        assertThat(en).contains("<h1>Open data</h1>", "Daily", "Yearly", "href=\"/en/statistics.csv\"");
        assertThat(get("/").body()).contains("href=\"/oppna-data\">Öppna data</a>", "href=\"/statistik\">Statistik</a>");
        assertThat(get("/en/news").body()).contains("href=\"/en/open-data\">Open data</a>", "href=\"/en/statistics\">Statistics</a>");
    }

    @Test
    void theDcatCatalogueDescribesEveryDataSetAndEachDistributionAnswers() {
        HttpResponse<String> r = get("/api/v1/dcat.jsonld", "Origin", "https://www.dataportal.se");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin").orElse("")).isEqualTo("*");
        JsonNode catalog = json.readTree(r.body());
        assertThat(catalog.path("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalog.path("@context").path("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(catalog.path("dct:license").path("@id").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        List<String> sets = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (JsonNode set : catalog.path("dcat:dataset")) {
            sets.add(set.path("dct:identifier").asString());
            assertThat(set.path("dct:title").toString()).contains("\"@language\":\"sv\"", "\"@language\":\"en\"");
            assertThat(set.path("dct:accrualPeriodicity").path("@id").asString())
                    .startsWith("http://publications.europa.eu/resource/authority/frequency/");
            assertThat(set.path("dct:publisher").path("foaf:name").asString()).isNotBlank();
            assertThat(set.path("dcat:distribution").size()).isPositive();
            for (JsonNode d : set.path("dcat:distribution")) {
                assertThat(d.path("dct:license").path("@id").asString()).isNotBlank();
                assertThat(d.path("dct:format").path("@id").asString()).startsWith("http://publications.europa.eu/resource/authority/file-type/");
                urls.add(d.path("dcat:downloadURL").path("@id").asString());
            }
        }
        assertThat(sets).containsExactly("projects", "iati", "360giving", "grants-to-persons", "statistics", "programmes", "registry");
        for (String url : urls) {
            String path = URI.create(url).getRawPath() + (URI.create(url).getRawQuery() == null ? "" : "?" + URI.create(url).getRawQuery());
            HttpResponse<byte[]> answer = send(client(), HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body().length).as(path).isPositive();
        }
    }
}

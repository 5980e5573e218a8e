package se.partnerskap.grant;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.AbstractIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funded partnerships as open data: a page at a time, filtered, by stable id, with an ETag that saves a repeated
 * download, readable from another site, and errors a program can read (problem+json).
 */
class ProjectsApiTest extends AbstractIntegrationTest {

    @Autowired
    JsonMapper json;

    private JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void theProjectsArePagedFilteredAndEachHasAStableAddress() {
        HttpResponse<String> all = get("/api/v1/projects?size=3", "Origin", "https://data.example.org");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Access-Control-Allow-Origin").orElse("")).isEqualTo("*");
        JsonNode page = body(all);
        assertThat(page.path("total").asInt()).isGreaterThan(3);
        assertThat(page.path("items").size()).isEqualTo(3);
        assertThat(page.path("next").asString()).contains("/api/v1/projects?size=3").contains("page=2");
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("id").asString()).isNotBlank();
        assertThat(first.path("swedishOrganisation").path("name").asString()).isNotBlank();
        assertThat(first.path("amountGrantedSek").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(first.path("page").path("en").asString()).contains("/en/projects/");

        HttpResponse<String> one = get("/api/v1/projects/" + first.path("id").asString());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(body(one).path("id").asString()).isEqualTo(first.path("id").asString());

        JsonNode kenya = body(get("/api/v1/projects?country=KE&size=100"));
        assertThat(kenya.path("total").asInt()).isPositive();
        kenya.path("items").forEach(p -> assertThat(p.path("countries").toString()).contains("\"KE\""));
        JsonNode active = body(get("/api/v1/projects?status=active&size=100"));
        assertThat(active.path("total").asInt()).isLessThan(page.path("total").asInt());
        String y = kenya.path("items").get(0).path("year").asString();
        assertThat(y).as("a Kenyan partnership counts in a year").matches("\\d{4}");
        JsonNode ofYear = body(get("/api/v1/projects?year=" + y + "&size=100"));
        assertThat(ofYear.path("total").asInt()).isPositive().isLessThan(page.path("total").asInt());
        ofYear.path("items").forEach(p -> assertThat(p.path("year").asString()).isEqualTo(y));
    }

    @Test
    void aRepeatedRequestWithItsETagGetsNotModified() {
        HttpResponse<String> first = get("/api/v1/projects?size=5");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(client(), HttpRequest.newBuilder(URI.create(url("/api/v1/projects?size=5")))
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void badParametersAndUnknownIdsAreProblemsAProgramCanRead() {
        for (String query : new String[] {"size=1000", "page=0", "year=tjugo", "status=paused"}) {
            HttpResponse<String> r = get("/api/v1/projects?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/problem+json");
            assertThat(body(r).path("title").asString()).isEqualTo("Invalid parameter");
        }
        HttpResponse<String> missing = get("/api/v1/projects/finns-inte");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(missing).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void theCsvHasAHeaderARowPerProjectAndCountryAndKeepsSwedishLetters() {
        HttpResponse<byte[]> r = send(client(), HttpRequest.newBuilder(URI.create(url("/api/v1/projects.csv?country=KE")))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = r.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("a UTF-8 byte order mark for Excel")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("id,programme,round,year,titleSv,titleEn,themeSv,themeEn,swedishOrganisation,"
                + "municipalityCode,regionCode,organisationNumber,partner,country,coreAreas,amountGrantedSek,"
                + "amountPaidSek,startsOn,endsOn,status");
        int total = body(get("/api/v1/projects?country=KE&size=1")).path("total").asInt();
        assertThat(lines.length - 1).as("at least a row per Kenyan project").isGreaterThanOrEqualTo(total);
        assertThat(java.util.Arrays.stream(lines).skip(1)).allMatch(l -> l.contains(",KE,") || !l.contains(",KE"));
        assertThat(text).containsPattern("[åäöÅÄÖ]");
    }
}

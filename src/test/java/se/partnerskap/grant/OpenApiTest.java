package se.partnerskap.grant;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.AbstractIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description a program reads to use the open data: every /api/v1 address, and nothing else. */
class OpenApiTest extends AbstractIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void theDescriptionListsEveryOpenDataAddressWithItsParameters() {
        var r = get("/api/v1/openapi.json", "Origin", "https://data.example.org");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode api = json.readTree(r.body());
        assertThat(api.path("openapi").asString()).startsWith("3.");
        assertThat(api.path("info").path("title").asString()).isNotBlank();
        assertThat(api.path("info").path("license").path("name").asString()).isNotBlank();
        List<String> paths = new ArrayList<>(api.path("paths").propertyNames());
        assertThat(paths).contains("/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/projects.csv",
                "/api/v1/iati/activities.xml", "/api/v1/municipalities", "/api/v1/regions", "/api/v1/countries",
                "/api/v1/programmes", "/api/v1/dcat.jsonld", "/api/v1/360giving.json", "/api/v1/grants-to-persons");
        assertThat(paths).allMatch(p -> p.startsWith("/api/v1/"));
        JsonNode projects = api.path("paths").path("/api/v1/projects").path("get");
        List<String> parameters = new ArrayList<>();
        projects.path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).containsExactlyInAnyOrder("programme", "country", "region", "coreArea", "status", "year",
                "page", "size");
        assertThat(projects.path("summary").asString()).isNotBlank();
        assertThat(projects.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
    }

    @Test
    void thePageForPeopleShowsEveryAddressOfTheDescriptionWithItsParameters() {
        String sv = get("/oppna-data/api").body();
        assertThat(sv).contains("<h1>Öppna data: API-referens</h1>", "<code>GET /api/v1/projects</code>",
                "<code>GET /api/v1/iati/activities.xml</code>", "<code>GET /api/v1/grants-to-persons</code>",
                "<th scope=\"row\"><code>coreArea</code></th>", "i frågan (?namn=)", "application/problem+json");
        String en = get("/en/open-data/api").body();
        assertThat(en).contains("<h1>Open data: API reference</h1>", "Projects per page, 1 to 100", "in the address");
        assertThat(get("/oppna-data").body()).contains("href=\"/oppna-data/api\"");
    }
}

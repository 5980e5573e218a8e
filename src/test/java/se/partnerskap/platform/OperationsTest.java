package se.partnerskap.platform;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest extends AbstractIntegrationTest {

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthAndItsProbesAreOpenToTheLoadBalancer() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            var health = get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
            assertThat(health.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void metricsAreServedOnlyToTheAuthenticatedScraper() {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", basic("prometheus", "wrong")).statusCode())
                .isEqualTo(401);
        // a logged-in administrator's session is no scraper login either
        var admin = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        assertThat(get(admin, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator").statusCode()).isEqualTo(401);

        var metrics = get("/actuator/prometheus", "Authorization", basic("prometheus", IntegrationTest.SCRAPER_PASSWORD));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(metrics.headers().allValues("Set-Cookie")).as("a scrape opens no session").isEmpty();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndForbidPowerfulBrowserFeatures() {
        for (String path : List.of("/", "/login", "/nyheter", "/en/projects")) {
            var page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(p -> assertThat(p).contains("script-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(page.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(p -> assertThat(p)
                    .contains("camera=()").contains("geolocation=()").contains("microphone=()").contains("payment=()"));
        }
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHttpsIsEnforced() {
        var client = client();
        HttpResponse<String> direct = get(client, "/login");
        assertThat(direct.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION="))
                .noneSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();

        var proxied = client();
        String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "partnerskap.example",
                "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.9"};
        HttpResponse<String> login = get(proxied, "/login", forwarded);
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("; Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();

        // a redirect stays on the public https address (relative, or absolute with https)
        HttpResponse<String> protectedPage = get(client(), "/konto", forwarded);
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        URI target = URI.create("https://partnerskap.example/konto")
                .resolve(protectedPage.headers().firstValue("Location").orElseThrow());
        assertThat(target.toString()).isEqualTo("https://partnerskap.example/login");
    }
}

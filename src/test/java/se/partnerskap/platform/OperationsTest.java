package se.partnerskap.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest extends AbstractIntegrationTest {

    /** What a TLS proxy at the loopback address (an internal proxy) adds to every request. */
    private static final String[] FORWARDED = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "partnerskap.example",
            "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.9"};

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
        String[] forwarded = FORWARDED;
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

    @Test
    void behindATlsProxyTheReturnToTheAskedPageAfterLoginIsThePublicHttpsAddress() {
        // Spring Security's saved request is an absolute address, built from the (forwarded) scheme and host
        HttpResponse<String> asked = get(client(), "/konto", FORWARDED);
        assertThat(asked.statusCode()).isEqualTo(302);
        // the Secure cookie is not sent back over this test's plain http by the client itself: carry it by hand
        String session = asked.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpClient client = client();
        String loginPage = get(client, "/login", with(FORWARDED, "Cookie", session)).body();
        HttpResponse<String> loggedIn = postForm(client, "/login", loginPage, Map.of("email", DemoUsers.ANNA.email(),
                "password", DemoUsers.PASSWORD, "lang", "sv"), with(FORWARDED, "Cookie", session));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).contains("https://partnerskap.example/konto");
    }

    @Test
    void behindATlsProxyAbsoluteLinksInPagesAreTheConfiguredPublicAddressAndNeverTheForwardedHost() {
        Matcher item = Pattern.compile("href=\"(/nyheter/[a-z0-9-]+)\"").matcher(get("/nyheter").body());
        assertThat(item.find()).as("a news item on the list").isTrue();
        String path = item.group(1);
        String baseUrl = url("");
        // canonical and og:url come from partnerskap.base-url: a page is cached for everyone, so a forged
        // X-Forwarded-Host must not end up in it; the language alternates are relative (they follow the proxy)
        for (HttpResponse<String> page : List.of(get(path, FORWARDED), get(path, "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "attacker.example", "X-Forwarded-Port", "443"), get(path))) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<link rel=\"canonical\" href=\"" + baseUrl + path + "\">")
                    .contains("<meta property=\"og:url\" content=\"" + baseUrl + path + "\">")
                    .doesNotContain("partnerskap.example").doesNotContain("attacker.example");
        }
        Matcher alternate = Pattern.compile("<link rel=\"alternate\" hreflang=\"en\" href=\"([^\"]+)\"")
                .matcher(get("/nyheter", FORWARDED).body());
        assertThat(alternate.find()).as("the English alternate of the news").isTrue();
        assertThat(alternate.group(1)).startsWith("/en/");
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}

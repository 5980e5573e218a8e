package se.partnerskap.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.identity.internal.Account;
import se.partnerskap.identity.internal.Accounts;
import se.partnerskap.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect login against a real OpenID Connect server (mock-oauth2-server): a known e-mail logs in
 * with that user's roles, an unknown one is refused on the login page. Its own context, with OIDC on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partnerskap.demo=true", "partnerskap.base-url=http://localhost:${local.server.port}",
        "partnerskap.oidc.enabled=true"})
class OidcLoginTest {

    private static final MockOAuth2Server SERVER;

    static {
        TestDatabase.prepare();
        SERVER = new MockOAuth2Server();
        SERVER.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.oidc.client-id", () -> "partnerskap");
        registry.add(prefix + "registration.oidc.client-secret", () -> "not-a-secret");
        registry.add(prefix + "registration.oidc.scope", () -> "openid,email,profile");
        registry.add(prefix + "provider.oidc.issuer-uri", () -> SERVER.issuerUrl("entra").toString());
    }

    @AfterAll
    static void stop() {
        SERVER.shutdown();
    }

    @Test
    void aKnownEmailLogsInWithThatUsersRoles() {
        HttpClient client = client();
        String login = get(client, "/en/login").body();
        assertThat(login).contains("Log in with your organisation").contains("/login/oidc?lang=en");
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback("entra", "sub-ada", "JWT", List.of("partnerskap"),
                Map.of("email", DemoUsers.ADA.email().toUpperCase(), "name", "Ada H")));
        HttpResponse<String> end = follow(client, "/login/oidc?lang=en");
        // an administrator lands on the users
        assertThat(end.uri().getPath()).isEqualTo("/en/admin/users");
        assertThat(end.statusCode()).isEqualTo(200);
        assertThat(get(client, "/en/account").body()).contains("Ada Holmgren").contains("Administrator");
        assertThat(get(client, "/admin/anvandare").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownEmailIsRefusedAndNoAccountIsCreated() {
        HttpClient client = client();
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback("entra", "sub-stranger", "JWT", List.of("partnerskap"),
                Map.of("email", "stranger@elsewhere.example")));
        HttpResponse<String> end = follow(client, "/login/oidc?lang=sv");
        assertThat(end.uri().getPath()).isEqualTo("/login");
        assertThat(end.body()).contains("Det finns inget konto för den e-postadress");
        assertThat(get(client, "/konto").statusCode()).isEqualTo(302);
    }

    @Test
    void behindATlsProxyTheRedirectUriTheProviderGetsIsThePublicHttpsAddress() throws Exception {
        HttpResponse<String> start = client().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/authorization/oidc"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "partnerskap.example")
                .header("X-Forwarded-Port", "443").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String location = java.net.URLDecoder.decode(start.headers().firstValue("Location").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(location).startsWith(SERVER.issuerUrl("entra").toString())
                .contains("redirect_uri=https://partnerskap.example/login/oauth2/code/oidc");
    }

    @Test
    void anOidcSessionIsIndexedByTheUsersEmailAndEndsWhenTheUserIsDisabled() {
        String email = "oidc-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        accounts.createActiveIfMissing(email, "Olga Oidc", "a long enough password", Set.of(Role.CASE_OFFICER), Set.of());
        HttpClient client = client();
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback("entra", "sub-olga", "JWT", List.of("partnerskap"),
                Map.of("email", email.toUpperCase(), "name", "Olga O")));
        assertThat(follow(client, "/login/oidc?lang=sv").uri().getPath()).isEqualTo("/handlaggning");
        assertThat(get(client, "/konto").statusCode()).isEqualTo(200);
        // the same principal name as a password login, so Spring Session's index finds both
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
                .query(Integer.class).single()).isEqualTo(1);

        Account admin = accounts.byEmail(DemoUsers.ADA.email()).orElseThrow();
        UUID id = accounts.byEmail(email).orElseThrow().id();
        accounts.update(admin, id, Set.of(Role.CASE_OFFICER), Set.of(), false);

        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
                .query(Integer.class).single()).isZero();
        HttpResponse<String> after = get(client, "/konto");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) {
        return send(client, URI.create("http://localhost:" + port + path));
    }

    /** Follows redirects by hand, across the application and the OpenID Connect server. */
    private HttpResponse<String> follow(HttpClient client, String path) {
        URI uri = URI.create("http://localhost:" + port + path);
        for (int hops = 0; hops < 10; hops++) {
            HttpResponse<String> response = send(client, uri);
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            uri = uri.resolve(location.get());
        }
        throw new AssertionError("Too many redirects");
    }

    private static HttpResponse<String> send(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

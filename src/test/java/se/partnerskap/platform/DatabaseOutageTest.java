package se.partnerskap.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.partnerskap.PartnerskapApplication;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.TcpProxy;
import se.partnerskap.web.RenderedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that goes away (issue 11): an application of its own whose connections go through a
 * {@link TcpProxy} to a database of its own, so that cutting them disturbs no other test. While cut, pages
 * answer the translated 503 "try again" within seconds (the pool waits 3 s for a connection, not 30),
 * logged-in users too, cached public pages are still served, readiness is DOWN and liveness UP; after
 * the restore everything works again and what was saved before is still there. A row held locked by
 * another transaction makes a save fail after the 5 s lock timeout with the same answer.
 */
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);

    /** Far below the 30 s (twice, for a logged-in user) that a request waited before; far above 3 s. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static TcpProxy proxy;
    private static ConfigurableApplicationContext app;
    private static JdbcClient direct;
    private static String directUrl;
    private static int port;
    private static UUID round;

    @BeforeAll
    static void start() {
        String server = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/");
        String name = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_NAME", "partnerskap_test") + "_outage";
        Assumptions.assumeTrue(server.startsWith("jdbc:postgresql://127.0.0.1:5432/"),
                "the proxy forwards to the test PostgreSQL on 127.0.0.1:5432");
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException noServer) {
            Assumptions.abort("needs the PostgreSQL server of the tests: " + noServer.getMessage());
        }
        directUrl = server + name;
        direct = JdbcClient.create(new DriverManagerDataSource(directUrl, "postgres", ""));
        proxy = TcpProxy.toPostgres();
        app = new SpringApplicationBuilder(PartnerskapApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--partnerskap.demo=true", "--partnerskap.base-url=http://localhost",
                "--partnerskap.reports.reminders.cron=-",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        round = openRound();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @AfterEach
    void restore() {
        proxy.restore();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(client(), "/projekt").statusCode() == 200);
        // the page cache hears of changes again (its listening connection was cut too): until then it keeps
        // nothing to serve in the next outage
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> app.getBean(RenderedPages.class).listening());
    }

    // ---------------------------------------------------------------- while the database is away

    @Test
    void withTheDatabaseCutAPublicPageAnswersTheTranslated503WithinSeconds() {
        assertThat(get(client(), "/projekt").statusCode()).isEqualTo(200);
        cut();

        // a search of the directory nobody asked for before: not in the rendered-page cache
        Timed sv = timed(() -> get(client(), "/projekt?q=inte-sparad"));
        assertThat(sv.response().statusCode()).as(() -> "after " + sv.millis() + " ms, open through the proxy: "
                + proxy.openSockets() + ", page: " + title(sv.response().body())).isEqualTo(503);
        assertThat(sv.response().headers().firstValue("Retry-After")).contains("5");
        assertThat(sv.response().body()).contains("<html lang=\"sv\"").contains("Tjänsten är tillfälligt otillgänglig")
                .contains("Försök igen om en stund").contains("Felkod 503").doesNotContain("Exception")
                .doesNotContain("Tomcat").doesNotContain("at se.partnerskap");
        Timed en = timed(() -> get(client(), "/en/projects?q=not-kept"));
        assertThat(en.response().statusCode()).as(en.response().body()).isEqualTo(503);
        assertThat(en.response().body()).contains("<html lang=\"en\"").contains("The service is temporarily unavailable")
                .contains("Please try again in a moment").doesNotContain("Exception");
        log.info("Public page with the database cut: 503 after {} ms (sv), {} ms (en)", sv.millis(), en.millis());
        assertThat(sv.took()).isLessThan(BOUND);
        assertThat(en.took()).isLessThan(BOUND);
    }

    @Test
    void aLoggedInUsersRequestGetsTheTranslated503WithoutWaitingTwice() {
        HttpClient anna = login();
        assertThat(get(anna, "/ansokningar").statusCode()).isEqualTo(200);
        cut();

        // the session is looked up in the database, which is away: once, then the 503 page without the session
        Timed sv = timed(() -> get(anna, "/ansokningar"));
        assertThat(sv.response().statusCode()).isEqualTo(503);
        assertThat(sv.response().body()).contains("Tjänsten är tillfälligt otillgänglig").contains("Försök igen")
                .doesNotContain("Exception");
        Timed en = timed(() -> get(anna, "/en/applications"));
        assertThat(en.response().statusCode()).isEqualTo(503);
        assertThat(en.response().body()).contains("The service is temporarily unavailable").contains("try again");
        log.info("Logged-in page with the database cut: 503 after {} ms (sv), {} ms (en)", sv.millis(), en.millis());
        assertThat(sv.took()).isLessThan(BOUND);
        assertThat(en.took()).isLessThan(BOUND);

        proxy.restore();
        // the login survived the outage (its session is in the database)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(anna, "/ansokningar").statusCode() == 200);
        assertThat(get(anna, "/ansokningar").body()).contains("Logga ut");
    }

    @Test
    void cachedPublicPagesAreStillServedWhileTheDatabaseIsCut() {
        HttpResponse<String> list = get(client(), "/nyheter");
        assertThat(list.statusCode()).isEqualTo(200);
        Matcher item = Pattern.compile("href=\"(/nyheter/[a-z0-9-]+)\"").matcher(list.body());
        assertThat(item.find()).as("a news item on the list").isTrue();
        String itemPath = item.group(1);
        HttpResponse<String> itemPage = get(client(), itemPath);
        assertThat(itemPage.statusCode()).isEqualTo(200);
        HttpResponse<String> programme = get(client(), "/kommunala-partnerskap");
        assertThat(programme.statusCode()).isEqualTo(200);
        cut();

        assertThat(get(client(), "/projekt?q=aldrig-visad").statusCode()).as("an uncached page").isEqualTo(503);
        HttpResponse<String> listAgain = get(client(), "/nyheter");
        assertThat(listAgain.statusCode()).as(listAgain::body).isEqualTo(200);
        assertThat(listAgain.body()).isEqualTo(list.body());
        HttpResponse<String> itemAgain = get(client(), itemPath);
        assertThat(itemAgain.statusCode()).isEqualTo(200);
        assertThat(itemAgain.body()).isEqualTo(itemPage.body());
        // the cache stops serving when its listening connection is lost: while the database is away, as last rendered
        Timed programmeAgain = timed(() -> get(client(), "/kommunala-partnerskap"));
        assertThat(programmeAgain.response().statusCode()).isEqualTo(200);
        assertThat(programmeAgain.response().body()).isEqualTo(programme.body());
        log.info("Programme page with the database cut: 200 as last rendered after {} ms", programmeAgain.millis());
        assertThat(programmeAgain.took()).isLessThan(BOUND);
    }

    @Test
    void readinessIsDownAndLivenessUpWhileTheDatabaseIsCutAndMailIsNoPartOfReadiness() {
        HttpResponse<String> ready = get(client(), "/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"readinessState\"")
                .doesNotContain("mail");
        cut();

        Timed down = timed(() -> get(client(), "/actuator/health/readiness"));
        assertThat(down.response().statusCode()).isEqualTo(503);
        assertThat(down.response().body()).contains("\"status\":\"DOWN\"");
        HttpResponse<String> live = get(client(), "/actuator/health/liveness");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
        log.info("Readiness with the database cut: DOWN after {} ms", down.millis());
        assertThat(down.took()).isLessThan(BOUND);

        proxy.restore();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> get(client(), "/actuator/health/readiness").statusCode() == 200);
    }

    @Test
    void afterTheDatabaseComesBackEverythingWorksAndNothingSavedBeforeIsLost() {
        HttpClient anna = login();
        UUID id = startDraft(anna);
        String path = "/ansokningar/" + id + "/utmaning";
        HttpResponse<String> saved = post(anna, path, get(anna, path).body(), Map.of("version", "0",
                "title", "Sparat före avbrottet", "challenge", "A", "objectives", "B", "results", "C"));
        assertThat(saved.statusCode()).as("acknowledged").isEqualTo(302);
        String page = get(anna, path).body();
        cut();

        HttpResponse<String> refused = post(anna, path, page, Map.of("version", "1",
                "title", "Under avbrottet", "challenge", "A", "objectives", "B", "results", "C"));
        // the save is refused, and what was typed comes back on the page (web.FailedSaves)
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("Kunde inte spara just nu").contains("Under avbrottet");
        proxy.restore();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(anna, path).statusCode() == 200);
        assertThat(get(client(), "/projekt").statusCode()).isEqualTo(200);
        assertThat(get(client(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(anna, path).body()).contains("value=\"Sparat före avbrottet\"");
        assertThat(direct.sql("SELECT answers::text FROM application_section WHERE application_id = ? AND section_key = 'challenge'")
                .param(id).query(String.class).single()).contains("Sparat före avbrottet").doesNotContain("Under avbrottet");
        // and saving works again
        HttpResponse<String> again = post(anna, path, get(anna, path).body(), Map.of("version", "1",
                "title", "Efter avbrottet", "challenge", "A", "objectives", "B", "results", "C"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(direct.sql("SELECT version FROM application_section WHERE application_id = ? AND section_key = 'challenge'")
                .param(id).query(Integer.class).single()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- a row held locked

    @Test
    void aSaveBehindARowLockedByAnotherTransactionFailsAfterTheLockTimeoutWithTryAgain() throws SQLException {
        HttpClient anna = login();
        UUID id = startDraft(anna);
        String path = "/ansokningar/" + id + "/utmaning";
        String page = get(anna, path).body();
        Timed locked;
        try (Connection other = DriverManager.getConnection(directUrl, "postgres", "")) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM application WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id);
                lock.executeQuery().close();
            }
            locked = timed(() -> post(anna, path, page, Map.of("version", "0",
                    "title", "Bakom ett lås", "challenge", "A", "objectives", "B", "results", "C")));
            other.rollback();
        }
        // the section form again, with what was typed and "try again" (the lock timeout, not a 30 s wait)
        assertThat(locked.response().statusCode()).isEqualTo(503);
        assertThat(locked.response().body()).contains("Kunde inte spara just nu").contains("value=\"Bakom ett lås\"");
        log.info("Save behind a locked row: 503 after {} ms (lock timeout 5 s)", locked.millis());
        assertThat(locked.took()).isLessThan(BOUND);
        assertThat(direct.sql("SELECT count(*) FROM application_section WHERE application_id = ? AND answers::text LIKE '%Bakom%'")
                .param(id).query(Integer.class).single()).as("nothing stored by the refused save").isZero();

        // the lock gone, the same save goes through
        HttpResponse<String> saved = post(anna, path, get(anna, path).body(), Map.of("version", "0",
                "title", "Bakom ett lås", "challenge", "A", "objectives", "B", "results", "C"));
        assertThat(saved.statusCode()).isEqualTo(302);
    }

    // ---------------------------------------------------------------- helpers

    /** The database goes away between two requests (see {@link TcpProxy#cutWhenQuiet}). */
    private static void cut() {
        proxy.cutWhenQuiet(Duration.ofMillis(300));
    }

    private record Timed(HttpResponse<String> response, Duration took) {
        long millis() {
            return took.toMillis();
        }
    }

    private static Timed timed(java.util.function.Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        return m.find() ? m.group(1) : html.substring(0, Math.min(200, html.length()));
    }

    private static UUID openRound() {
        UUID id = UUID.randomUUID();
        direct.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, 'kommunala-partnerskap', ?, 'Testomgång', 'Test round', ?, ?, 'open', '[]'::jsonb)
                """).params(id, "test-" + id, Timestamp.from(Instant.now().minus(Duration.ofDays(10))),
                Timestamp.from(Instant.now().plus(Duration.ofDays(10)))).update();
        direct.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, 'KE')").param(id).update();
        direct.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, 'kommunala-partnerskap', 'project')")
                .param(id).update();
        return id;
    }

    private static UUID startDraft(HttpClient client) {
        UUID organisation = direct.sql("SELECT id FROM swedish_organisation WHERE municipality_code = '1780' AND kind = 'municipality'")
                .query(UUID.class).single();
        HttpResponse<String> r = post(client, "/ansokningar", get(client, "/ansokningar").body(),
                Map.of("organisation", organisation.toString(), "choice", round + "|project"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        Matcher m = Pattern.compile("/ansokningar/([0-9a-f-]{36})$").matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        get(client, "/ansokningar/" + m.group(1));
        return UUID.fromString(m.group(1));
    }

    private static HttpClient login() {
        HttpClient client = client();
        HttpResponse<String> r = post(client, "/login", get(client, "/login").body(),
                Map.of("email", DemoUsers.ANNA.email(), "password", DemoUsers.PASSWORD, "lang", "sv"));
        assertThat(r.statusCode()).isEqualTo(302);
        return client;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String formPage, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        Matcher csrf = CSRF.matcher(formPage);
        all.put("_csrf", csrf.find() ? csrf.group(1) : "");
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

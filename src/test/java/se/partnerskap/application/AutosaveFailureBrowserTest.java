package se.partnerskap.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.partnerskap.PartnerskapApplication;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.BrowserTest;
import se.partnerskap.support.TcpProxy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the applicant sees when a save fails (docs/autosave.md): the database "stops" for a second
 * instance of the application whose connections go through a {@link TcpProxy} (the shared PostgreSQL
 * keeps running); the deadline passes on the main instance (its TestClock).
 */
class AutosaveFailureBrowserTest extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);
    private static final Locator.PressSequentiallyOptions TYPING = new Locator.PressSequentiallyOptions().setDelay(20);

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    Environment environment;

    private UUID round;
    private Instant closes;
    private TcpProxy proxy;
    private ConfigurableApplicationContext second;
    private int secondPort;

    @BeforeAll
    void roundAndSecondInstance() {
        round = UUID.randomUUID();
        closes = Instant.now().plus(Duration.ofDays(20));
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, questions)
                VALUES (?, 'kommunala-partnerskap', ?, 'Autosparomgång', 'Autosave round', ?, ?, 'open', '[]'::jsonb)
                """).params(round, "autosave-" + round, Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                Timestamp.from(closes)).update();
        jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, 'KE')").param(round).update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, 'kommunala-partnerskap', 'project')")
                .param(round).update();

        proxy = TcpProxy.toPostgres();
        String direct = environment.getProperty("spring.datasource.url");
        String throughProxy = direct.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
        assertThat(throughProxy).as("datasource through the proxy").isNotEqualTo(direct);
        // as arguments: they outrank the test run's system properties (the direct datasource address)
        second = new SpringApplicationBuilder(PartnerskapApplication.class).run("--server.port=0",
                "--partnerskap.demo=false",
                "--spring.datasource.url=" + throughProxy,
                // with the database away a request gives up after 2 s instead of 30
                "--spring.datasource.hikari.connection-timeout=2000",
                // a save waiting for a locked row gives up after 2 s (the full-form test)
                "--spring.datasource.hikari.connection-init-sql=SET lock_timeout = '2s'",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailSender.getPort(),
                "--partnerskap.base-url=http://localhost:" + port,
                "--partnerskap.reports.reminders.cron=-",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        assertThat(second.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(throughProxy);
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterEach
    void databaseBack() {
        proxy.restore();
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        ApplicationFixtures.removeRounds(jdbc, "autosave-%");
    }

    private UUID draft() {
        UUID org = jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = '1780' AND kind = 'municipality'")
                .query(UUID.class).single();
        UUID application = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, created_by, created_at, updated_at)
                VALUES (?, ?, 'kommunala-partnerskap', 'project', ?, 'test', now(), now())
                """).params(application, round, org).update();
        for (String s : List.of("applicant", "partners", "core-areas", "challenge", "activities", "budget", "attachments", "questions")) {
            jdbc.sql("INSERT INTO application_section (application_id, section_key) VALUES (?, ?)").params(application, s).update();
        }
        return application;
    }

    private String stored(UUID application, String section) {
        return jdbc.sql("SELECT answers::text FROM application_section WHERE application_id = ? AND section_key = ?")
                .params(application, section).query(String.class).single();
    }

    /** After the cut the second instance's pool needs a moment to open connections again. */
    private void secondInstanceReachesTheDatabase() {
        var secondJdbc = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> secondJdbc.sql("SELECT 1").query(Integer.class).single() == 1);
    }

    private String at(int instancePort, String path) {
        return "http://localhost:" + instancePort + path;
    }

    private void login(int instancePort) {
        page.navigate(at(instancePort, "/login"));
        page.locator("#email").fill(DemoUsers.ANNA.email());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("form button[type=submit]").first().click();
        page.waitForURL("**/ansokningar");
    }

    private List<String> autosaves(String path) {
        List<String> posts = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.method().equals("POST") && r.url().endsWith(path) && r.headerValue("hx-request") != null) {
                posts.add(r.url());
            }
        });
        return posts;
    }

    @Test
    void aFailedAutosaveSaysSoKeepsTryingAndSavesWhenTheDatabaseIsBack() {
        UUID application = draft();
        login(secondPort);
        String path = "/ansokningar/" + application + "/karnomraden";
        page.navigate(at(secondPort, path));
        List<String> posts = autosaves(path);
        var status = page.locator("#autosave .autosave-status");
        var problem = page.locator("#autosave-problem");

        page.locator("#theme").pressSequentially("Unga", TYPING);
        assertThat(status).containsText("Sparat");
        assertThat(stored(application, "core-areas")).contains("Unga");

        proxy.cut();
        page.locator("#theme").pressSequentially(" i klimatarbetet", TYPING);
        assertThat(problem).containsText("Inte sparat: servern svarar inte", LONG);
        assertThat(status).not().containsText("Sparat");
        assertThat(problem).hasAttribute("role", "alert");
        assertAccessible();
        // it keeps trying: a second attempt goes out without anyone typing, and fails too
        int failed = posts.size();
        page.waitForCondition(() -> posts.size() > failed,
                new com.microsoft.playwright.Page.WaitForConditionOptions().setTimeout(60_000));
        assertThat(problem).containsText("Inte sparat");
        assertThat(stored(application, "core-areas")).doesNotContain("klimatarbetet");

        proxy.restore();
        assertThat(status).containsText("Sparat", LONG);
        assertThat(problem).isEmpty();
        assertThat(stored(application, "core-areas")).contains("Unga i klimatarbetet");
    }

    @Test
    void theFailureIsToldInEnglishOnTheEnglishPage() {
        UUID application = draft();
        login(secondPort);
        page.navigate(at(secondPort, "/en/applications/" + application + "/core-areas"));
        var problem = page.locator("#autosave-problem");
        proxy.cut();
        page.locator("#theme").pressSequentially("Youth", TYPING);
        assertThat(problem).containsText("Not saved: the server is not answering", LONG);
        assertThat(page.locator("#autosave .autosave-status")).not().containsText("Saved");
        proxy.restore();
        assertThat(page.locator("#autosave .autosave-status")).containsText("Saved", LONG);
        assertThat(stored(application, "core-areas")).contains("Youth");
    }

    @Test
    void afterTheDeadlineTheAutosaveSaysTheDraftIsClosedAndStopsTrying() {
        UUID application = draft();
        page.clock().install();
        login(port);
        String path = "/ansokningar/" + application + "/karnomraden";
        page.navigate(at(port, path));
        List<String> posts = autosaves(path);
        var status = page.locator("#autosave .autosave-status");
        page.locator("#theme").pressSequentially("Före", TYPING);
        page.clock().runFor(2_000);
        assertThat(status).containsText("Sparat");

        clock.set(closes.plusSeconds(60));
        page.locator("#theme").pressSequentially(" efter", TYPING);
        page.clock().runFor(2_000);
        assertThat(page.locator("#autosave-problem")).containsText("tidsfristen har gått ut");
        assertThat(status).not().containsText("Sparat");
        assertAccessible();
        int sent = posts.size();
        // no retrying and no more autosaving, however long the page stays open and however much is typed
        page.clock().runFor(5 * 60_000);
        page.locator("#theme").pressSequentially(" mer", TYPING);
        page.clock().runFor(5 * 60_000);
        page.evaluate("1");
        assertThat(posts).hasSize(sent);
        assertThat(stored(application, "core-areas")).contains("Före").doesNotContain("efter");
    }

    @Test
    void aFullFormSaveThatFailsShowsTheFormAgainWithWhatWasTyped() throws Exception {
        UUID application = draft();
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(at(secondPort, "/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = post(client, "/login", Map.of("_csrf", csrf(loginPage),
                "email", DemoUsers.ANNA.email(), "password", DemoUsers.PASSWORD, "lang", "sv"));
        assertThat(login.statusCode()).isEqualTo(302);
        String path = "/ansokningar/" + application + "/karnomraden";
        String form = client.send(HttpRequest.newBuilder(URI.create(at(secondPort, path))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(version.find()).isTrue();
        Map<String, String> typed = Map.of("_csrf", csrf(form), "version", version.group(1), "theme", "Vatten & <sanitet>");

        // another transaction holds the application row: the save cannot take its lock and gives up
        try (Connection holder = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT 1 FROM application WHERE id = '" + application + "' FOR UPDATE");
            }
            HttpResponse<String> failed = post(client, path, typed);
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains("Kunde inte spara just nu – försök igen")
                    .contains("value=\"Vatten &amp; &lt;sanitet")
                    .doesNotContain("Sparat ");
            holder.rollback();
        }
        assertThat(stored(application, "core-areas")).doesNotContain("Vatten");

        // pressing Save again once the database answers stores it
        HttpResponse<String> saved = post(client, path, typed);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(stored(application, "core-areas")).contains("Vatten & <sanitet>");
    }

    @Test
    void theSaveButtonWithTheDatabaseAwayKeepsWhatWasTypedAndTryAgainSavesIt() {
        UUID application = draft();
        login(secondPort);
        String path = "/ansokningar/" + application + "/utmaning";
        page.navigate(at(secondPort, path));
        proxy.cut();
        page.locator("#title").fill("Rent vatten");
        page.locator("#challenge").fill("Brunnarna <torkar> ut\noch & mer");
        var response = page.waitForNavigation(() -> page.locator("form.section-form button[type=submit]").click());
        // not the error page: the same address, 503, everything typed still there
        assertThat(response.status()).isEqualTo(503);
        assertThat(page.locator("h1")).containsText("Kunde inte spara just nu – försök igen");
        assertThat(page.locator(".kept-values")).containsText("Rent vatten");
        assertThat(page.locator(".kept-values")).containsText("Brunnarna <torkar> ut");
        assertAccessible();
        assertThat(stored(application, "challenge")).doesNotContain("Rent vatten");

        proxy.restore();
        secondInstanceReachesTheDatabase();
        page.waitForNavigation(() -> page.getByText("Försök igen", new com.microsoft.playwright.Page.GetByTextOptions()
                .setExact(true)).click());
        // stored with two answers still missing: the form says what is missing and that the rest is kept
        assertThat(page.locator(".error-summary")).containsText("Det du har skrivit finns kvar i utkastet");
        assertThat(stored(application, "challenge")).contains("Rent vatten").contains("Brunnarna <torkar> ut").contains("och & mer");
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(at(secondPort, path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

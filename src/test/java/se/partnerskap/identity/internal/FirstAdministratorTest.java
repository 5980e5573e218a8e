package se.partnerskap.identity.internal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.PartnerskapApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real deployment (demo off) on an empty database of its own: no demo users, and the log shows a
 * one-time link with which the first administrator chooses e-mail, name and password.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private static final String BASE = "https://partnerskap.example.org";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE) + "(/installation/[A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theFirstAdministratorSetsAPasswordThroughTheOneTimeLinkFromTheLog(CapturedOutput output) throws Exception {
        List<String> database = emptyDatabase();
        ConfigurableApplicationContext first = start(database);
        String firstLink = onlyLink(output.getOut());
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single()).isZero();
        String stored = jdbc.sql("SELECT token_hash FROM first_administrator_setup").query(String.class).single();
        String token = firstLink.substring(firstLink.lastIndexOf('/') + 1);
        assertThat(stored).isEqualTo(Tokens.hash(token)).doesNotContain(token);

        // a second instance starts while there is still no administrator: its link replaces the first one
        int before = output.getOut().length();
        ConfigurableApplicationContext second = start(database);
        String link = onlyLink(output.getOut().substring(before));
        assertThat(link).isNotEqualTo(firstLink);
        int port = port(second);
        assertThat(get(client(), port, firstLink).statusCode()).isEqualTo(404);

        HttpClient browser = client();
        var form = get(browser, port, link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Skapa den första administratören").contains("autocomplete=\"new-password\"");

        var wrong = post(browser, port, link, form.body(), Map.of("email", "not an address", "name", "Alva Admin",
                "password", "short", "repeat", "short"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("error-summary").contains("href=\"#email\"").contains("href=\"#password\"")
                .contains("Skriv en e-postadress i rätt format").contains("Lösenordet måste ha minst 12 tecken")
                .contains("value=\"not an address\"").contains("value=\"Alva Admin\"");
        String english = link.replace("/installation/", "/en/setup/");
        var en = post(browser, port, english, get(browser, port, english).body(), Map.of("email", "alva@kommun.example",
                "name", "", "password", "a long enough password", "repeat", "another long password"));
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(en.body()).contains("Enter a name").contains("The passwords are not the same")
                .contains("value=\"alva@kommun.example\"");

        var done = post(browser, port, link, form.body(), Map.of("email", "Alva@Kommun.example", "name", "Alva Admin",
                "password", "a long enough password", "repeat", "a long enough password"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(URI.create(done.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/login");
        assertThat(get(browser, port, "/login").body()).contains("Administratören är skapad");

        HttpClient admin = client();
        var login = post(admin, port, "/login", get(admin, port, "/login").body(),
                Map.of("email", "alva@kommun.example", "password", "a long enough password", "lang", "sv"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(get(admin, port, "/admin/anvandare").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'user.first-administrator-created'")
                .query(Integer.class).single()).isEqualTo(1);

        // used up: the link (either language) is gone, and no new one is issued once an administrator exists
        assertThat(get(client(), port, link).statusCode()).isEqualTo(410);
        assertThat(post(browser, port, english, form.body(), Map.of("email", "mallory@evil.example", "name", "M",
                "password", "a long enough password", "repeat", "a long enough password")).statusCode())
                .isEqualTo(410);
        assertThat(second.getBean(FirstAdministrator.class).issue()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM first_administrator_setup").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM user_role WHERE role = 'ADMINISTRATOR'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void twoInstancesIssuingAtOnceLeaveExactlyOneWorkingLink() throws Exception {
        List<String> database = emptyDatabase();
        ConfigurableApplicationContext a = start(database);
        ConfigurableApplicationContext b = start(database);
        FirstAdministrator issuerA = a.getBean(FirstAdministrator.class);
        FirstAdministrator issuerB = b.getBean(FirstAdministrator.class);
        for (int round = 0; round < 5; round++) {
            var fromA = CompletableFuture.supplyAsync(issuerA::issue);
            var fromB = CompletableFuture.supplyAsync(issuerB::issue);
            List<String> tokens = List.of(fromA.get().orElseThrow(), fromB.get().orElseThrow());
            long working = tokens.stream().filter(t -> get(client(), port(a), "/installation/" + t).statusCode() == 200)
                    .count();
            assertThat(working).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- an instance of our own

    /** Arguments that point an instance at a database of its own, emptied first. */
    private static List<String> emptyDatabase() throws Exception {
        String name = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_NAME", "partnerskap_test") + "_setup";
        String server = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException noServer) {
            Assumptions.abort("needs the PostgreSQL server of the tests: " + noServer.getMessage());
        }
        return List.of("--spring.datasource.url=" + server + name, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    private ConfigurableApplicationContext start(List<String> database) {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--partnerskap.demo=false", "--partnerskap.base-url=" + BASE,
                "--partnerskap.reports.reminders.cron=-",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerskapApplication.class)
                .run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The path of the one set-up link printed in {@code log}. */
    private static String onlyLink(String log) {
        Matcher m = LINK.matcher(log);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).as("set-up links printed").hasSize(1);
        assertThat(log).contains(BASE + "/en/setup/" + links.getFirst().substring("/installation/".length()));
        return links.getFirst();
    }

    // ---------------------------------------------------------------- HTTP

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path) {
        return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private static HttpResponse<String> post(HttpClient client, int port, String path, String formPage,
            Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        Matcher csrf = CSRF.matcher(formPage);
        all.put("_csrf", csrf.find() ? csrf.group(1) : "");
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
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

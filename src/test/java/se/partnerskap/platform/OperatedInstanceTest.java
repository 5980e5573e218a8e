package se.partnerskap.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import se.partnerskap.PartnerskapApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance started the way an operator runs it, on a database of its own: the actuator on its own
 * port, a TLS proxy at an address that is not this test's (loopback is no internal proxy here), and a mail
 * server that does not answer. Forwarded headers from an address that is no internal proxy change
 * nothing; the scraper's login holds on the management port; readiness stays UP while the mail server is
 * away; and at shutdown a request already running finishes while the instance stops taking new ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatedInstanceTest {

    private static final String SCRAPER_PASSWORD = "scraper-secret-of-the-operated-instance";
    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static ConfigurableApplicationContext app;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void start() throws IOException {
        String server = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/");
        String name = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_NAME", "partnerskap_test") + "_operated";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException noServer) {
            Assumptions.abort("needs the PostgreSQL server of the tests: " + noServer.getMessage());
        }
        int silentSmtp;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silentSmtp = s.getLocalPort(); // closed again: nothing listens there
        }
        app = new SpringApplicationBuilder(PartnerskapApplication.class, SlowPage.class).run(
                "--spring.datasource.url=" + server + name, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--management.server.port=0",
                "--partnerskap.demo=false", "--partnerskap.base-url=http://localhost",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + silentSmtp,
                "--partnerskap.metrics.password=" + SCRAPER_PASSWORD,
                // the proxy is at 192.0.2.1; this test connects from 127.0.0.1
                "--server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1",
                "--partnerskap.reports.reminders.cron=-", "--partnerskap.rounds.close-cron=-");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        managementPort = app.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void forwardedHeadersFromAnAddressThatIsNoInternalProxyAreIgnored() {
        HttpResponse<String> login = get(port, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "partnerskap.example", "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.9");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION="))
                .noneSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    @Order(2)
    void onItsOwnManagementPortHealthIsOpenAndMetricsNeedTheScrapersLogin() {
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", "Authorization", basic("prometheus", "wrong"))
                .statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", "Authorization",
                basic("prometheus", SCRAPER_PASSWORD));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // and the application's port serves no actuator at all
        assertThat(get(port, "/actuator/prometheus", "Authorization", basic("prometheus", SCRAPER_PASSWORD))
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void readinessStaysUpWhileTheMailServerDoesNotAnswer() {
        // the scraper's login sees the components of the overall health: mail is DOWN, so is the whole
        HttpResponse<String> health = get(managementPort, "/actuator/health", "Authorization",
                basic("prometheus", SCRAPER_PASSWORD));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"mail\":{\"status\":\"DOWN\"}");
        // anyone else sees only the status
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"DOWN\"").doesNotContain("mail");

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"").doesNotContain("mail");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4) // stops the instance: the last test
    void atShutdownARunningRequestFinishesWhileReadinessIsOutOfServiceAndNewConnectionsAreRefused() throws Exception {
        HealthEndpoint health = app.getBean(HealthEndpoint.class);
        ApplicationAvailability availability = app.getBean(ApplicationAvailability.class);
        CompletableFuture<HttpResponse<String>> running = client().sendAsync(request(port, "/test/slow"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ENTERED.await(30, TimeUnit.SECONDS)).as("the slow request is running").isTrue();

        Thread closing = Thread.ofPlatform().name("closing").start(app::close);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
        assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> refusesConnections(port));
        assertThat(running).as("the running request is not cut off").isNotDone();
        assertThat(closing.isAlive()).as("the shutdown waits for it").isTrue();

        RELEASE.countDown();
        HttpResponse<String> finished = running.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished");
        closing.join(Duration.ofSeconds(30));
        assertThat(closing.isAlive()).as("closed once the request finished").isFalse();
        app = null;
    }

    /** A page that answers when the test releases it: registered in this instance only. */
    static class SlowPage {

        @Bean
        ServletRegistrationBean<HttpServlet> slowPage() {
            return new ServletRegistrationBean<>(new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    ENTERED.countDown();
                    try {
                        if (!RELEASE.await(60, TimeUnit.SECONDS)) {
                            response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT);
                            return;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                        return;
                    }
                    response.setContentType("text/plain");
                    response.getWriter().write("finished");
                }
            }, "/test/slow");
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest request(int port, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b.build();
    }

    private static HttpResponse<String> get(int port, String path, String... headers) {
        try {
            return client().send(request(port, path, headers), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package se.partnerskap.platform;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has a correlation id (a well-formed X-Request-Id of the proxy, or a new one) that comes
 * back in the response, and every log line of the request carries it and the logged-in user's account
 * id, never the e-mail address. The lines are encoded with Spring Boot's own ECS encoder, as
 * {@code logging.structured.format.console=ecs} would write them; the JVM's logging stays as it was.
 */
class RequestLoggingTest extends AbstractIntegrationTest {

    private static final String UUID_FORMAT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aWellFormedRequestIdComesBackAndAnyOtherIsReplacedByANewOne() {
        assertThat(get("/", "X-Request-Id", "f3a9c1e2b7d04c5e9a1b2c3d4e5f6a7b").headers().firstValue("X-Request-Id"))
                .contains("f3a9c1e2b7d04c5e9a1b2c3d4e5f6a7b");
        String first = get("/").headers().firstValue("X-Request-Id").orElseThrow();
        String second = get("/").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first).matches(UUID_FORMAT).isNotEqualTo(second);
        for (String forged : List.of("x\"}{\"userId\":\"someone-else", "a b", "x".repeat(65), "")) {
            assertThat(get("/", "X-Request-Id", forged).headers().firstValue("X-Request-Id")).as(forged)
                    .hasValueSatisfying(id -> assertThat(id).matches(UUID_FORMAT));
        }
        // a page replayed from the cache carries this request's id, not the one it was rendered under
        get("/nyheter", "X-Request-Id", "rendered-1");
        assertThat(get("/nyheter", "X-Request-Id", "replayed-2").headers().allValues("X-Request-Id"))
                .containsExactly("replayed-2");
        // the error page and the probes have one too
        assertThat(get("/finns-inte", "X-Request-Id", "req-404").headers().firstValue("X-Request-Id")).contains("req-404");
        assertThat(get("/actuator/health/readiness", "X-Request-Id", "probe-1").headers().firstValue("X-Request-Id"))
                .contains("probe-1");
    }

    @Test
    void aLogLineOfALoggedInRequestCarriesTheAccountIdAndTheRequestIdInEcsJson() {
        UUID anna = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(DemoUsers.ANNA.email())
                .query(UUID.class).single();
        String loggedIn = "logged-in-" + UUID.randomUUID();
        String anonymous = "anonymous-" + UUID.randomUUID();
        List<String> lines = captureEcs("org.springframework.web.servlet.DispatcherServlet", () -> {
            HttpClient client = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
            HttpResponse<String> account = get(client, "/konto", "X-Request-Id", loggedIn);
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(get("/login", "X-Request-Id", anonymous).statusCode()).isEqualTo(200);
        });

        List<String> ofLoggedIn = lines.stream().filter(l -> l.contains("\"requestId\":\"" + loggedIn + "\"")).toList();
        assertThat(ofLoggedIn).as("DispatcherServlet's lines of GET /konto").isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("{").contains("\"@timestamp\"").contains("\"logger\":\"org.springframework.web.servlet.DispatcherServlet\"")
                .contains("\"userId\":\"" + anna + "\"")
                .doesNotContain(DemoUsers.ANNA.email()).doesNotContain(DemoUsers.ANNA.name()));
        assertThat(ofLoggedIn).anySatisfy(line -> assertThat(line).contains("/konto"));
        List<String> ofAnonymous = lines.stream().filter(l -> l.contains("\"requestId\":\"" + anonymous + "\"")).toList();
        assertThat(ofAnonymous).isNotEmpty().noneSatisfy(line -> assertThat(line).contains("userId"));
        // every line the dispatcher wrote belongs to a request and says which
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"requestId\":\""));
    }

    /** Runs {@code requests} with {@code loggerName} at DEBUG, returning its lines as the ECS encoder writes them. */
    private static List<String> captureEcs(String loggerName, Runnable requests) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
            }
        };
        appender.setContext(context);
        appender.start();
        Logger logger = context.getLogger(loggerName);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            requests.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
            appender.stop();
            encoder.stop();
        }
        return lines;
    }
}

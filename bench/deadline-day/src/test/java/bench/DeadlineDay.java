package bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Deadline day: every applicant logs in, opens its draft and autosaves a section every few seconds
 * (as the htmx form does while typing); each submits at a random moment in the last minutes before
 * the round closes. Every acknowledged save and submission is written to the acknowledgements file,
 * which bench/deadline-day.sh then checks against the database.
 */
public class DeadlineDay extends Simulation {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:18080");
    private static final String USERS = System.getProperty("usersFile", "target/users.csv");
    private static final String ACKS = System.getProperty("acksFile", "target/acks.csv");
    private static final String PASSWORD = System.getProperty("password", "partnerskap-demo");
    private static final int USER_COUNT = Integer.getInteger("users", 500);
    private static final int DURATION = Integer.getInteger("durationSeconds", 720);
    private static final int SUBMIT_WINDOW = Integer.getInteger("submitWindowSeconds", 600);
    private static final int RAMP = Integer.getInteger("rampSeconds", 60);
    private static final int PACE = Integer.getInteger("autosaveEverySeconds", 5);
    private static final String SECTION = System.getProperty("sectionSlug", "utmaning");
    private static final String SUBMIT = System.getProperty("submitSlug", "skicka-in");

    /** One line per virtual user: application, last acknowledged save, its version, saves, reference. */
    private static final ConcurrentLinkedQueue<String> ACKNOWLEDGED = new ConcurrentLinkedQueue<>();

    private final long start = System.currentTimeMillis();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .disableFollowRedirect()
            .acceptHeader("text/html")
            .userAgentHeader("partnerskap-bench");

    private ChainBuilder login() {
        return exec(http("login page").get("/login")
                        .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
                .exec(http("login").post("/login")
                        .formParam("email", "#{email}").formParam("password", PASSWORD)
                        .formParam("lang", "sv").formParam("_csrf", "#{csrf}")
                        .check(status().is(302)));
    }

    private ChainBuilder openSection() {
        return exec(http("section page").get("/ansokningar/#{application}/" + SECTION)
                .check(status().is(200))
                .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf"))
                .check(regex("name=\"version\" value=\"(\\d+)\"").saveAs("version")));
    }

    private ChainBuilder autosave() {
        return exec(session -> session.set("n", session.getInt("n") + 1))
                .exec(http("autosave").post("/ansokningar/#{application}/" + SECTION)
                        .header("HX-Request", "true")
                        .formParam("_csrf", "#{csrf}")
                        .formParam("version", "#{version}")
                        .formParam("title", "Demokrati i vardagen #{application}")
                        .formParam("challenge", "Gemensam utmaning, sparning save-#{n}-#{application} av en handläggare som skriver.")
                        .formParam("objectives", "Fler medborgare deltar i dialogen om budgeten.")
                        .formParam("results", "Medborgardialog införd i båda organisationerna.")
                        .check(status().is(200))
                        .check(regex("name=\"version\" value=\"(\\d+)\"").saveAs("version")))
                // a refused save is not acknowledged: go on typing, as a person would
                .doIfOrElse(session -> session.isFailed())
                .then(exec(session -> session.markAsSucceeded()))
                .orElse(exec(session -> session
                        .set("ackN", session.getInt("n"))
                        .set("ackVersion", session.getString("version"))
                        .set("acks", session.getInt("acks") + 1)));
    }

    private ChainBuilder submit() {
        return exec(http("submit page").get("/ansokningar/#{application}/" + SUBMIT)
                        .check(status().is(200))
                        .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf"))
                        .check(regex("name=\"key\" value=\"([^\"]+)\"").saveAs("key")))
                .exec(http("submit").post("/ansokningar/#{application}/" + SUBMIT)
                        .formParam("_csrf", "#{csrf}")
                        .formParam("declaration", "yes")
                        .formParam("key", "#{key}")
                        .check(status().is(302))
                        .check(header("Location").saveAs("receipt")))
                .exec(http("receipt").get("#{receipt}")
                        .check(status().is(200))
                        .check(regex("(KP-\\d{4}-[A-Z]-\\d{4})").saveAs("reference")));
    }

    private final ScenarioBuilder applicant = scenario("applicant")
            .feed(csv(USERS).circular())
            .exec(session -> {
                long end = start + DURATION * 1000L;
                long submitAt = end - ThreadLocalRandom.current().nextLong(10_000L, SUBMIT_WINDOW * 1000L);
                return session.set("submitAt", submitAt).set("n", 0).set("acks", 0).set("ackN", 0).set("ackVersion", "0");
            })
            .exec(login())
            .exitHereIfFailed()
            .exec(openSection())
            .exitHereIfFailed()
            .asLongAs(session -> System.currentTimeMillis() < session.getLong("submitAt")).on(
                    pace(Duration.ofSeconds(PACE)).exec(autosave()))
            .exec(submit())
            .exec(session -> {
                ACKNOWLEDGED.add(String.join(",", session.getString("application"),
                        String.valueOf(session.getInt("ackN")), session.getString("ackVersion"),
                        String.valueOf(session.getInt("acks")),
                        session.contains("reference") ? session.getString("reference") : ""));
                return session;
            });

    {
        setUp(applicant.injectOpen(rampUsers(USER_COUNT).during(Duration.ofSeconds(RAMP))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(DURATION + 120));
    }

    @Override
    public void after() {
        List<String> lines = new ArrayList<>();
        lines.add("application,ack_n,ack_version,acks,reference");
        lines.addAll(ACKNOWLEDGED);
        try {
            Files.write(Path.of(ACKS), lines);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

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
    /** Requests that failed or asked for a new login: when, which, status, whether it was a login. */
    private static final String EVENTS = System.getProperty("eventsFile", "target/events.csv");
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
    private static final ConcurrentLinkedQueue<String> EVENTS_SEEN = new ConcurrentLinkedQueue<>();

    private final long start = System.currentTimeMillis();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .disableFollowRedirect()
            .acceptHeader("text/html")
            .userAgentHeader("partnerskap-bench");

    /**
     * The first checks of every request (before the request's own, so they run whatever fails): its
     * status and where it sends the user, for {@link #observe}.
     */
    private static final io.gatling.javaapi.core.CheckBuilder[] SEEN = {
            status().saveAs("seenStatus"),
            header("Location").optional().saveAs("seenLocation"),
            header("HX-Redirect").optional().saveAs("seenHxRedirect")};

    private static ChainBuilder clear() {
        return exec(session -> session.removeAll("seenStatus", "seenLocation", "seenHxRedirect"));
    }

    /**
     * After a request: one line in the events file when it failed (not the expected status, no
     * response) or when the application asked this logged-in user to log in again (a redirect to the
     * login page, htmx's HX-Redirect of an expired session, 401 or 403: the session or its CSRF token
     * was gone).
     */
    private static ChainBuilder observe(String name, int expected) {
        return exec(session -> {
            int status = session.contains("seenStatus") ? session.getInt("seenStatus") : 0;
            String location = session.contains("seenLocation") ? session.getString("seenLocation") : "";
            boolean loginAgain = !name.startsWith("login") && (status == 401 || status == 403
                    || session.contains("seenHxRedirect") || (status / 100 == 3 && location.contains("/login")));
            if (status != expected || loginAgain) {
                EVENTS_SEEN.add(System.currentTimeMillis() + "," + name + "," + status + "," + loginAgain);
            }
            return session;
        });
    }

    private ChainBuilder login() {
        return clear().exec(http("login page").get("/login")
                        .check(SEEN)
                        .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
                .exec(observe("login page", 200)).exec(clear())
                .exec(http("login").post("/login")
                        .check(SEEN)
                        .formParam("email", "#{email}").formParam("password", PASSWORD)
                        .formParam("lang", "sv").formParam("_csrf", "#{csrf}")
                        .check(status().is(302)))
                .exec(observe("login", 302));
    }

    private ChainBuilder openSection() {
        return clear().exec(http("section page").get("/ansokningar/#{application}/" + SECTION)
                .check(SEEN)
                .check(status().is(200))
                .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf"))
                .check(regex("name=\"version\" value=\"(\\d+)\"").saveAs("version")))
                .exec(observe("section page", 200));
    }

    private ChainBuilder autosave() {
        return exec(session -> session.set("n", session.getInt("n") + 1).set("postedVersion", session.getString("version")))
                .exec(clear())
                .exec(http("autosave").post("/ansokningar/#{application}/" + SECTION)
                        .check(SEEN)
                        .header("HX-Request", "true")
                        .formParam("_csrf", "#{csrf}")
                        .formParam("version", "#{version}")
                        .formParam("title", "Demokrati i vardagen #{application}")
                        .formParam("challenge", "Gemensam utmaning, sparning save-#{n}-#{application} av en handläggare som skriver.")
                        .formParam("objectives", "Fler medborgare deltar i dialogen om budgeten.")
                        .formParam("results", "Medborgardialog införd i båda organisationerna.")
                        .check(status().is(200))
                        .check(regex("name=\"version\" value=\"(\\d+)\"").saveAs("version")))
                .exec(observe("autosave", 200))
                // a refused save is not acknowledged: go on typing, as a person would. Refused is also a
                // 200 whose version did not move on (a conflict: the answer keeps the posted version)
                .doIfOrElse(session -> session.isFailed() || session.getString("version").equals(session.getString("postedVersion")))
                .then(exec(session -> {
                    if (!session.isFailed()) {
                        EVENTS_SEEN.add(System.currentTimeMillis() + ",autosave not saved,200,false");
                    }
                    return session.markAsSucceeded();
                }))
                .orElse(exec(session -> session
                        .set("ackN", session.getInt("n"))
                        .set("ackVersion", session.getString("version"))
                        .set("acks", session.getInt("acks") + 1)));
    }

    private ChainBuilder submit() {
        return clear().exec(http("submit page").get("/ansokningar/#{application}/" + SUBMIT)
                        .check(SEEN)
                        .check(status().is(200))
                        .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf"))
                        .check(regex("name=\"key\" value=\"([^\"]+)\"").saveAs("key")))
                .exec(observe("submit page", 200)).exec(clear())
                .exec(http("submit").post("/ansokningar/#{application}/" + SUBMIT)
                        .check(SEEN)
                        .formParam("_csrf", "#{csrf}")
                        .formParam("declaration", "yes")
                        .formParam("key", "#{key}")
                        .check(status().is(302))
                        .check(header("Location").saveAs("receipt")))
                .exec(observe("submit", 302)).exec(clear())
                .exec(http("receipt").get("#{receipt}")
                        .check(SEEN)
                        .check(status().is(200))
                        .check(regex("(KP-\\d{4}-[A-Z]-\\d{4})").saveAs("reference")))
                .exec(observe("receipt", 200));
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
        List<String> events = new ArrayList<>();
        events.add("time_ms,request,status,login_again");
        events.addAll(EVENTS_SEEN);
        try {
            Files.write(Path.of(ACKS), lines);
            Files.write(Path.of(EVENTS), events);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

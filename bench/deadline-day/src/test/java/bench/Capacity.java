package bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Deadline-day capacity: the applicants log in and open their section, then autosaves arrive at a rate that
 * steps up (open model: each save is a new arrival, whatever the server's speed) — {@code startRate} saves/s,
 * {@code stepRate} more every {@code stepSeconds} — until a step's p99 passes {@code p99LimitMs} or a save
 * fails, or {@code maxSteps} steps. Each save is made by a logged-in applicant that is not saving at that
 * moment (a pool), with its own session cookie, CSRF token and last version. The first {@code warmupSeconds}
 * at the start rate warm the server up and are not counted. Writes the steps (rate
 * offered, saves, throughput, p50/p95/p99, errors) to {@code stepsFile} and every applicant's last
 * acknowledged save to {@code acksFile}, which bench/deadline-day.sh checks against the database.
 */
public class Capacity extends Simulation {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:18080");
    private static final String USERS = System.getProperty("usersFile", "target/users.csv");
    private static final String ACKS = System.getProperty("acksFile", "target/acks.csv");
    private static final String STEPS = System.getProperty("stepsFile", "target/steps.csv");
    /** Where the counted steps began and ended (epoch ms), for bench/cost-lib.sh's CPU per save. */
    private static final String WINDOW = System.getProperty("windowFile", "target/window.csv");
    private static final String PASSWORD = System.getProperty("password", "partnerskap-demo");
    private static final int USER_COUNT = Integer.getInteger("users", 400);
    private static final int RAMP = Integer.getInteger("rampSeconds", 30);
    private static final int WARMUP = Integer.getInteger("warmupSeconds", 30);
    private static final int START_RATE = Integer.getInteger("startRate", 20);
    private static final int STEP_RATE = Integer.getInteger("stepRate", 20);
    private static final int STEP_SECONDS = Integer.getInteger("stepSeconds", 60);
    private static final int MAX_STEPS = Integer.getInteger("maxSteps", 30);
    private static final int P99_LIMIT = Integer.getInteger("p99LimitMs", 50);
    private static final String SECTION = System.getProperty("sectionSlug", "utmaning");

    /** A logged-in applicant between two saves. */
    record Applicant(String application, String cookie, String csrf, String version, int n, int ackN, String ackVersion,
            int acks) {
    }

    private static final ConcurrentLinkedQueue<Applicant> FREE = new ConcurrentLinkedQueue<>();
    private static final Map<String, Applicant> LAST = new ConcurrentHashMap<>();
    private static final Map<Integer, List<Integer>> TIMES = new ConcurrentHashMap<>();
    private static final Map<Integer, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    private static final AtomicInteger BUSY = new AtomicInteger();
    private static volatile long savesFrom;
    private static volatile int failedStep = -1;

    // each save is a new virtual user: share the connections, as a browser keeps its own open
    private final HttpProtocolBuilder protocol = http.baseUrl(BASE).disableFollowRedirect().acceptHeader("text/html")
            .userAgentHeader("partnerskap-bench").shareConnections();

    private final ScenarioBuilder login = scenario("login").feed(csv(USERS).queue())
            .exec(http("login page").get("/login").check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
            .exec(http("login").post("/login").formParam("email", "#{email}").formParam("password", PASSWORD)
                    .formParam("lang", "sv").formParam("_csrf", "#{csrf}").check(status().is(302)))
            .exec(http("section page").get("/ansokningar/#{application}/" + SECTION).check(status().is(200))
                    .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf"))
                    .check(regex("name=\"version\" value=\"(\\d+)\"").saveAs("version")))
            .exec(getCookieValue(CookieKey("SESSION")))
            .exec(session -> {
                if (!session.isFailed()) {
                    Applicant a = new Applicant(session.getString("application"), session.getString("SESSION"),
                            session.getString("csrf"), session.getString("version"), 0, 0, "0", 0);
                    FREE.add(a);
                    LAST.put(a.application(), a);
                }
                return session;
            });

    private static int stepOf(long now) {
        return (int) Math.floorDiv(now - savesFrom - WARMUP * 1000L, STEP_SECONDS * 1000L); // -1: warming up
    }

    private static Session take(Session session) {
        if (savesFrom == 0) {
            synchronized (Capacity.class) {
                if (savesFrom == 0) {
                    savesFrom = System.currentTimeMillis();
                }
            }
        }
        int step = Math.max(-1, Math.min(stepOf(System.currentTimeMillis()), MAX_STEPS - 1));
        judge(step - 1);
        Applicant a = FREE.poll();
        if (a == null) { // every applicant is waiting for an answer: the server has fallen far behind
            ERRORS.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
            return session.set("step", step).markAsFailed();
        }
        BUSY.incrementAndGet();
        return session.set("step", step).set("application", a.application()).set("cookie", a.cookie())
                .set("csrf", a.csrf()).set("version", a.version()).set("n", a.n() + 1).set("applicant", a);
    }

    /** Once the next step has begun: a step whose p99 passed the limit, or with a failure, ends the run. */
    private static synchronized void judge(int step) {
        if (step < 0 || failedStep >= 0) {
            return;
        }
        int[] p = percentiles(step);
        int errors = ERRORS.getOrDefault(step, new AtomicInteger()).get();
        if (errors > 0 || (p.length > 0 && p[2] > P99_LIMIT)) {
            failedStep = step;
        }
    }

    /** p50, p95, p99 of a step's saves, ms; empty if none. */
    private static int[] percentiles(int step) {
        List<Integer> list = TIMES.get(step);
        if (list == null) {
            return new int[0];
        }
        int[] t;
        synchronized (list) {
            t = list.stream().mapToInt(Integer::intValue).toArray();
        }
        if (t.length == 0) {
            return t;
        }
        Arrays.sort(t);
        return new int[] {t[(int) Math.ceil(t.length * 0.50) - 1], t[(int) Math.ceil(t.length * 0.95) - 1],
                t[(int) Math.ceil(t.length * 0.99) - 1]};
    }

    private static Session give(Session session) {
        if (!session.contains("applicant")) {
            return session.markAsSucceeded();
        }
        Applicant a = (Applicant) session.get("applicant");
        int step = session.getInt("step");
        Applicant next;
        if (session.isFailed() || !session.contains("saved")) {
            ERRORS.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
            next = new Applicant(a.application(), a.cookie(), a.csrf(), a.version(), a.n() + 1, a.ackN(), a.ackVersion(),
                    a.acks());
        } else {
            List<Integer> list = TIMES.computeIfAbsent(step, s -> new ArrayList<>());
            synchronized (list) {
                list.add(session.getInt("rt"));
            }
            String v = session.getString("saved");
            next = new Applicant(a.application(), a.cookie(), a.csrf(), v, a.n() + 1, a.n() + 1, v, a.acks() + 1);
        }
        LAST.put(next.application(), next);
        FREE.add(next);
        BUSY.decrementAndGet();
        return session.markAsSucceeded();
    }

    private final ScenarioBuilder saves = scenario("autosave")
            .exec(Capacity::take)
            .stopLoadGeneratorIf(s -> "step " + (failedStep + 1) + " passed the limit", s -> failedStep >= 0)
            .exitHereIfFailed()
            .exec(addCookie(Cookie("SESSION", "#{cookie}").withDomain("127.0.0.1").withPath("/")))
            .exec(http("autosave").post("/ansokningar/#{application}/" + SECTION)
                    .header("HX-Request", "true")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("version", "#{version}")
                    .formParam("title", "Demokrati i vardagen #{application}")
                    .formParam("challenge", "Gemensam utmaning, sparning save-#{n}-#{application} av en handläggare som skriver.")
                    .formParam("objectives", "Fler medborgare deltar i dialogen om budgeten.")
                    .formParam("results", "Medborgardialog införd i båda organisationerna.")
                    .check(status().is(200))
                    .check(responseTimeInMillis().saveAs("rt"))
                    .check(regex("name=\"version\" value=\"(\\d+)\"").saveAs("saved")))
            .exec(Capacity::give);

    {
        setUp(login.injectOpen(rampUsers(USER_COUNT).during(Duration.ofSeconds(RAMP)))
                .andThen(saves.injectOpen(constantUsersPerSec(START_RATE).during(Duration.ofSeconds(WARMUP)),
                        incrementUsersPerSec(STEP_RATE).times(MAX_STEPS)
                        .eachLevelLasting(Duration.ofSeconds(STEP_SECONDS)).startingFrom(START_RATE))))
                .protocols(protocol);
    }

    @Override
    public void after() {
        List<String> acks = new ArrayList<>();
        acks.add("application,ack_n,ack_version,acks,reference");
        LAST.values().forEach(a -> acks.add(String.join(",", a.application(), String.valueOf(a.ackN()), a.ackVersion(),
                String.valueOf(a.acks()), "")));
        List<String> steps = new ArrayList<>();
        steps.add("step,offered_per_s,saves,throughput_per_s,p50_ms,p95_ms,p99_ms,errors");
        for (int step = 0; step < MAX_STEPS; step++) {
            List<Integer> list = TIMES.get(step);
            int errors = ERRORS.getOrDefault(step, new AtomicInteger()).get();
            if (list == null && errors == 0) {
                break;
            }
            int[] p = percentiles(step);
            int n = list == null ? 0 : list.size();
            steps.add(String.join(",", String.valueOf(step), String.valueOf(START_RATE + step * STEP_RATE),
                    String.valueOf(n), String.format(java.util.Locale.ROOT, "%.1f", n / (double) STEP_SECONDS),
                    p.length == 0 ? "" : String.valueOf(p[0]), p.length == 0 ? "" : String.valueOf(p[1]),
                    p.length == 0 ? "" : String.valueOf(p[2]), String.valueOf(errors)));
        }
        try {
            Files.write(Path.of(ACKS), acks);
            Files.write(Path.of(STEPS), steps);
            long from = savesFrom + WARMUP * 1000L;
            Files.write(Path.of(WINDOW), List.of("from_ms,to_ms", from + "," + (from + (steps.size() - 1) * STEP_SECONDS * 1000L)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package se.partnerskap.newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.partnerskap.PartnerskapApplication;
import se.partnerskap.newsroom.internal.NewsItems;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.IntegrationTest;
import se.partnerskap.web.RenderedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, each with its cache of rendered public pages: a change made through one
 * leaves the other's pages within a second (PostgreSQL notifications), and an instance whose listening
 * connection is lost serves nothing from its cache until it listens again, then forgets what it kept.
 */
class RenderedPagesAcrossInstancesTest extends AbstractIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RenderedPagesAcrossInstancesTest.class);

    /** How the second instance's listening connection is known in pg_stat_activity. */
    private static final String SECOND_LISTENER = "partnerskap-page-cache-second";
    /** "Within a second", with room for a busy build machine; the point is: not 601 s. */
    private static final Duration SOON = Duration.ofSeconds(3);

    private static ConfigurableApplicationContext second;
    private static int secondPort;

    @Autowired
    NewsItems items;

    @Autowired
    JavaMailSenderImpl mailSender;

    private NewsroomFixtures fixtures;
    /** Without cookies: an anonymous visitor. */
    private final HttpClient visitor = HttpClient.newHttpClient();

    @BeforeEach
    void startSecond() {
        fixtures = new NewsroomFixtures(items, jdbc);
        if (second == null) {
            // the same database (the test run's datasource properties); a long pause before listening again, so
            // that the test sees the instance while it is not listening
            second = new SpringApplicationBuilder(PartnerskapApplication.class)
                    .properties("server.port=0", "partnerskap.demo=false",
                            "spring.mail.host=127.0.0.1", "spring.mail.port=" + mailSender.getPort(),
                            "partnerskap.base-url=http://localhost:" + port,
                            "partnerskap.reports.reminders.cron=-",
                            "spring.modulith.events.republish-outstanding-events-on-restart=false",
                            "partnerskap.page-cache.application-name=" + SECOND_LISTENER,
                            "partnerskap.page-cache.reconnect-delay=PT8S")
                    .run();
            secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        }
    }

    @AfterEach
    void removeItems() {
        fixtures.removeAll();
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void anItemUnpublishedThroughOneInstanceLeavesTheOtherInstancesPagesAtOnce() {
        String slug = "tva-instanser-" + NewsroomFixtures.unique();
        String title = "Nyhet på två instanser " + slug;
        UUID id = fixtures.published(slug, title, Instant.now().minus(Duration.ofHours(1)));
        assertThat(secondPages().listening()).isTrue();

        HttpResponse<String> page = onSecond("/nyheter/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(onSecond("/nyheter/" + slug, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(onSecond("/nyheter/" + slug).headers().firstValue("ETag")).contains(etag);
        assertThat(onSecond("/nyheter").body()).contains(title);

        assertThat(items.unpublish(id, items.find(id).orElseThrow().version(), "test")).isTrue();
        long unpublished = System.nanoTime();

        Awaitility.await().atMost(SOON).pollInterval(Duration.ofMillis(20))
                .until(() -> onSecond("/nyheter/" + slug).statusCode() == 404);
        log.info("Unpublished through the first instance: 404 on the second after {} ms",
                Duration.ofNanos(System.nanoTime() - unpublished).toMillis());
        assertThat(onSecond("/nyheter").body()).doesNotContain(title);
        assertThat(onSecond("/nyheter/" + slug, "If-None-Match", etag).statusCode()).isEqualTo(404);

        // and back: published again through the first, listed on the second
        assertThat(items.publish(id, items.find(id).orElseThrow().version(), "test")).isTrue();
        Awaitility.await().atMost(SOON).until(() -> onSecond("/nyheter").body().contains(title));
        assertThat(onSecond("/nyheter/" + slug).statusCode()).isEqualTo(200);
    }

    @Test
    void anInstanceThatLostItsListeningConnectionRendersAfreshUntilItListensAgain() {
        String slug = "utan-lyssnare-" + NewsroomFixtures.unique();
        UUID id = fixtures.published(slug, "Före " + slug, Instant.now().minus(Duration.ofHours(1)));
        assertThat(onSecond("/nyheter/" + slug).body()).contains("Före " + slug);
        assertThat(get("/nyheter/" + slug).body()).contains("Före " + slug);

        int ended = jdbc.sql("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE application_name = ? AND datname = current_database()
                """).param(SECOND_LISTENER).query(Integer.class).single();
        assertThat(ended).as("the second instance's listening connection").isEqualTo(1);
        Awaitility.await().atMost(SOON).until(() -> !secondPages().listening());

        // changes nobody announces: the second shows each at once, the first (listening) still its cached page
        silentlyRetitle(id, "Första tysta " + slug);
        assertThat(onSecond("/nyheter/" + slug).body()).contains("Första tysta " + slug);
        silentlyRetitle(id, "Andra tysta " + slug);
        assertThat(onSecond("/nyheter/" + slug).body()).contains("Andra tysta " + slug);
        assertThat(get("/nyheter/" + slug).body()).contains("Före " + slug);
        assertThat(secondPages().listening()).as("still not listening, so the above proves no caching").isFalse();

        // listening again: the connection is back in pg_stat_activity, and the second caches again
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> secondPages().listening());
        assertThat(jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()")
                .param(SECOND_LISTENER).query(Integer.class).single()).isEqualTo(1);
        assertThat(onSecond("/nyheter/" + slug).body()).contains("Andra tysta " + slug);
        silentlyRetitle(id, "Tredje tysta " + slug);
        assertThat(onSecond("/nyheter/" + slug).body()).as("served from the cache").contains("Andra tysta " + slug)
                .doesNotContain("Tredje tysta");

        // announced through the first instance: the second hears of it
        items.forgetRenderedPages();
        Awaitility.await().atMost(SOON).until(() -> onSecond("/nyheter/" + slug).body().contains("Tredje tysta " + slug));
        // what an operator's scraper sees of the first instance, which listened all along
        String basic = Base64.getEncoder().encodeToString(
                ("prometheus:" + IntegrationTest.SCRAPER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(get("/actuator/prometheus", "Authorization", "Basic " + basic).body())
                .contains("partnerskap_page_cache_listening 1.0");
    }

    private RenderedPages secondPages() {
        return second.getBean(RenderedPages.class);
    }

    /** A change made behind the newsroom's back, which no instance is told of. */
    private void silentlyRetitle(UUID id, String title) {
        assertThat(jdbc.sql("UPDATE news_item SET title = ? WHERE id = ?").params(title, id).update()).isEqualTo(1);
    }

    /** An anonymous GET of the second instance, without cookies. */
    private HttpResponse<String> onSecond(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(visitor, b.build());
    }
}

package se.partnerskap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full-stack test: the whole application on a random port against a real PostgreSQL, with the demo
 * data and the local mail catcher (GreenMail). Every test class uses exactly this configuration, so
 * they share one application context. Extend {@link AbstractIntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"partnerskap.demo=true", "partnerskap.base-url=http://localhost:${local.server.port}",
                "partnerskap.metrics.password=" + IntegrationTest.SCRAPER_PASSWORD,
                // the tests move the clock; they run the round-closing job themselves (RoundClosingTest)
                "partnerskap.rounds.close-cron=-"})
@Import(TestConfiguration.class)
public @interface IntegrationTest {

    /** The Prometheus scraper's password in the tests (user {@code prometheus}). */
    String SCRAPER_PASSWORD = "scraper-secret-for-tests";
}

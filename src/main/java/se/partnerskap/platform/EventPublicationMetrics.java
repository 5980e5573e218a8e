package se.partnerskap.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;

/**
 * Gauges of unfinished event publications, read from the database at each scrape (so every instance
 * reports the same numbers): {@code partnerskap_event_publications{status=...}} for published,
 * processing, resubmitted and failed, and {@code partnerskap_event_publications_given_up}, the failed
 * ones no longer retried. Alert on given_up &gt; 0, and on failed staying up.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final EventPublicationRepository publications;
    private final JdbcClient jdbc;
    private final EventRetryPolicy policy;

    EventPublicationMetrics(EventPublicationRepository publications, JdbcClient jdbc, EventRetryPolicy policy) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Status status : new Status[] {Status.PUBLISHED, Status.PROCESSING, Status.RESUBMITTED, Status.FAILED}) {
            Gauge.builder("partnerskap.event.publications", publications, p -> p.countByStatus(status))
                    .description("Event publications not completed, by status")
                    .tag("status", status.name().toLowerCase())
                    .register(registry);
        }
        // The repository counts by status only; the attempts need one query.
        Gauge.builder("partnerskap.event.publications.given.up", this, m -> m.givenUp())
                .description("Failed event publications no longer retried automatically (see /actuator/publications)")
                .register(registry);
    }

    private long givenUp() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE status = 'FAILED' AND completion_attempts >= ?")
                .param(policy.maxAttempts()).query(Long.class).single();
    }
}

package se.partnerskap.platform;

import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.EventPublication;
import org.springframework.stereotype.Component;

/**
 * When a failed event publication is tried again: {@code first-retry-after} after the attempt that
 * failed, doubling with each attempt up to {@code max-retry-interval}; after {@code max-attempts} it is
 * given up and waits for an operator. Spring Modulith counts the attempts (the first delivery is attempt
 * 1, each resubmission adds one) and stamps the last resubmission (at first: the publication date).
 */
@Component
public class EventRetryPolicy {

    private final Duration firstRetryAfter;
    private final Duration maxRetryInterval;
    private final int maxAttempts;

    EventRetryPolicy(PartnerskapProperties properties) {
        this.firstRetryAfter = properties.events().firstRetryAfter();
        this.maxRetryInterval = properties.events().maxRetryInterval();
        this.maxAttempts = properties.events().maxAttempts();
    }

    public Duration firstRetryAfter() {
        return firstRetryAfter;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The pause after the given number of attempts: first-retry-after × 2^(attempts − 1), capped. */
    public Duration pauseAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
        Duration pause = firstRetryAfter.multipliedBy(1L << doublings);
        return pause.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : pause;
    }

    public boolean givenUp(EventPublication publication) {
        return publication.getCompletionAttempts() >= maxAttempts;
    }

    /** When the next automatic attempt is due, or null when the publication is given up. */
    public Instant nextAttempt(EventPublication publication) {
        if (givenUp(publication)) {
            return null;
        }
        return lastAttempt(publication).plus(pauseAfter(publication.getCompletionAttempts()));
    }

    /** A failed publication, not given up, whose pause is over. */
    public boolean isDue(EventPublication publication, Instant now) {
        Instant next = nextAttempt(publication);
        return publication.getStatus() == EventPublication.Status.FAILED && next != null && !next.isAfter(now);
    }

    public static Instant lastAttempt(EventPublication publication) {
        Instant last = publication.getLastResubmissionDate();
        return last != null ? last : publication.getPublicationDate();
    }
}

package se.partnerskap.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed event publications (mail that could not be sent) while the application runs, instead
 * of at the next restart. Once every {@code partnerskap.events.retry-every}, on one instance at a time
 * (ShedLock), it resubmits the failed publications whose pause ({@link EventRetryPolicy}) is over;
 * Spring Modulith claims each one with a conditional update (FAILED → RESUBMITTED), so even a run that
 * overlaps another never hands the same publication to two listeners. Publications that hang or whose
 * instance died are marked FAILED by Spring Modulith's staleness monitor
 * ({@code spring.modulith.events.staleness.*}) and come back here.
 */
@Component
public class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final EventRetryPolicy policy;
    private final Clock clock;
    private final int perRun;
    private final int readAtMost;
    private final Duration keepCompleted;

    EventResubmission(FailedEventPublications failed, CompletedEventPublications completed, EventRetryPolicy policy,
            Clock clock, PartnerskapProperties properties) {
        this.failed = failed;
        this.completed = completed;
        this.policy = policy;
        this.clock = clock;
        this.perRun = properties.events().resubmitPerRun();
        this.readAtMost = properties.events().readAtMost();
        this.keepCompleted = properties.events().keepCompleted();
    }

    @Scheduled(fixedDelayString = "${partnerskap.events.retry-every:PT15S}", initialDelayString = "PT15S")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT5M")
    public void periodically() {
        resubmitDue();
    }

    /**
     * Resubmits, oldest first, at most {@code resubmit-per-run} failed publications whose pause is over;
     * returns how many. The listeners run asynchronously; one that fails again leaves its publication
     * FAILED with one more attempt counted.
     */
    public int resubmitDue() {
        Instant now = clock.instant();
        AtomicInteger taken = new AtomicInteger();
        // Spring Modulith reads the oldest failed publications up to the batch size and then filters:
        // given-up ones stay in the read, so the batch is large (see docs/mail.md).
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(readAtMost)
                .withFilter(p -> policy.isDue(p, now) && taken.incrementAndGet() <= perRun));
        int count = Math.min(taken.get(), perRun);
        if (count > 0) {
            log.info("Resubmitted {} failed event publications", count);
        }
        return count;
    }

    /**
     * Resubmits one failed publication now, whatever its pause or attempts (an operator's decision);
     * false if there is no failed publication with that id.
     */
    public boolean resubmitNow(UUID id) {
        AtomicInteger taken = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(readAtMost)
                .withFilter(p -> p.getIdentifier().equals(id)
                        && p.getStatus() == org.springframework.modulith.events.EventPublication.Status.FAILED
                        && taken.incrementAndGet() == 1));
        return taken.get() == 1;
    }

    /** Completed publications do not pile up: once a day those older than keep-completed go. */
    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT1H")
    @SchedulerLock(name = "event-publication-cleanup")
    public void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}

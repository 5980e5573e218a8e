package se.partnerskap.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the rate-limit buckets that are full again, once an hour across all instances. */
@Component
public class RateLimitCleanup {

    private static final Logger log = LoggerFactory.getLogger(RateLimitCleanup.class);
    private static final int BATCH = 1000;

    private final RateLimits limits;

    RateLimitCleanup(RateLimits limits) {
        this.limits = limits;
    }

    @Scheduled(fixedDelayString = "${partnerskap.rate-limits.cleanup-every:PT1H}", initialDelayString = "PT5M")
    @SchedulerLock(name = "rate-limit-cleanup")
    public void periodically() {
        int removed = removeFull();
        if (removed > 0) {
            log.info("Removed {} full rate-limit buckets", removed);
        }
    }

    /** Deletes every full bucket now, in batches; returns how many. */
    public int removeFull() {
        int total = 0;
        int removed;
        do {
            removed = limits.removeFull(BATCH);
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}

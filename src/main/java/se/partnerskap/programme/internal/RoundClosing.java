package se.partnerskap.programme.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.partnerskap.programme.RoundManagement;

/**
 * Closes the rounds whose deadline has passed, every minute, once across all instances (ShedLock on the
 * database). Closing each round once does not depend on the lock: {@link RoundManagement#closeDue()} takes
 * only rounds still open. Between two runs the pages already treat such a round as closed
 * ({@code RoundDetails.isOpenAt}); the job makes the stored status say so too, with its audit entry.
 */
@Component
class RoundClosing {

    private static final Logger log = LoggerFactory.getLogger(RoundClosing.class);

    private final RoundManagement management;

    RoundClosing(RoundManagement management) {
        this.management = management;
    }

    @Scheduled(cron = "${partnerskap.rounds.close-cron:5 * * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "round-closing", lockAtMostFor = "PT5M")
    public void run() {
        var closed = management.closeDue();
        if (!closed.isEmpty()) {
            log.info("Closed {} round(s) past their deadline: {}", closed.size(), closed);
        }
    }
}

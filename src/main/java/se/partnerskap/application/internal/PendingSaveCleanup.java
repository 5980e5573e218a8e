package se.partnerskap.application.internal;

import java.sql.Timestamp;
import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets kept forms and remembered sessions past their time (docs/autosave.md), once across all instances. */
@Component
public class PendingSaveCleanup {

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingSaveCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${partnerskap.pending-saves.cleanup-cron:0 17 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "pending-save-cleanup", lockAtMostFor = "PT10M")
    public void cleanUp() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("DELETE FROM pending_save WHERE expires_at <= ?").param(now).update();
        jdbc.sql("DELETE FROM session_owner WHERE kept_until <= ?").param(now).update();
    }
}

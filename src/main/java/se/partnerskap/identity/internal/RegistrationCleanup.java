package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;

/**
 * Forgets the people who registered but never confirmed their address: {@link #KEPT_AFTER_EXPIRY} after their last
 * link expired, the account that cannot log in (name and e-mail address, personal data kept for no purpose) is
 * deleted with its links and requests. Accounts an administrator invited are not touched; neither is anything
 * activated. Each removal is audited by the account's id only. Once a night across all instances.
 */
@Component
public class RegistrationCleanup {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;

    RegistrationCleanup(JdbcClient jdbc, Clock clock, Audit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Scheduled(cron = "${partnerskap.registrations.cleanup-cron:0 23 3 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "registration-cleanup", lockAtMostFor = "PT10M")
    @Transactional
    public void nightly() {
        cleanUp();
    }

    /** Removes what is due now; how many accounts it removed. */
    @Transactional
    public int cleanUp() {
        Timestamp expiredBefore = Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY));
        List<UUID> removed = jdbc.sql("""
                DELETE FROM app_user u
                WHERE u.self_registered AND u.activated_at IS NULL AND u.password_hash IS NULL
                  AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.user_id = u.id AND i.expires_at > ?)
                RETURNING u.id
                """).param(expiredBefore).query(UUID.class).list();
        removed.forEach(id -> audit.record("system", "user.registration-removed", "user", id.toString(),
                Map.of("reason", "never confirmed")));
        return removed.size();
    }
}

package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;

/**
 * After {@value #MAX_FAILURES} failed logins for one e-mail within 15 minutes, that e-mail may not log
 * in for 15 minutes, even with the right password. Kept in the database so that all instances agree.
 */
@Service
@Transactional
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;

    LoginThrottle(JdbcClient jdbc, Clock clock, Audit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** When the e-mail may log in again, if it is locked now. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String email) {
        return jdbc.sql("SELECT max(locked_until) FROM login_lock WHERE email = ? AND locked_at <= ? AND locked_until > ?")
                .params(Account.normalise(email), now(), now())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public void succeeded(String email) {
        jdbc.sql("INSERT INTO login_attempt (email, attempted_at, succeeded) VALUES (?, ?, true)")
                .params(Account.normalise(email), now()).update();
    }

    /**
     * Records a failed attempt. Counts the failures since the last success or the end of the last lock,
     * within the window; at the limit, locks the e-mail and returns until when.
     */
    public Optional<Instant> failed(String email) {
        String e = Account.normalise(email);
        Instant at = clock.instant();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("login:" + e).query((rs, n) -> 1).single();
        jdbc.sql("INSERT INTO login_attempt (email, attempted_at, succeeded) VALUES (?, ?, false)")
                .params(e, Timestamp.from(at)).update();
        Integer failures = jdbc.sql("""
                SELECT count(*) FROM login_attempt
                WHERE email = :email AND NOT succeeded AND attempted_at <= :now
                  AND attempted_at > GREATEST(
                        CAST(:windowStart AS timestamptz),
                        COALESCE((SELECT max(attempted_at) FROM login_attempt WHERE email = :email AND succeeded AND attempted_at <= :now), '-infinity'),
                        COALESCE((SELECT max(locked_until) FROM login_lock WHERE email = :email AND locked_until <= :now), '-infinity'))
                """)
                .param("email", e).param("now", Timestamp.from(at)).param("windowStart", Timestamp.from(at.minus(WINDOW)))
                .query(Integer.class).single();
        if (failures < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant until = at.plus(LOCK);
        jdbc.sql("INSERT INTO login_lock (email, locked_at, locked_until) VALUES (?, ?, ?)")
                .params(e, Timestamp.from(at), Timestamp.from(until)).update();
        audit.record(e, "login.locked", "login", e, Map.of("failures", failures, "lockedUntil", until.toString()));
        return Optional.of(until);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

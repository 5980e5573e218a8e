package se.partnerskap.platform;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.partnerskap.shared.Sha256;

/**
 * Rate limits shared by all instances: Bucket4j token buckets in the table {@code rate_limit_bucket}
 * (select-for-update on the bucket's row, so two instances on one database count together). Time is the
 * application's {@link Clock}. A bucket's row is keyed by the limit's name and a hash of the subject, so
 * the table holds no e-mail or client address in clear. Each call runs in its own short database
 * transaction, so what was counted stays counted even when the caller's transaction rolls back.
 */
@Service
public class RateLimits {

    /** How long a full bucket's row is kept before the clean-up may delete it (it means nothing then). */
    private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets;
    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state")
                .clientClock(new ApplicationClock(clock))
                .addCustomColumn(new ExpiresAt(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL)))
                .build();
    }

    /** What one attempt to take from a limit gave: allowed or not, what is left, and when there is more. */
    public record Outcome(boolean allowed, long remaining, Instant nextAt) {
        /** Allowed, and this took the last one: the subject is refused from now until {@link #nextAt()}. */
        public boolean exhaustedNow() {
            return allowed && remaining == 0;
        }
    }

    /** Takes one from the subject's allowance if there is one left. */
    public Outcome take(RateLimit limit, String subject) {
        BucketProxy bucket = bucket(limit, subject);
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        Instant now = clock.instant();
        Instant next = now;
        if (!probe.isConsumed()) {
            next = now.plusNanos(probe.getNanosToWaitForRefill());
        } else if (probe.getRemainingTokens() == 0) {
            next = now.plusNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
        return new Outcome(probe.isConsumed(), probe.getRemainingTokens(), next);
    }

    /** When the subject may again, if its allowance is used up now (takes nothing). */
    public Optional<Instant> refusedUntil(RateLimit limit, String subject) {
        var probe = bucket(limit, subject).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty()
                : Optional.of(clock.instant().plusNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives the subject its whole allowance back (e.g. a login with the right password). */
    public void reset(RateLimit limit, String subject) {
        buckets.removeProxy(key(limit, subject));
    }

    /**
     * Deletes buckets that are full again (a missing bucket is a full one), at most {@code batch} of them;
     * returns how many. By the application's clock, like {@link ExpiresAt}, rather than Bucket4j's own
     * removeExpired (system time), so that tests can move past the windows.
     */
    public int removeFull(int batch) {
        return jdbc.sql("""
                DELETE FROM rate_limit_bucket WHERE id IN (
                    SELECT id FROM rate_limit_bucket WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)
                """)
                .params(clock.millis(), batch).update();
    }

    /** A stable, non-reversible key for a subject, also for tables of callers that must not keep it in clear. */
    public static String hash(String subject) {
        return Sha256.shortHex(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private BucketProxy bucket(RateLimit limit, String subject) {
        return buckets.builder().build(key(limit, subject), () -> configuration(limit));
    }

    private static String key(RateLimit limit, String subject) {
        return limit.name() + ":" + hash(subject);
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (RateLimit.Allowance a : limit.allowances()) {
            builder.addLimit(Bandwidth.builder().capacity(a.count()).refillGreedy(a.count(), a.period()).build());
        }
        return builder.build();
    }

    /**
     * When the bucket is full again, in epoch milliseconds by the application's clock. Bucket4j's own
     * expires_at column adds the time to live to the system time; this adds it to the clock the buckets
     * run on, so that the clean-up (by the same clock) and the buckets agree, also in tests.
     */
    private record ExpiresAt(ExpirationAfterWriteStrategy expiration) implements CustomColumnProvider<String> {
        @Override
        public void setCustomField(String key, int paramIndex, PreparedStatement statement, RemoteBucketState state,
                long currentTimeNanos) throws SQLException {
            long ttlMillis = expiration.calculateTimeToLiveMillis(state, currentTimeNanos);
            statement.setLong(paramIndex, ttlMillis < 0 ? Long.MAX_VALUE : currentTimeNanos / 1_000_000 + ttlMillis);
        }

        @Override
        public String getCustomFieldName() {
            return "expires_at";
        }
    }

    /** Bucket4j's clock from the application's (the TestClock in tests). */
    private record ApplicationClock(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}

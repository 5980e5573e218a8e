package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.audit.Audit;
import se.partnerskap.platform.ClientAddresses;
import se.partnerskap.platform.RateLimit;
import se.partnerskap.platform.RateLimits;

/**
 * Failed logins are limited so that guessing is slow but nobody can keep the owner out:
 * <ul>
 * <li>per e-mail and client address ({@link #PER_ACCOUNT_AND_ADDRESS}): an attacker's guesses from one
 * address refuse that address only, the owner logs in from elsewhere;</li>
 * <li>per client address across all e-mails ({@link #PER_ADDRESS}): guessing many accounts from one
 * address is refused;</li>
 * <li>per e-mail across all addresses ({@link #PER_ACCOUNT}, generous), against guesses spread over many
 * addresses. It does not apply from an address where the account logged in (or reset its password)
 * before, so it cannot lock the owner out on a known device; from a new device, the owner waits or
 * resets the password, which makes that device known.</li>
 * </ul>
 * Only failures count; a success gives the e-mail and address pair its allowance back. Unknown e-mails
 * are counted like known ones, so the answers tell nothing about who has an account. The buckets are in
 * the database ({@link RateLimits}), shared by all instances. Reaching a limit is audited. No method
 * holds a transaction while it counts: the buckets take a connection of their own, and a login holding
 * two connections at once could drain the pool under load.
 */
@Service
public class LoginLimits {

    static final RateLimit PER_ACCOUNT_AND_ADDRESS = RateLimit.of("login-account-address", 5, Duration.ofMinutes(15))
            .and(20, Duration.ofDays(1));
    static final RateLimit PER_ADDRESS = RateLimit.of("login-address", 30, Duration.ofMinutes(15))
            .and(200, Duration.ofDays(1));
    static final RateLimit PER_ACCOUNT = RateLimit.of("login-account", 50, Duration.ofHours(1))
            .and(200, Duration.ofDays(1));
    /** How long an address stays known for an account after its last login from there. */
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    /** Which limit refused a login. */
    enum Scope {
        ACCOUNT_AND_ADDRESS("identity.login.error.limited.accountAddress"),
        ADDRESS("identity.login.error.limited.address"),
        ACCOUNT("identity.login.error.limited.account");

        final String messageKey;

        Scope(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    record Refusal(Scope scope, Instant until) {
    }

    private final RateLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final TransactionTemplate transaction;

    LoginLimits(RateLimits limits, JdbcClient jdbc, Clock clock, Audit audit, TransactionTemplate transaction) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Before the password is checked: refused now, and by which limit? */
    public Optional<Refusal> refusal(String email, String remoteAddr) {
        String account = Account.normalise(email);
        String address = ClientAddresses.of(remoteAddr);
        var pair = limits.refusedUntil(PER_ACCOUNT_AND_ADDRESS, pairKey(account, address));
        if (pair.isPresent()) {
            return Optional.of(new Refusal(Scope.ACCOUNT_AND_ADDRESS, pair.get()));
        }
        var byAddress = limits.refusedUntil(PER_ADDRESS, address);
        if (byAddress.isPresent()) {
            return Optional.of(new Refusal(Scope.ADDRESS, byAddress.get()));
        }
        if (!known(account, address)) {
            var byAccount = limits.refusedUntil(PER_ACCOUNT, account);
            if (byAccount.isPresent()) {
                return Optional.of(new Refusal(Scope.ACCOUNT, byAccount.get()));
            }
        }
        return Optional.empty();
    }

    /** Counts a failed login; if that used up a limit, the login is refused from now on and this says until when. */
    public Optional<Refusal> failed(String email, String remoteAddr) {
        String account = Account.normalise(email);
        String address = ClientAddresses.of(remoteAddr);
        Optional<Refusal> refusal = Optional.empty();
        refusal = count(refusal, Scope.ACCOUNT_AND_ADDRESS, PER_ACCOUNT_AND_ADDRESS, pairKey(account, address), account, address);
        refusal = count(refusal, Scope.ADDRESS, PER_ADDRESS, address, account, address);
        if (!known(account, address)) {
            refusal = count(refusal, Scope.ACCOUNT, PER_ACCOUNT, account, account, address);
        }
        return refusal;
    }

    /** A login with the right password: the pair's allowance back, and the address known for the account. */
    public void succeeded(String email, String remoteAddr) {
        String account = Account.normalise(email);
        String address = ClientAddresses.of(remoteAddr);
        limits.reset(PER_ACCOUNT_AND_ADDRESS, pairKey(account, address));
        remember(account, address);
    }

    /** The owner proved the mailbox (a reset link) from this address: it is known for the account now. */
    public void remember(String email, String remoteAddr) {
        String account = Account.normalise(email);
        jdbc.sql("""
                INSERT INTO login_known_address (account_key, address_key, last_seen_at) VALUES (?, ?, ?)
                ON CONFLICT (account_key, address_key) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
                """)
                .params(RateLimits.hash(account), RateLimits.hash(ClientAddresses.of(remoteAddr)), Timestamp.from(clock.instant()))
                .update();
    }

    /** Forgets addresses not used for {@link #KNOWN_FOR}, once a day across all instances. */
    @Scheduled(fixedDelayString = "${partnerskap.rate-limits.cleanup-every:PT1H}", initialDelayString = "PT5M")
    @SchedulerLock(name = "login-known-address-cleanup")
    public int forgetOldAddresses() {
        return jdbc.sql("DELETE FROM login_known_address WHERE last_seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(KNOWN_FOR))).update();
    }

    private Optional<Refusal> count(Optional<Refusal> sofar, Scope scope, RateLimit limit, String subject,
            String account, String address) {
        RateLimits.Outcome outcome = limits.take(limit, subject);
        if (outcome.exhaustedNow() || !outcome.allowed()) {
            if (outcome.exhaustedNow()) {
                transaction.executeWithoutResult(t -> audit.record(address, "login.limited", "login", account,
                        Map.of("limit", limit.name(), "address", address, "until", outcome.nextAt().toString())));
            }
            return sofar.isPresent() ? sofar : Optional.of(new Refusal(scope, outcome.nextAt()));
        }
        return sofar;
    }

    private boolean known(String account, String address) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_known_address WHERE account_key = ? AND address_key = ? AND last_seen_at > ?)")
                .params(RateLimits.hash(account), RateLimits.hash(address), Timestamp.from(clock.instant().minus(KNOWN_FOR)))
                .query(Boolean.class).single();
    }

    private static String pairKey(String account, String address) {
        return account + "|" + address;
    }
}

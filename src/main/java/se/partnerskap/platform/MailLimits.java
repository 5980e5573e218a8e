package se.partnerskap.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.audit.Audit;

/**
 * Against mail bombing: mail that anyone can ask for (a password-reset link, a subscription
 * confirmation) goes at most {@link #PER_RECIPIENT} to one recipient and at most {@link #PER_ADDRESS}
 * for requests from one client address, whatever kind of mail. Over a limit the caller sends nothing
 * and answers as if it had (the answer must not tell whether an address has an account). Reaching a
 * limit is audited once; each refusal is logged. Call it outside a transaction (the buckets take a
 * connection of their own).
 */
@Service
public class MailLimits {

    public static final RateLimit PER_RECIPIENT = RateLimit.of("mail-recipient", 3, Duration.ofHours(1))
            .and(10, Duration.ofDays(1));
    public static final RateLimit PER_ADDRESS = RateLimit.of("mail-address", 30, Duration.ofHours(1))
            .and(100, Duration.ofDays(1));

    private static final Logger log = LoggerFactory.getLogger(MailLimits.class);

    private final RateLimits limits;
    private final Audit audit;
    private final TransactionTemplate transaction;

    MailLimits(RateLimits limits, Audit audit, TransactionTemplate transaction) {
        this.limits = limits;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Counts a request for a mail of {@code kind} to {@code recipient} from {@code remoteAddr}; true if the
     * mail may go, false if a limit is reached (then send nothing).
     */
    public boolean allow(String kind, String recipient, String remoteAddr) {
        String to = recipient.strip().toLowerCase(Locale.ROOT);
        String from = ClientAddresses.of(remoteAddr);
        return take(PER_ADDRESS, from, kind, to, from) && take(PER_RECIPIENT, to, kind, to, from);
    }

    private boolean take(RateLimit limit, String subject, String kind, String to, String from) {
        RateLimits.Outcome outcome = limits.take(limit, subject);
        if (outcome.exhaustedNow() || !outcome.allowed()) {
            if (outcome.exhaustedNow()) {
                transaction.executeWithoutResult(t -> audit.record(from, "mail.limit-reached", "mail", to,
                        Map.of("kind", kind, "limit", limit.name(), "until", outcome.nextAt().toString())));
            }
            if (!outcome.allowed()) {
                log.info("Refused a {} mail: limit {} reached until {}", kind, limit.name(), outcome.nextAt());
            }
        }
        return outcome.allowed();
    }
}

package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tokens of invitation and reset links, minted when the mail goes out. The events that ask for the
 * mail are stored in the event publication registry, so they name only the row; the raw token exists in
 * memory and in the mail, the database keeps its hash. A re-delivered event mints nothing when its mail
 * went out ({@code Mail.sendOnce}); minting again (a mail whose delivery was not recorded) replaces the
 * hash, so only the newest mail's link works. Each minting commits on its own before the mail is sent,
 * so the link works as soon as the mail arrives; if the mail then fails, nobody knows the token.
 */
@Component
class LinkTokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    LinkTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a row holds before its mail is sent: the hash of a token nobody has, so no link matches it. */
    static String unusableHash() {
        return Tokens.hash(Tokens.random());
    }

    /** A new token for a reset that is still open (not used, replaced or expired); empty otherwise. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<String> forReset(UUID resetId) {
        String token = Tokens.random();
        int minted = jdbc.sql("""
                UPDATE password_reset SET token_hash = ?
                WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                """).params(Tokens.hash(token), resetId, Timestamp.from(clock.instant())).update();
        return minted == 1 ? Optional.of(token) : Optional.empty();
    }

    /** A new token for an invitation that is still open (not used or expired); empty otherwise. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<String> forInvitation(UUID invitationId) {
        String token = Tokens.random();
        int minted = jdbc.sql("""
                UPDATE invitation SET token_hash = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?
                """).params(Tokens.hash(token), invitationId, Timestamp.from(clock.instant())).update();
        return minted == 1 ? Optional.of(token) : Optional.empty();
    }
}

package se.partnerskap.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked for a new password for an existing, enabled account; the mail is sent from this event.
 * Names the reset, not its link: the mail listener mints the token when it sends (see {@link InvitationCreated}).
 */
public record PasswordResetRequested(UUID resetId, UUID userId, String email, String name, String language,
        Instant expiresAt) {
}

package se.partnerskap.identity;

import java.time.Instant;
import java.util.UUID;

/** Someone asked for a new password for an existing, enabled account; the mail is sent from this event. */
public record PasswordResetRequested(UUID userId, String email, String name, String language, String token,
        Instant expiresAt) {
}

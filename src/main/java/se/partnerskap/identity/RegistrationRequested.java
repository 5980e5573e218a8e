package se.partnerskap.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone registered with an address that has no active account: the mail with the link that confirms the
 * address goes out. Like {@link InvitationCreated} it names the row, not the link's token.
 */
public record RegistrationRequested(UUID invitationId, UUID userId, String email, String name, String language,
        Instant expiresAt) {
}

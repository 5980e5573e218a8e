package se.partnerskap.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An administrator invited someone. Carries the raw link token because only its hash is stored: the
 * mail is sent from this event (through the event publication registry, so a failed send is retried).
 */
public record InvitationCreated(UUID userId, String email, String name, String language, String invitedBy,
        List<String> organisations, String token, Instant expiresAt) {
}

package se.partnerskap.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An administrator invited someone. Names the invitation, not its link: the event is stored (event
 * publication registry), so it carries no secret; the mail listener mints the link's token when it
 * sends the mail; a second delivery sends nothing once the mail went out, and mints a new token that
 * replaces the first only if the first mail's delivery was never recorded.
 */
public record InvitationCreated(UUID invitationId, UUID userId, String email, String name, String language,
        String invitedBy, List<String> organisations, Instant expiresAt) {
}

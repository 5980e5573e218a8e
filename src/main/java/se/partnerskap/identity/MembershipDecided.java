package se.partnerskap.identity;

import java.util.UUID;

/** A member of the organisation or a case officer answered a request to join it; the person who asked is told. */
public record MembershipDecided(UUID requestId, UUID userId, UUID organisationId, boolean approved) {
}

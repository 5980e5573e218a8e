package se.partnerskap.identity;

import java.util.UUID;

/** A person asked to act for a Swedish organisation; its members (or, if it has none, the case officers) are told. */
public record MembershipRequested(UUID requestId, UUID userId, UUID organisationId) {
}

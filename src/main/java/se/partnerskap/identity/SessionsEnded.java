package se.partnerskap.identity;

import java.util.UUID;

/**
 * Every session the user had so far is no longer valid (disabled, a role taken away, the password reset
 * or changed). Published inside the transaction that ends them, for modules that remember something per
 * session beyond its life and must forget it with the session.
 */
public record SessionsEnded(UUID userId, String reason) {
}

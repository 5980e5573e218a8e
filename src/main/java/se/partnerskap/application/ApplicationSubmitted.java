package se.partnerskap.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An application was submitted (or submitted again after a withdrawal: {@code version} 2 and up).
 * Published in the submitting transaction, so it is delivered through the event publication registry
 * once that commits, even after a crash: the receipt e-mail hangs on it.
 */
public record ApplicationSubmitted(UUID applicationId, UUID submissionId, String reference, int version,
        UUID roundId, UUID leadOrganisation, String language, String submittedBy, Instant submittedAt) {
}

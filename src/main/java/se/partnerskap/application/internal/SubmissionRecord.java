package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.UUID;

/** One submission of an application (its immutable snapshot and PDF stay in the database). */
public record SubmissionRecord(UUID id, UUID applicationId, String reference, int version, String language,
        String submittedBy, Instant submittedAt) {
}

package se.partnerskap.assessment;

import java.time.Instant;
import java.util.UUID;

/** A reviewer declared a conflict of interest: its assignment is gone and the case officer must find another. */
public record ReviewConflictDeclared(UUID applicationId, UUID roundId, String reference, String reviewer,
        String reason, Instant declaredAt) {
}

package se.partnerskap.application;

import java.time.Instant;
import java.util.UUID;

/** A line of "my applications". */
public record ApplicationSummary(UUID id, UUID roundId, String component, UUID leadOrganisation,
        ApplicationStatus status, String title, Instant updatedAt, int completedSections) {
}

package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.UUID;

/** A line of "my applications": {@code completedSections} of the {@code sections} that apply in its round. */
public record ApplicationSummary(UUID id, UUID roundId, String component, UUID leadOrganisation, UUID applicantUser,
        ApplicationStatus status, String title, Instant updatedAt, int completedSections, int sections) {
}

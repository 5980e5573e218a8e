package se.partnerskap.application;

import java.util.UUID;

/** A draft was created: published so that others (reminders, extensions) may learn who has a draft. */
public record ApplicationStarted(UUID applicationId, UUID roundId, String component, UUID leadOrganisation) {
}

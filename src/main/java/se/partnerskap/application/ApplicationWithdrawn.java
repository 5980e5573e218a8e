package se.partnerskap.application;

import java.time.Instant;
import java.util.UUID;

/** A submitted application was withdrawn before the deadline; its reference and snapshots are kept. */
public record ApplicationWithdrawn(UUID applicationId, String reference, UUID roundId, String withdrawnBy,
        Instant withdrawnAt) {
}

package se.partnerskap.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * A case officer moved an open round's deadline later. Published inside the transaction that records
 * it; whoever keeps drafts in the round (the application module) announces it to their contacts.
 */
public record RoundExtended(UUID roundId, Instant extendedUntil, String reasonSv, String reasonEn) {
}

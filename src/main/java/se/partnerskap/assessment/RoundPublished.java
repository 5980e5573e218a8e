package se.partnerskap.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A round's decisions were published, once. A decision is identified by its application's id (one
 * decision per application), so {@code decisionIds} are the ids of the decided applications.
 */
public record RoundPublished(UUID roundId, Instant publishedAt, List<UUID> decisionIds) {

    public RoundPublished {
        decisionIds = List.copyOf(decisionIds);
    }
}

package se.partnerskap.grant.internal;

import java.time.Instant;
import java.util.UUID;

/** A case officer approved or refused a project's change request: the grantee is told by e-mail. */
public record ChangeRequestDecided(UUID changeId, String projectKey, boolean approved, String decidedBy,
        Instant decidedAt) {
}

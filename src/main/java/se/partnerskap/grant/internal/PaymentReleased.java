package se.partnerskap.grant.internal;

import java.time.Instant;
import java.util.UUID;

/** A case officer released a payment to a project: the grantee is told by e-mail. */
public record PaymentReleased(UUID paymentId, String projectKey, String releasedBy, Instant releasedAt) {
}

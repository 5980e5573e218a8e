package se.partnerskap.grant.internal;

import java.time.Instant;
import java.util.UUID;

/** A case officer returned a report with comments: the grantee is told by e-mail. */
public record ReportReturned(UUID reportId, String returnedBy, Instant returnedAt) {
}

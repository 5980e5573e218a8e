package se.partnerskap.grant.internal;

import java.time.Instant;
import java.util.UUID;

/** A grantee submitted a report: the receipt goes to the submitter (through the event publication registry). */
public record ReportSubmitted(UUID reportId, String submittedBy, Instant submittedAt, String language) {
}

package se.partnerskap.grant.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A report a funded project owes, with what it holds so far: the narrative and the typed amounts as
 * {@code answers} (exactly as typed, versioned), the approved budget it is measured against, the
 * attachments, the review and the reminders sent.
 */
public record Report(UUID id, UUID projectId, String projectKey, String projectTitle, String programme,
        UUID organisationId, Kind kind, int position, LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn,
        Status status, Map<String, String> answers, int version, String savedBy, Instant savedAt,
        String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, String reviewComment,
        Long eligibleSek, List<String> coreAreas, List<BudgetLine> budget, List<ReportAttachment> attachments) {

    public enum Kind {
        ANNUAL, FINAL;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum Status {
        NOT_STARTED, DRAFT, SUBMITTED, RETURNED, APPROVED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Status of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        /** Whether the grantee may still change the report. */
        public boolean editable() {
            return this == NOT_STARTED || this == DRAFT || this == RETURNED;
        }

        /**
         * Why an officer may not review (approve or return) a report in this status, as a message key; null when
         * they may: only a submitted report is reviewed, and an approved one stays approved.
         */
        String reviewRefusal() {
            return switch (this) {
                case SUBMITTED -> null;
                case APPROVED -> "report.review.error.approved";
                default -> "report.review.error.notSubmitted";
            };
        }
    }

    /**
     * Why {@code eligibleSek} cannot be approved when {@code reportedSek} was reported, as a message key; null when it
     * can: whole kronor from nothing up to what was reported.
     */
    static String eligibleRefusal(long eligibleSek, long reportedSek) {
        return eligibleSek < 0 || eligibleSek > reportedSek ? "report.review.error.eligibleInvalid" : null;
    }

    /** An officer's review of a report: approved with the eligible amount, or returned with comments. */
    record Review(Status status, String officer, Instant at, Long eligibleSek, String comment) {
    }

    /**
     * This report approved by {@code officer} with the eligible amount: only a submitted report (an approved one
     * stays approved), and only whole kronor from nothing up to what was reported ({@code reportedSek}); refused
     * with the reason otherwise.
     */
    Review approve(String officer, long eligibleSek, long reportedSek, Instant at) {
        refuse(status.reviewRefusal());
        refuse(eligibleRefusal(eligibleSek, reportedSek));
        return new Review(Status.APPROVED, officer, at, eligibleSek, null);
    }

    /** This report returned to the grantee by {@code officer} with comments: only a submitted report. */
    Review returnToGrantee(String officer, String comment, Instant at) {
        refuse(status.reviewRefusal());
        return new Review(Status.RETURNED, officer, at, null, comment);
    }

    private static void refuse(String reason) {
        if (reason != null) {
            throw new Reports.ReportRefused(reason);
        }
    }

    /** A line of the approved budget. */
    public record BudgetLine(int position, String category, String description, String party, long approvedSek) {
    }

    /** A PDF attached to the report. */
    public record ReportAttachment(UUID id, String fileName, long sizeBytes, String addedBy, Instant addedAt) {
    }

    public boolean editable() {
        return status.editable();
    }

    public String answer(String field) {
        return answers.getOrDefault(field, "");
    }

    /** The period is over on the day after its last day (Stockholm). */
    public boolean periodOverOn(LocalDate today) {
        return today.isAfter(periodTo);
    }
}

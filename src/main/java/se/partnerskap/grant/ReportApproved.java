package se.partnerskap.grant;

import java.time.Instant;
import java.util.UUID;

/**
 * A case officer approved a project's report: the payment it makes due (the reimbursement of the
 * reported, eligible costs, or the next tranche) is created from this event, once per report.
 *
 * @param projectId the funded partnership
 * @param reportId the approved report
 * @param finalReport whether it is the final report (the project is then completed and any amount
 *        paid above the eligible costs is to be repaid)
 * @param eligibleSek the reported costs the officer found eligible, in whole kronor
 */
public record ReportApproved(UUID projectId, UUID reportId, boolean finalReport, long eligibleSek,
        Instant approvedAt, String approvedBy) {
}

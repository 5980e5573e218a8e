package se.partnerskap.grant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only a submitted report is reviewed, and an officer approves no more than was reported. */
class ReportRulesOfReviewTest {

    @Test
    void onlyASubmittedReportIsReviewedAndAnApprovedOneStaysApproved() {
        assertThat(Report.Status.SUBMITTED.reviewRefusal()).isNull();
        assertThat(Report.Status.APPROVED.reviewRefusal()).isEqualTo("report.review.error.approved");
        for (Report.Status s : new Report.Status[] {Report.Status.NOT_STARTED, Report.Status.DRAFT, Report.Status.RETURNED}) {
            assertThat(s.reviewRefusal()).as(s.name()).isEqualTo("report.review.error.notSubmitted");
        }
    }

    @Test
    void theEligibleAmountIsFromNothingToWhatWasReported() {
        assertThat(Report.eligibleRefusal(0, 100_000)).isNull();
        assertThat(Report.eligibleRefusal(100_000, 100_000)).isNull();
        assertThat(Report.eligibleRefusal(100_001, 100_000)).isEqualTo("report.review.error.eligibleInvalid");
        assertThat(Report.eligibleRefusal(-1, 100_000)).isEqualTo("report.review.error.eligibleInvalid");
    }
}

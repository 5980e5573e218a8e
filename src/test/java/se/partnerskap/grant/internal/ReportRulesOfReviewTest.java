package se.partnerskap.grant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    @Test
    void whatTheOfficerTypesIsCheckedBeforeTheReviewIsTried() {
        assertThat(ReportRules.eligibleProblem("80 000", 100_000, "100 000 kr")).isNull();
        assertThat(ReportRules.eligibleProblem(" ", 100_000, "100 000 kr"))
                .isEqualTo(ReportProblem.of("report.review.error.eligibleRequired"));
        assertThat(ReportRules.eligibleProblem("100 001", 100_000, "100 000 kr"))
                .isEqualTo(ReportProblem.of("report.review.error.eligibleAbove", "100 000 kr"));
        assertThat(ReportRules.eligibleProblem("12,5", 100_000, "100 000 kr"))
                .isEqualTo(ReportProblem.of("report.error.amount.whole"));
        assertThat(ReportRules.returnCommentProblem("  ")).isEqualTo(ReportProblem.of("report.review.error.commentRequired"));
        assertThat(ReportRules.returnCommentProblem("x".repeat(Reports.MAX_COMMENT + 1)))
                .isEqualTo(ReportProblem.of("report.error.tooLong", Reports.MAX_COMMENT));
        assertThat(ReportRules.returnCommentProblem("Please attach the receipts.")).isNull();
    }

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aSubmittedReportIsApprovedWithTheEligibleAmountOrReturnedWithComments() {
        Report.Review approved = report(Report.Status.SUBMITTED).approve("olle@icld.example", 80_000, 100_000, AT);
        assertThat(approved).isEqualTo(new Report.Review(Report.Status.APPROVED, "olle@icld.example", AT, 80_000L, null));

        Report.Review returned = report(Report.Status.SUBMITTED).returnToGrantee("olle@icld.example", "Bifoga kvitton", AT);
        assertThat(returned).isEqualTo(new Report.Review(Report.Status.RETURNED, "olle@icld.example", AT, null, "Bifoga kvitton"));
    }

    @Test
    void aReportNotSubmittedOrAlreadyApprovedOrAnAmountAboveTheReportedIsRefused() {
        assertThatThrownBy(() -> report(Report.Status.APPROVED).approve("olle@icld.example", 1, 100, AT))
                .isInstanceOfSatisfying(Reports.ReportRefused.class,
                        r -> assertThat(r.reason()).isEqualTo("report.review.error.approved"));
        assertThatThrownBy(() -> report(Report.Status.DRAFT).returnToGrantee("olle@icld.example", "x", AT))
                .isInstanceOfSatisfying(Reports.ReportRefused.class,
                        r -> assertThat(r.reason()).isEqualTo("report.review.error.notSubmitted"));
        assertThatThrownBy(() -> report(Report.Status.SUBMITTED).approve("olle@icld.example", 101, 100, AT))
                .isInstanceOfSatisfying(Reports.ReportRefused.class,
                        r -> assertThat(r.reason()).isEqualTo("report.review.error.eligibleInvalid"));
    }

    private static Report report(Report.Status status) {
        return new Report(UUID.randomUUID(), UUID.randomUUID(), "KP-2026-1", "Demokrati i vardagen", "kommunala-partnerskap",
                UUID.randomUUID(), Report.Kind.ANNUAL, 1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 2, 28), status, Map.of(), 3, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of());
    }
}

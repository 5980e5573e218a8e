package se.partnerskap.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.application.SubmittedPlan;

import static org.assertj.core.api.Assertions.assertThat;

/** The proposal in proportion, in whole hundreds that add up to the grant, and the officer's lines checked. */
class ApprovedBudgetTest {

    @Test
    void theProposalIsInWholeHundredsWithTheRemainderOnTheLargestLineAndAddsUpToTheGrant() {
        assertThat(ApprovedBudget.proportional(new long[] {172_394, 85_000, 42_606}, 200_000))
                .containsExactly(114_900, 56_700, 28_400);
        assertThat(ApprovedBudget.proportional(new long[] {172_394, 85_000, 42_606}, 123_456))
                .containsExactly(70_956, 35_000, 17_500);
        // three equal lines of 100 000 for 100 000: 33 300 each, the 100 left on the first (largest) line
        assertThat(ApprovedBudget.proportional(new long[] {100_000, 100_000, 100_000}, 100_000))
                .containsExactly(33_400, 33_300, 33_300);
        for (long grant : new long[] {1, 99, 150, 1_000, 99_999, 250_001, 299_999}) {
            long[] lines = ApprovedBudget.proportional(new long[] {10, 172_394, 85_000, 42_606, 1}, grant);
            assertThat(ApprovedBudget.sum(lines)).as("grant %d", grant).isEqualTo(grant);
            assertThat(java.util.Arrays.stream(lines).min().orElse(0)).as("grant %d", grant).isNotNegative();
        }
    }

    @Test
    void aGrantOfAllThatWasAppliedForKeepsTheLinesAndNothingAppliedForGoesOnTheFirstLine() {
        assertThat(ApprovedBudget.proportional(new long[] {172_394, 27_606}, 200_000)).containsExactly(172_394, 27_606);
        assertThat(ApprovedBudget.proportional(new long[] {0, 0}, 50_000)).containsExactly(50_000, 0);
        assertThat(ApprovedBudget.proportional(new long[] {}, 50_000)).isEmpty();
    }

    @Test
    void theOfficersLinesMustBeWholeKronorAddingUpToTheGrantOrAllEmpty() {
        List<SubmittedPlan.CostLine> lines = List.of(new SubmittedPlan.CostLine("travel", "Resor", "swedish", 150_000),
                new SubmittedPlan.CostLine("salaries", "Arbetstid", "swedish", 50_000));
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(ApprovedBudget.approved(lines, Map.of(1, "", 2, " "), 100_000L, errors)).containsExactly(75_000, 25_000);
        assertThat(ApprovedBudget.approved(lines, Map.of(1, "80 000", 2, "20000"), 100_000L, errors))
                .containsExactly(80_000, 20_000);
        assertThat(errors).isEmpty();
        ApprovedBudget.approved(lines, Map.of(1, "80000", 2, "30000"), 100_000L, errors);
        assertThat(errors).containsOnlyKeys("lines");
        errors.clear();
        ApprovedBudget.approved(lines, Map.of(1, "80000", 2, "-20000"), 100_000L, errors);
        assertThat(errors).containsOnlyKeys("line2");
        errors.clear();
        ApprovedBudget.approved(lines, Map.of(1, "80000"), 100_000L, errors);
        assertThat(errors).containsOnlyKeys("line2");
    }
}

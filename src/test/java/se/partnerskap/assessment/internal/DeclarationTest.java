package se.partnerskap.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A reviewer says yes or no to a conflict of interest, and gives a reason for a yes; the scores are read by key. */
class DeclarationTest {

    @Test
    void aDeclarationNeedsAnAnswerAndAYesNeedsAReason() {
        assertThat(new Declaration(null, null).problems()).containsExactly(Map.entry("conflict", "assessment.declare.error.choose"));
        assertThat(new Declaration("yes", " ").problems()).containsExactly(Map.entry("reason", "assessment.declare.error.reason"));
        assertThat(new Declaration("no", "x".repeat(Declaration.MAX_REASON + 1)).problems())
                .containsExactly(Map.entry("reason", "assessment.error.tooLong"));
        assertThat(new Declaration("no", null).problems()).isEmpty();
        Declaration yes = new Declaration("yes", "My sister works for the applicant.");
        assertThat(yes.problems()).isEmpty();
        assertThat(yes.conflicted()).isTrue();
    }

    @Test
    void theScoresAndCommentsAreReadByCriterionAndTheRestIsIgnored() {
        ScoreSheet sheet = ScoreSheet.of(Map.of("score-relevance", "4", "comment-relevance", "Clear aims",
                "score-budget", "3", "_csrf", "token"));
        assertThat(sheet.scores()).containsOnly(Map.entry("relevance", "4"), Map.entry("budget", "3"));
        assertThat(sheet.comments()).containsOnly(Map.entry("relevance", "Clear aims"));
    }
}

package se.partnerskap.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import se.partnerskap.web.FieldErrors;

/** A reviewer says yes or no to a conflict of interest, and gives a reason for a yes; the scores are read by key. */
class DeclarationTest {

    private static Map<String, String> problems(Declaration d) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(d, "declaration");
        Declaration.RULES.validate(d, errors);
        return FieldErrors.byField(errors);
    }

    @Test
    void aDeclarationNeedsAnAnswerAndAYesNeedsAReason() {
        assertThat(problems(new Declaration(null, null))).containsExactly(Map.entry("conflict", "assessment.declare.error.choose"));
        assertThat(problems(new Declaration("yes", " "))).containsExactly(Map.entry("reason", "assessment.declare.error.reason"));
        assertThat(problems(new Declaration("no", "x".repeat(Declaration.MAX_REASON + 1))))
                .containsExactly(Map.entry("reason", "assessment.error.tooLong"));
        assertThat(problems(new Declaration("no", null))).isEmpty();
        Declaration yes = new Declaration("yes", "My sister works for the applicant.");
        assertThat(problems(yes)).isEmpty();
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

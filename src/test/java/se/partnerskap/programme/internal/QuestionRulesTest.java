package se.partnerskap.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.internal.RoundViews.QuestionForm;

/** A round's extra questions change one at a time: added at the end, edited in place, removed, moved one step. */
class QuestionRulesTest {

    private static Question q(String key) {
        return new Question(key, "short-text", false, "Fråga " + key, "Question " + key, null, null, null, null);
    }

    private static List<String> keys(List<Question> questions) {
        return questions.stream().map(Question::key).toList();
    }

    @Test
    void aNewQuestionGoesLastAndAnEditedOneStaysInItsPlace() {
        List<Question> three = List.of(q("q1"), q("q2"), q("q3"));
        assertThat(keys(QuestionRules.with(three, q(QuestionRules.nextKey(three))))).containsExactly("q1", "q2", "q3", "q4");
        Question edited = new Question("q2", "long-text", true, "Ny", "New", null, null, 500, null);
        assertThat(QuestionRules.with(three, edited)).containsExactly(q("q1"), edited, q("q3"));
    }

    @Test
    void aQuestionIsRemovedOrMovedOneStepAndNotPastTheEnds() {
        List<Question> three = List.of(q("q1"), q("q2"), q("q3"));
        assertThat(keys(QuestionRules.without(three, "q2"))).containsExactly("q1", "q3");
        assertThat(keys(QuestionRules.moved(three, "q2", false))).containsExactly("q2", "q1", "q3");
        assertThat(keys(QuestionRules.moved(three, "q2", true))).containsExactly("q1", "q3", "q2");
        assertThat(keys(QuestionRules.moved(three, "q1", false))).containsExactly("q1", "q2", "q3");
        assertThat(keys(QuestionRules.moved(three, "q3", true))).containsExactly("q1", "q2", "q3");
        assertThat(three).extracting(Question::key).containsExactly("q1", "q2", "q3");
    }

    @Test
    void theFormShowsAQuestionAsItWasSavedAndKeepsWhatWasPosted() {
        Question choice = new Question("q1", "single-choice", true, "Val", "Choice", null, "Help", null,
                List.of(new Question.Option("o1", "Ja", "Yes"), new Question.Option("o2", "Nej", "No")));
        QuestionForm form = QuestionForm.of(choice, 7);
        assertThat(form.options()).isEqualTo("Ja | Yes\nNej | No");
        assertThat(form.helpSv()).isEmpty();
        assertThat(form.helpEn()).isEqualTo("Help");
        assertThat(form.version()).isEqualTo(7);
        QuestionForm posted = QuestionForm.posted("q1", Map.of("type", "number", "labelSv", "Antal", "version", "x"));
        assertThat(posted.type()).isEqualTo("number");
        assertThat(posted.labelSv()).isEqualTo("Antal");
        assertThat(posted.labelEn()).isEmpty();
        assertThat(posted.version()).isZero();
    }
}

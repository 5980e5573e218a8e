package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.shared.Language;

/**
 * One section of a programme's application form ({@link ApplicationForm}), filled in and saved on its own: its
 * key (stored with the answers), its address segment, title and introduction in both languages, and its kind,
 * which says how the engine draws and checks it. A section of kind {@link Kind#QUESTIONS} asks its own typed
 * questions and, when {@code roundQuestions}, the round's extra questions after them.
 */
public record Section(String key, Kind kind, Texts slug, Texts title, Texts intro, Boolean roundQuestions,
        List<Question> questions) {

    /** How a section is drawn and checked. The first seven are the municipal partnership's blocks. */
    public enum Kind {
        APPLICANT("applicant"), PARTNERS("partners"), CORE_AREAS("core-areas"), CHALLENGE("challenge"),
        ACTIVITIES("activities"), BUDGET("budget"), ATTACHMENTS("attachments"), QUESTIONS("questions");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** As the form definition names it; also the template that draws it ({@code application/sections/<key>}). */
        @JsonValue
        public String key() {
            return key;
        }

        @JsonCreator
        public static Kind of(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No section kind " + key));
        }
    }

    /** A text in Swedish and English. */
    public record Texts(String sv, String en) {
        public String in(Language language) {
            return language.pick(sv, en == null || en.isBlank() ? sv : en);
        }
    }

    public Section {
        questions = questions == null ? List.of() : List.copyOf(questions);
        intro = intro == null ? new Texts("", "") : intro;
        roundQuestions = Boolean.TRUE.equals(roundQuestions); // absent in a definition: the section asks only its own
    }

    /** The last segment of the section page's address in a language. */
    public String slug(Language language) {
        return slug.in(language);
    }

    public String title(Language language) {
        return title.in(language);
    }

    public String intro(Language language) {
        return intro.in(language);
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** The questions this section asks in {@code round}: its own, then the round's if it takes them. */
    public List<Question> questionsIn(RoundDetails round) {
        if (!roundQuestions || round.questions().isEmpty()) { // never null (the constructor)
            return questions;
        }
        List<Question> all = new ArrayList<>(questions);
        all.addAll(round.questions());
        return List.copyOf(all);
    }

    /** A section that asks only what a round adds applies only when the round asks something. */
    public boolean appliesTo(RoundDetails round) {
        return kind != Kind.QUESTIONS || !questionsIn(round).isEmpty();
    }
}

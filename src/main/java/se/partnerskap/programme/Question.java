package se.partnerskap.programme;

import java.util.List;

import se.partnerskap.shared.Language;

/**
 * An extra question of a round's form. {@code type} is one of short-text, long-text, single-choice,
 * multiple-choice, number, date, amount (whole kronor), country (one of the round's partner countries) and
 * declaration (a box the applicant ticks to confirm the question's text) and email (an e-mail address, such as a
 * supervisor's); {@code maxLength} applies to texts,
 * {@code options} to the two choices.
 */
public record Question(String key, String type, boolean required, String labelSv, String labelEn, String helpSv,
        String helpEn, Integer maxLength, List<Option> options) {

    public static final List<String> TYPES = List.of("short-text", "long-text", "single-choice", "multiple-choice",
            "number", "date", "amount", "country", "declaration", "email");

    /** The value a ticked declaration is stored as. */
    public static final String CONFIRMED = "yes";

    /** Its options in order (none for a question without choices); never null, never changed once made. */
    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public record Option(String key, String sv, String en) {
        public String label(Language language) {
            return language.pick(sv, en);
        }
    }

    public String label(Language language) {
        return language.pick(labelSv, labelEn);
    }

    public String help(Language language) {
        return language.pick(helpSv, helpEn);
    }
}

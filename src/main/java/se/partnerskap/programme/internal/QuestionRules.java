package se.partnerskap.programme.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import se.partnerskap.programme.Question;
import se.partnerskap.programme.internal.RoundViews.QuestionForm;

/**
 * What a round's extra question must be ({@link RoundQuestionsAdmin} binds the form and shows what this finds): a
 * known type, labels in both languages, help texts and a length within limits, and for a choice at least two
 * options written {@code svenska|English}, one a line. Keys are never reused ({@link #nextKey}).
 */
final class QuestionRules {

    /** A long text with no length given may hold this many characters. */
    static final int DEFAULT_LONG_TEXT = 2000;
    static final int MAX_LENGTH = 20_000;

    private QuestionRules() {
    }

    /** The question the form describes, with {@code key}; null with the form's errors filled (field → message key). */
    static Question validate(QuestionForm form, String key) {
        Map<String, String> errors = form.errors();
        if (!Question.TYPES.contains(form.type())) {
            errors.put("type", "rounds.error.question.type");
        }
        required(form.labelSv(), "labelSv", 500, errors);
        required(form.labelEn(), "labelEn", 500, errors);
        if (form.helpSv().length() > 2000) {
            errors.put("helpSv", "rounds.error.text.tooLong");
        }
        if (form.helpEn().length() > 2000) {
            errors.put("helpEn", "rounds.error.text.tooLong");
        }
        boolean text = form.type().endsWith("-text");
        Integer maxLength = null;
        if (text) {
            String typed = form.maxLength().strip();
            if (typed.isEmpty()) {
                maxLength = "long-text".equals(form.type()) ? DEFAULT_LONG_TEXT : null;
            } else if (!typed.matches("\\d{1,6}") || Integer.parseInt(typed) < 1 || Integer.parseInt(typed) > MAX_LENGTH) {
                errors.put("maxLength", "rounds.error.question.maxLength");
            } else {
                maxLength = Integer.parseInt(typed);
            }
        }
        List<Question.Option> options = List.of();
        if (form.type().endsWith("-choice")) {
            options = new ArrayList<>();
            int n = 1;
            for (String line : form.options().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    errors.put("options", "rounds.error.question.optionLine");
                    break;
                }
                options.add(new Question.Option("o" + n++, parts[0].strip(), parts[1].strip()));
            }
            if (!errors.containsKey("options") && options.size() < 2) {
                errors.put("options", "rounds.error.question.options");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Question(key, form.type(), form.required(), form.labelSv().strip(), form.labelEn().strip(),
                blankToNull(form.helpSv()), blankToNull(form.helpEn()), maxLength, options);
    }

    private static void required(String value, String field, int max, Map<String, String> errors) {
        if (value.isBlank()) {
            errors.put(field, "rounds.error.question." + field + ".missing");
        } else if (value.length() > max) {
            errors.put(field, "rounds.error.text.tooLong");
        }
    }

    /** The next unused key: one more than the highest qN so far, so a removed question's key is not reused. */
    static String nextKey(List<Question> questions) {
        int max = 0;
        for (Question q : questions) {
            if (q.key().matches("q\\d+")) {
                max = Math.max(max, Integer.parseInt(q.key().substring(1)));
            }
        }
        return "q" + (max + 1);
    }

    /** The round's questions with {@code q} added at the end, or in place of the one with its key. */
    static List<Question> with(List<Question> questions, Question q) {
        List<Question> changed = new ArrayList<>(questions);
        if (changed.stream().noneMatch(old -> old.key().equals(q.key()))) {
            changed.add(q);
        } else {
            changed.replaceAll(old -> old.key().equals(q.key()) ? q : old);
        }
        return changed;
    }

    /** The round's questions without the one with {@code key}. */
    static List<Question> without(List<Question> questions, String key) {
        List<Question> changed = new ArrayList<>(questions);
        changed.removeIf(q -> q.key().equals(key));
        return changed;
    }

    /** The question {@code key} moved one place up or {@code down}; at the top or the bottom, where it is. */
    static List<Question> moved(List<Question> questions, String key, boolean down) {
        List<Question> changed = new ArrayList<>(questions);
        int i = 0;
        while (i < changed.size() && !changed.get(i).key().equals(key)) {
            i++;
        }
        int j = down ? i + 1 : i - 1;
        if (i < changed.size() && j >= 0 && j < changed.size()) {
            Collections.swap(changed, i, j);
        }
        return changed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

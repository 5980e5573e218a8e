package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.Section.Kind;
import se.partnerskap.programme.Question;

/**
 * What the form asks in each section, in the form's order and with the form's words: the fields a section
 * stores ({@link SectionRules#fields}), the order the form ({@code pages/application/section.jte}), the check
 * page and the PDF copy show them in, and the message keys of their labels and coded values. One list, so
 * that the copy cannot drift from the form.
 */
public final class FormFields {

    private static final Map<Kind, List<String>> PLAIN = new EnumMap<>(Map.of(
            Kind.APPLICANT, List.of("contactName", "contactEmail", "contactPhone", "contactRole", "contact2Name",
                    "contact2Email", "coApplicants"),
            Kind.CORE_AREAS, List.of("coreAreas", "theme"),
            Kind.CHALLENGE, List.of("title", "titleOther", "challenge", "objectives", "results"),
            Kind.ACTIVITIES, List.of("years", "activities", "timePlan"),
            Kind.BUDGET, List.of("requested")));

    private static final Pattern NUMBERED = Pattern.compile("(partner|line)(\\d+)(\\w+)");

    private FormFields() {
    }

    /** The section's fields outside numbered rows, in the form's order (its questions in the order asked). */
    public static List<String> plain(Section section, List<Question> questions) {
        if (section.is(Kind.QUESTIONS)) {
            return questions.stream().map(q -> "q." + q.key()).toList();
        }
        return PLAIN.getOrDefault(section.kind(), List.of());
    }

    /** The fixed fields of a section kind that has neither rows nor questions. */
    static Set<String> fixed(Kind kind) {
        return Set.copyOf(PLAIN.getOrDefault(kind, List.of()));
    }

    /** The repeated rows of a section: partners, budget lines. */
    public static Optional<NumberedRows> rows(Section section) {
        return switch (section.kind()) {
            case PARTNERS -> Optional.of(NumberedRows.PARTNER);
            case BUDGET -> Optional.of(NumberedRows.LINE);
            default -> Optional.empty();
        };
    }

    /**
     * The stored fields of {@code answers} in the form's order: the rows first, row by row and each in
     * the order of its parts, then the section's other fields; anything else stored comes last, as stored.
     */
    public static List<String> order(Section section, List<Question> questions, Answers answers) {
        Set<String> ordered = new LinkedHashSet<>();
        rows(section).ifPresent(rows -> {
            for (int n : rows.numbers(answers)) {
                rows.parts().forEach(part -> ordered.add(rows.field(n, part)));
            }
        });
        ordered.addAll(plain(section, questions));
        ordered.addAll(answers.fields().keySet());
        List<String> present = new ArrayList<>();
        ordered.stream().filter(answers.fields()::containsKey).forEach(present::add);
        return present;
    }

    /** A field's label on the form: its message key and arguments (a row's number); null for a question of the form's. */
    public record Label(String key, Object[] args) {
    }

    public static Label label(String field) {
        if (field.startsWith("q.")) {
            return null;
        }
        Matcher m = NUMBERED.matcher(field);
        if (m.matches()) {
            return new Label("application.field." + m.group(1) + m.group(3), new Object[] {m.group(2)});
        }
        return new Label("application.field." + field, new Object[0]);
    }

    /** The message key of a coded value as the form's options name it (a partner's type, a cost's category or party). */
    public static Optional<String> valueKey(String field, String value) {
        if (field.startsWith("partner") && field.endsWith("Type")) {
            return Optional.of("application.partnerType." + value);
        }
        if (field.startsWith("line") && field.endsWith("Category")) {
            return Optional.of("application.category." + value);
        }
        if (field.startsWith("line") && field.endsWith("Party")) {
            return Optional.of("application.party." + value);
        }
        return Optional.empty();
    }
}

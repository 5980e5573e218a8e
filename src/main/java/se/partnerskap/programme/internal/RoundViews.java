package se.partnerskap.programme.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundStatus;

/** The view models of the round administration pages. */
public final class RoundViews {

    private RoundViews() {
    }

    /** One row of the rounds list, ready to print. */
    public record RoundRow(String id, String name, String opens, String opensIso, String closes, String closesIso,
            String extendedUntil, String extendedUntilIso, String status, String budget, String maxAmount,
            boolean continuous) {
    }

    public record Option(String value, String label, boolean checked) {
    }

    /** The round form as typed (strings, so nothing typed is lost), with its errors (field → message key). */
    /** A programme with its rounds, as the administrators' list shows them. */
    public record ProgrammeRounds(String key, String name, List<RoundRow> rounds) {
    }

    public record RoundForm(String id, String programme, String nameSv, String nameEn, String opens, String closes,
            String budget, String maxAmount, Set<String> countries, Set<String> components, boolean continuous,
            boolean onePerLeadAndPartner, int version, Map<String, String> errors) {

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** An extension as recorded on the round. */
    public record Extension(String until, String untilIso, String reasonSv, String reasonEn, String by, String at) {
    }

    /** A question in the round's list. */
    public record QuestionRow(String key, String label, String type, boolean required) {
    }

    public record RoundFormPage(RoundForm form, String programmeName, List<Option> countries, List<Option> components, RoundStatus status,
            String deadline, Extension extension, List<QuestionRow> questions, boolean conflict, String updatedBy,
            String updatedAt) {

        public boolean editing() {
            return form.id() != null;
        }

        public boolean editable() {
            return !status.isPast();
        }
    }

    public record ExtendForm(String until, String reasonSv, String reasonEn, int version, Map<String, String> errors) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record ExtendPage(String roundId, String roundName, String deadline, ExtendForm form, boolean conflict) {
    }

    /** A question's form as typed; options one per line as "Swedish | English". */
    public record QuestionForm(String key, String type, boolean required, String labelSv, String labelEn,
            String helpSv, String helpEn, String maxLength, String options, int version, Map<String, String> errors) {

        /** A new question's form: a short text, not required, for the round at {@code version}. */
        static QuestionForm blank(int version) {
            return new QuestionForm(null, "short-text", false, "", "", "", "", "", "", version, Map.of());
        }

        /** A question as its form shows it, the choices one per line as "Swedish | English". */
        static QuestionForm of(Question q, int version) {
            String options = q.options() == null ? "" : q.options().stream().map(o -> o.sv() + " | " + o.en())
                    .collect(Collectors.joining("\n"));
            return new QuestionForm(q.key(), q.type(), q.required(), q.labelSv(), q.labelEn(), nz(q.helpSv()),
                    nz(q.helpEn()), q.maxLength() == null ? "" : q.maxLength().toString(), options, version, Map.of());
        }

        /** What the form posted for the question {@code key} (null for a new one); the errors are filled in by checking. */
        static QuestionForm posted(String key, Map<String, String> p) {
            int version;
            try {
                version = Integer.parseInt(p.getOrDefault("version", ""));
            } catch (NumberFormatException e) {
                version = 0;
            }
            return new QuestionForm(key, p.getOrDefault("type", ""), "true".equals(p.get("required")),
                    p.getOrDefault("labelSv", ""), p.getOrDefault("labelEn", ""), p.getOrDefault("helpSv", ""),
                    p.getOrDefault("helpEn", ""), p.getOrDefault("maxLength", ""), p.getOrDefault("options", ""),
                    version, new LinkedHashMap<>());
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record QuestionPage(String roundId, String roundName, QuestionForm form, List<String> types,
            boolean conflict) {
        public boolean editing() {
            return form.key() != null;
        }
    }
}

package se.partnerskap.application.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundDetails;

/**
 * One version of a programme's application form: its sections in the task list's order and the rules across its
 * questions. Stored as data ({@code programme_form}); a version never changes once stored.
 */
public record ApplicationForm(String programme, int version, List<Section> sections, Rules rules) {

    /**
     * Rules over a form's own questions (by key). {@code requested}: the amount questions whose sum is the amount
     * applied for, checked against the round's largest grant (a form without them asks it in the partnership's
     * budget section). {@code minDays}: a date question at least so many days after another (a fieldwork of at
     * least five weeks). {@code confirmBy}: the person the questions name (by name and e-mail) is mailed a link to
     * confirm the submitted application (the fieldwork grant's supervisor); null for none. {@code firstGrantOnly}: a
     * person who has been granted the programme before may not apply again. {@code publicListing}: a grant to a
     * person may be listed publicly with the affiliation the form asks, if the consent question is answered yes.
     */
    public record Rules(List<String> requested, List<MinDays> minDays, ConfirmBy confirmBy, Boolean firstGrantOnly,
            PublicListing publicListing) {
        public static final Rules NONE = new Rules(List.of(), List.of(), null, false, null);

        public Rules {
            requested = requested == null ? List.of() : List.copyOf(requested);
            minDays = minDays == null ? List.of() : List.copyOf(minDays);
            firstGrantOnly = Boolean.TRUE.equals(firstGrantOnly);
        }
    }

    /** The keys of the consent question (a choice with the option {@code yes}) and of the affiliation (a short text). */
    public record PublicListing(String consent, String affiliation) {
    }

    /** The keys of the questions that name the person who confirms: a short text and an e-mail question. */
    public record ConfirmBy(String name, String email) {
    }

    /** {@code to} is at least {@code days} days after {@code from}. */
    public record MinDays(String from, String to, int days) {
    }

    /** The pages of an application that are no section's: a section's address may not be one of them. */
    static final Set<String> RESERVED = Set.of("granska", "check-answers", "skicka-in", "submit", "kvitto", "receipt",
            "aterkalla", "withdraw", "stangd", "closed", "konflikt", "conflict", "ta-bort", "remove");

    /** A definition that cannot be a form: {@code messageKey} (of the application bundle) says why, with {@code args}. */
    public static class Invalid extends IllegalArgumentException {
        private final String messageKey;
        private final transient Object[] args;

        Invalid(String messageKey, Object... args) {
            super(messageKey + " " + java.util.Arrays.toString(args));
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    public ApplicationForm {
        sections = sections == null ? List.of() : List.copyOf(sections);
        rules = rules == null ? Rules.NONE : rules;
        if (sections.isEmpty()) {
            throw new Invalid("forms.error.noSections");
        }
        Set<String> keys = new HashSet<>();
        Map<String, String> slugs = new HashMap<>(); // a segment names one section, in either language
        Set<String> questionKeys = new HashSet<>();
        for (Section s : sections) {
            if (s.key() == null || !s.key().matches("[a-z][a-z0-9-]{0,39}") || !keys.add(s.key())) {
                throw new Invalid("forms.error.sectionKey", String.valueOf(s.key()));
            }
            if (s.kind() == null || s.slug() == null || s.title() == null || blank(s.title().sv()) || blank(s.title().en())) {
                throw new Invalid("forms.error.sectionParts", s.key());
            }
            for (String slug : List.of(String.valueOf(s.slug().sv()), String.valueOf(s.slug().en()))) {
                if (!slug.matches("[a-z0-9-]{1,60}") || RESERVED.contains(slug)
                        || !slugs.getOrDefault(slug, s.key()).equals(s.key())) {
                    throw new Invalid("forms.error.slug", s.key(), slug);
                }
                slugs.put(slug, s.key());
            }
            if (!s.questions().isEmpty() && !s.is(Section.Kind.QUESTIONS)) {
                throw new Invalid("forms.error.questionsKind", s.key());
            }
            for (Question q : s.questions()) {
                // q1, q2, … are the round's extra questions' keys, asked in a section that takes them
                if (q.key() == null || !q.key().matches("[a-zA-Z][a-zA-Z0-9]{0,39}") || q.key().matches("q\\d+")
                        || !questionKeys.add(q.key())) {
                    throw new Invalid("forms.error.questionKey", s.key(), String.valueOf(q.key()));
                }
                if (!Question.TYPES.contains(q.type())) {
                    throw new Invalid("forms.error.questionType", q.key(), String.valueOf(q.type()));
                }
                if (blank(q.labelSv()) || blank(q.labelEn())) {
                    throw new Invalid("forms.error.questionLabel", q.key());
                }
                if (q.type().endsWith("-choice") && q.options().isEmpty()) {
                    throw new Invalid("forms.error.questionOptions", q.key());
                }
            }
        }
        if (sections.stream().filter(s -> s.is(Section.Kind.ATTACHMENTS)).count() > 1) {
            throw new Invalid("forms.error.attachments");
        }
        // a rule reads the questions of one section, so that a save of that section can check it
        List<String> requested = rules.requested();
        if (!requested.isEmpty() && sections.stream().noneMatch(s -> asks(s, requested, "amount"))) {
            throw new Invalid("forms.error.requested", String.join(", ", requested));
        }
        ConfirmBy confirm = rules.confirmBy();
        if (confirm != null && (sections.stream().noneMatch(s -> asks(s, List.of(String.valueOf(confirm.email())), "email"))
                || sections.stream().noneMatch(s -> asks(s, List.of(String.valueOf(confirm.name())), "short-text")))) {
            throw new Invalid("forms.error.confirmBy", confirm.name() + ", " + confirm.email());
        }
        PublicListing listing = rules.publicListing();
        if (listing != null && (question(sections, listing.consent()).filter(q -> q.type().equals("single-choice")
                && q.options().stream().anyMatch(o -> o.key().equals("yes"))).isEmpty()
                || question(sections, listing.affiliation()).filter(q -> q.type().equals("short-text")).isEmpty())) {
            throw new Invalid("forms.error.publicListing", listing.consent() + ", " + listing.affiliation());
        }
        for (MinDays rule : rules.minDays()) {
            if (rule.days() < 1 || sections.stream().noneMatch(s -> asks(s,
                    List.of(String.valueOf(rule.from()), String.valueOf(rule.to())), "date"))) {
                throw new Invalid("forms.error.minDays", rule.from() + " → " + rule.to());
            }
        }
    }

    private static Optional<Question> question(List<Section> sections, String key) {
        return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.key().equals(key)).findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The form's question with this key, in whichever section asks it. */
    public Optional<Question> question(String key) {
        return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.key().equals(key)).findFirst();
    }

    /** The section that asks the question with this key. */
    public Optional<Section> sectionAsking(String key) {
        return sections.stream().filter(s -> s.questions().stream().anyMatch(q -> q.key().equals(key))).findFirst();
    }

    private static boolean asks(Section s, List<String> keys, String type) {
        return keys.stream().allMatch(k -> s.questions().stream().anyMatch(q -> q.key().equals(k) && q.type().equals(type)));
    }

    /** Whether a save of {@code section} decides the amount applied for (the questions of {@link Rules#requested}). */
    public boolean holdsRequested(Section section) {
        return !rules.requested().isEmpty() && asks(section, rules.requested(), "amount");
    }

    /** The version as a submission's snapshot keeps it: which one, and its sections as defined. */
    public Map<String, Object> snapshot() {
        return Map.of("programme", programme, "version", version, "sections", sections, "rules", rules);
    }

    /** The sections an application in {@code round} has, in order: one that does not apply is neither listed nor required. */
    public List<Section> in(RoundDetails round) {
        return sections.stream().filter(s -> s.appliesTo(round)).toList();
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The form's section of a kind the engine reads across sections (the partnership's partners, budget, ...). */
    public Optional<Section> of(Section.Kind kind) {
        return sections.stream().filter(s -> s.is(kind)).findFirst();
    }

    /** By the address segment in either language (the language switcher keeps the segment). */
    public Optional<Section> ofSlug(String slug) {
        return sections.stream().filter(s -> s.slug().sv().equals(slug) || s.slug().en().equals(slug)).findFirst();
    }
}

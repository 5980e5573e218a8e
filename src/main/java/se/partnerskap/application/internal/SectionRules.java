package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.BudgetLimit;
import se.partnerskap.application.internal.Problem;
import se.partnerskap.application.internal.Section;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;

/**
 * What each section asks and what is valid. Two kinds of problem: {@code invalid} values refuse a save
 * (nothing is stored: an amount of -5, a country the round does not take, a text over its limit);
 * {@code remaining} ones (a required answer missing, an amount over the maximum) are stored and
 * leave the section in progress.
 */
@Component
public class SectionRules {

    public static final int SHORT = 200;
    public static final int LONG = 3000;
    public static final int ACTIVITIES_LONG = 5000;
    public static final long MAX_SEK = 99_999_999L;
    public static final List<String> PARTNER_TYPES = List.of("municipality", "region", "province", "district", "other");
    public static final List<String> COST_CATEGORIES = List.of("travel", "accommodation", "salaries", "meetings",
            "translation", "other");
    public static final List<String> PARTIES = List.of("swedish", "partner");

    private static final Pattern WHOLE_SEK = Pattern.compile("\\d{1,3}([ \u00a0\u202f]?\\d{3})*|\\d{1,9}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Registry registry;
    private final Components components;
    private final Programmes programmes;

    SectionRules(Registry registry, Components components, Programmes programmes) {
        this.registry = registry;
        this.components = components;
        this.programmes = programmes;
    }

    public record Check(Map<String, Problem> invalid, Map<String, Problem> remaining) {
    }

    /** The fields a section stores; anything else in a request is dropped. */
    public Predicate<String> fields(Section section, RoundDetails round) {
        return switch (section.kind()) {
            case APPLICANT, CORE_AREAS, CHALLENGE, ACTIVITIES -> FormFields.fixed(section.kind())::contains;
            case PARTNERS -> f -> NumberedRows.PARTNER.row(f).isPresent();
            case BUDGET -> f -> f.equals("requested") || NumberedRows.LINE.row(f).isPresent();
            case QUESTIONS -> {
                List<Question> asked = section.questionsIn(round);
                yield f -> asked.stream().anyMatch(q -> f.equals("q." + q.key()));
            }
            case ATTACHMENTS -> f -> false;
        };
    }

    /** Whether {@link #check} of {@code section} reads the application's other sections (the budget's limit). */
    public boolean readsOtherSections(Section section) {
        return section.is(Section.Kind.BUDGET);
    }

    /** A typed date, or null when it is not one (its own check says so). */
    private record LocalDateOrNull(java.time.LocalDate date) {
        static LocalDateOrNull of(String typed) {
            try {
                return new LocalDateOrNull(DATE.matcher(typed.strip()).matches() ? java.time.LocalDate.parse(typed.strip()) : null);
            } catch (java.time.DateTimeException e) {
                return new LocalDateOrNull(null);
            }
        }
    }

    public Check check(Section section, Answers a, Application application, RoundDetails round) {
        Map<String, Problem> invalid = new LinkedHashMap<>();
        Map<String, Problem> remaining = new LinkedHashMap<>();
        Checker c = new Checker(a, invalid, remaining);
        switch (section.kind()) {
            case APPLICANT -> {
                c.text("contactName", SHORT, true);
                c.email("contactEmail", true);
                c.text("contactPhone", 50, false);
                c.text("contactRole", SHORT, false);
                c.text("contact2Name", SHORT, false);
                c.email("contact2Email", false);
                for (String id : a.all("coApplicants")) {
                    UUID org = uuid(id);
                    if (org == null || org.equals(application.leadOrganisation())
                            || registry.swedishOrganisation(org).isEmpty()) {
                        invalid.put("coApplicants", Problem.of("application.error.coApplicants"));
                    }
                }
            }
            case PARTNERS -> {
                int max = components.component(application.programme(), application.component()).orElseThrow()
                        .maxPartners();
                for (int i = 1; i <= NumberedRows.PARTNER.count(a); i++) {
                    String p = "partner" + i;
                    boolean used = i == 1 || !a.one(p + "Name").isBlank() || !a.one(p + "Country").isBlank()
                            || !a.one(p + "ContactName").isBlank() || !a.one(p + "ContactEmail").isBlank();
                    if (used && i > max) { // more partners than the component takes: one of them must go
                        invalid.put(p + "Name", Problem.of("application.error.partners.tooMany", max));
                        continue;
                    }
                    c.text(p + "Name", SHORT, used);
                    c.choice(p + "Type", PARTNER_TYPES, used);
                    c.choice(p + "Country", round.countries(), used);
                    c.text(p + "ContactName", SHORT, used);
                    c.email(p + "ContactEmail", used);
                }
            }
            case CORE_AREAS -> {
                List<String> keys = programmes.coreAreas(application.programme()).stream().map(CoreArea::key).toList();
                c.choices("coreAreas", keys, true);
                c.text("theme", SHORT, true);
            }
            case CHALLENGE -> {
                c.text("title", SHORT, true);
                c.text("titleOther", SHORT, false);
                c.text("challenge", LONG, true);
                c.text("objectives", LONG, true);
                c.text("results", LONG, true);
            }
            case ACTIVITIES -> {
                var component = components.component(application.programme(), application.component()).orElseThrow();
                c.integer("years", component.minYears(), component.maxYears(), true);
                c.text("activities", ACTIVITIES_LONG, true);
                c.text("timePlan", LONG, true);
            }
            case BUDGET -> {
                boolean any = false;
                for (int i : NumberedRows.LINE.numbers(a)) {
                    String l = "line" + i;
                    boolean used = !a.one(l + "Description").isBlank() || !a.one(l + "Amount").isBlank()
                            || !a.one(l + "Category").isBlank() || !a.one(l + "Party").isBlank();
                    any |= used;
                    c.choice(l + "Category", COST_CATEGORIES, used);
                    c.text(l + "Description", SHORT, used);
                    c.choice(l + "Party", PARTIES, used);
                    c.sek(l + "Amount", used);
                }
                if (!any) {
                    remaining.putIfAbsent("line1Category", Problem.of("application.error.budget.noLines"));
                }
                c.sek("requested", true);
                if (invalid.isEmpty()) {
                    BudgetLimit limit = limit(application, round, a);
                    if (limit.requested() > limit.total()) {
                        remaining.putIfAbsent("requested", Problem.of("application.error.requested.overTotal"));
                    } else if (limit.over()) {
                        remaining.putIfAbsent("requested", Problem.of("application.error.requested.overMaximum",
                                limit.maximum().getAsLong()));
                    }
                }
            }
            case QUESTIONS -> {
                for (Question q : section.questionsIn(round)) {
                    String f = "q." + q.key();
                    switch (q.type()) {
                        case "short-text" -> c.text(f, q.maxLength() == null ? SHORT : q.maxLength(), q.required());
                        case "long-text" -> c.text(f, q.maxLength() == null ? LONG : q.maxLength(), q.required());
                        case "single-choice" -> c.choice(f, optionKeys(q), q.required());
                        case "multiple-choice" -> c.choices(f, optionKeys(q), q.required());
                        case "number" -> c.integer(f, Integer.MIN_VALUE, Integer.MAX_VALUE, q.required());
                        case "date" -> c.date(f, q.required());
                        case "amount" -> c.sek(f, q.required());
                        case "country" -> c.choice(f, round.countries(), q.required());
                        case "declaration" -> c.choice(f, List.of(Question.CONFIRMED), q.required());
                        case "email" -> c.email(f, q.required());
                        default -> c.text(f, LONG, q.required());
                    }
                }
                ApplicationForm form = application.form();
                for (ApplicationForm.MinDays rule : form.rules().minDays()) {
                    LocalDateOrNull from = LocalDateOrNull.of(a.one("q." + rule.from()));
                    LocalDateOrNull to = LocalDateOrNull.of(a.one("q." + rule.to()));
                    if (from.date() != null && to.date() != null && to.date().isBefore(from.date().plusDays(rule.days()))) {
                        remaining.putIfAbsent("q." + rule.to(), Problem.of("application.error.minDays", rule.days()));
                    }
                }
                if (form.holdsRequested(section) && invalid.isEmpty()) {
                    BudgetLimit limit = limit(application, round, a);
                    if (limit.over()) {
                        remaining.putIfAbsent("q." + form.rules().requested().getLast(), Problem.of(
                                "application.error.requested.overMaximum", limit.maximum().getAsLong()));
                    }
                }
            }
            case ATTACHMENTS -> {
                if (application.attachments().isEmpty()) {
                    remaining.put("file", Problem.of("application.error.attachments.none"));
                }
            }
        }
        return new Check(invalid, remaining);
    }

    private static List<String> optionKeys(Question q) {
        return q.options() == null ? List.of() : q.options().stream().map(Question.Option::key).toList();
    }

    /** The budget as stored. */
    public BudgetLimit limit(Application application, RoundDetails round) {
        ApplicationForm form = application.form();
        if (!form.rules().requested().isEmpty()) {
            Section holding = form.sections().stream().filter(form::holdsRequested).findFirst().orElseThrow();
            return limit(application, round, application.section(holding).answers());
        }
        return limit(application, round, application.answers(Section.Kind.BUDGET));
    }

    /**
     * The budget in {@code budget} against the maximum: on a form whose amount applied for is the sum of its own
     * questions, that sum against the round's largest grant; otherwise the partnership's budget lines and amount
     * against the component's maximum for the stored partners, co-applicants and years.
     */
    public BudgetLimit limit(Application application, RoundDetails round, Answers budget) {
        List<String> summed = application.form().rules().requested();
        if (!summed.isEmpty()) {
            long sum = summed.stream().mapToLong(k -> sekOrZero(budget.one("q." + k))).sum();
            OptionalLong max = round.maxAmountSek() == null ? OptionalLong.empty() : OptionalLong.of(round.maxAmountSek());
            return new BudgetLimit(sum, sum, max, 1, 1);
        }
        long total = 0;
        for (int i : NumberedRows.LINE.numbers(budget)) {
            total += sekOrZero(budget.one("line" + i + "Amount"));
        }
        long requested = sekOrZero(budget.one("requested"));
        Answers partners = application.answers(Section.Kind.PARTNERS);
        List<String> regions = new ArrayList<>();
        int partnerCount = 0;
        for (int i : NumberedRows.PARTNER.numbers(partners)) {
            String iso2 = partners.one("partner" + i + "Country");
            if (!iso2.isBlank() && round.countries().contains(iso2)) {
                partnerCount++;
                registry.country(iso2).map(Country::worldRegion).ifPresent(regions::add);
            }
        }
        int parties = 1 + application.answers(Section.Kind.APPLICANT).all("coApplicants").size()
                + Math.max(1, partnerCount);
        var component = components.component(application.programme(), application.component()).orElseThrow();
        int years = component.minYears();
        String y = application.answers(Section.Kind.ACTIVITIES).one("years").strip();
        if (y.matches("\\d{1,2}")) {
            years = Math.max(component.minYears(), Math.min(component.maxYears(), Integer.parseInt(y)));
        }
        OptionalLong max = OptionalLong.empty();
        for (String region : regions.stream().distinct().toList()) {
            OptionalLong m = components.maxAmount(application.programme(), application.component(), region, parties, years);
            if (m.isPresent() && (max.isEmpty() || m.getAsLong() < max.getAsLong())) {
                max = m;
            }
        }
        if (max.isPresent() && round.maxAmountSek() != null && round.maxAmountSek() < max.getAsLong()) {
            max = OptionalLong.of(round.maxAmountSek());
        }
        return new BudgetLimit(total, requested, max, parties, years);
    }

    /** Whole kronor as typed ("25000", "25 000"); anything else (-5, 1e9, 1.5) is not an amount. */
    public static OptionalLong sek(String typed) {
        String s = typed.strip();
        if (!WHOLE_SEK.matcher(s).matches()) {
            return OptionalLong.empty();
        }
        String digits = s.replaceAll("[ \u00a0\u202f]", "");
        // grouped digits may be any number of them: more than MAX_SEK has is out of range, not a long to parse
        if (digits.length() > String.valueOf(MAX_SEK).length()) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(digits);
        return value > MAX_SEK ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static long sekOrZero(String typed) {
        return sek(typed).orElse(0);
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks fields of one answer set into the two maps. */
    private record Checker(Answers a, Map<String, Problem> invalid, Map<String, Problem> remaining) {

        boolean missing(String f, boolean required) {
            if (a.one(f).isBlank()) {
                if (required) {
                    remaining.putIfAbsent(f, Problem.of("application.error.required"));
                }
                return true;
            }
            return false;
        }

        void text(String f, int max, boolean required) {
            if (a.all(f).size() > 1) {
                invalid.put(f, Problem.of("application.error.invalid"));
            } else if (!missing(f, required) && a.one(f).length() > max) {
                invalid.put(f, Problem.of("application.error.tooLong", max, a.one(f).length()));
            }
        }

        void email(String f, boolean required) {
            if (!missing(f, required) && (a.one(f).length() > SHORT || !se.partnerskap.shared.EmailAddress.isValid(a.one(f)))) {
                invalid.put(f, Problem.of("application.error.email"));
            }
        }

        void choice(String f, List<String> allowed, boolean required) {
            if (!missing(f, required) && (a.all(f).size() > 1 || !allowed.contains(a.one(f)))) {
                invalid.put(f, Problem.of("application.error.choice"));
            }
        }

        void choices(String f, List<String> allowed, boolean required) {
            List<String> values = a.all(f).stream().filter(v -> !v.isBlank()).toList();
            if (values.isEmpty()) {
                if (required) {
                    remaining.putIfAbsent(f, Problem.of("application.error.choose"));
                }
            } else if (!allowed.containsAll(values) || values.size() != values.stream().distinct().count()) {
                invalid.put(f, Problem.of("application.error.choice"));
            }
        }

        void integer(String f, int min, int max, boolean required) {
            if (missing(f, required)) {
                return;
            }
            String s = a.one(f).strip();
            if (!INTEGER.matcher(s).matches()) {
                invalid.put(f, Problem.of("application.error.integer"));
                return;
            }
            long v = Long.parseLong(s);
            if (v < min || v > max) {
                invalid.put(f, Problem.of("application.error.range", min, max));
            }
        }

        void date(String f, boolean required) {
            if (missing(f, required)) {
                return;
            }
            String s = a.one(f).strip();
            try {
                if (!DATE.matcher(s).matches()) {
                    throw new IllegalArgumentException();
                }
                java.time.LocalDate.parse(s);
            } catch (RuntimeException e) {
                invalid.put(f, Problem.of("application.error.date"));
            }
        }

        void sek(String f, boolean required) {
            if (!missing(f, required) && SectionRules.sek(a.one(f)).isEmpty()) {
                invalid.put(f, Problem.of("application.error.sek"));
            }
        }
    }
}

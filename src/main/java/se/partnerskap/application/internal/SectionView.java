package se.partnerskap.application.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.BudgetLimit;
import se.partnerskap.application.internal.Problem;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.SectionAnswers;
import se.partnerskap.programme.Component;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.Question;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.web.FormErrorLink;
import se.partnerskap.web.Ui;

/**
 * A section page: the answers shown in the form (stored, restored or as just typed), their problems,
 * and when someone else saved first, the saved version beside the refused one.
 */
public record SectionView(ApplicationHeader header, Section section, Answers answers, int version,
        Map<String, Problem> errors, SectionAnswers conflictSaved, boolean restored, BudgetLimit limit,
        List<Country> countries, List<SwedishOrganisation> organisations, List<CoreArea> coreAreas,
        Component component, List<Question> questions, String savedAt) {

    public String value(String field) {
        return answers.one(field);
    }

    public boolean has(String field, String value) {
        return answers.has(field, value);
    }

    public boolean error(String field) {
        return errors.containsKey(field);
    }

    public Problem problem(String field) {
        return errors.get(field);
    }

    public boolean conflict() {
        return conflictSaved != null;
    }

    /** The partner rows the form shows: as many as answered, at least one. */
    public int partners() {
        return NumberedRows.PARTNER.count(answers);
    }

    /** How many partners the component takes; "add a partner" is offered until then. */
    public int maxPartners() {
        return component.maxPartners();
    }

    /** The budget lines the form shows: as many as answered, at least one. */
    public int budgetLines() {
        return NumberedRows.LINE.count(answers);
    }

    public int maxBudgetLines() {
        return NumberedRows.LINE.cap();
    }

    public List<String> partnerTypes() {
        return SectionRules.PARTNER_TYPES;
    }

    public List<String> costCategories() {
        return SectionRules.COST_CATEGORIES;
    }

    public List<String> parties() {
        return SectionRules.PARTIES;
    }

    /** The id of the first field of an error, for the summary's links (choices link to their first box). */
    /** The page of a section: its own fields in the shell they share ({@code application/section.jte}). */
    public static String page(Section section) {
        return "application/sections/" + section.kind().key();
    }

    /** The same section's page in the other language: its segment is the form's, not a word of the module's. */
    public String otherLanguagePath(Ui ui) {
        return (ui.en() ? ApplicationPaths.SV : ApplicationPaths.EN) + "/" + header.application().id() + "/"
                + section.slug(ui.otherLanguage());
    }

    /** Whether the form shows buttons to add and remove rows (partners, budget lines): editable, and no conflict shown. */
    public boolean rowButtons() {
        return header.application().isEditable() && !conflict()
                && (section.is(Section.Kind.PARTNERS) || section.is(Section.Kind.BUDGET));
    }

    /** The error summary's lines: each field's label and message, linked to the field. */
    public List<FormErrorLink> errorLinks(Ui ui) {
        return errors.entrySet().stream().map(e -> new FormErrorLink(id(anchor(e.getKey())),
                label(ui, e.getKey()) + ": " + ui.t(e.getValue().message(), e.getValue().args().toArray()))).toList();
    }

    public String anchor(String field) {
        if ("coreAreas".equals(field) || field.startsWith("q.")) {
            return field.replace('.', '-') + (field.startsWith("q.") ? "" : "-0");
        }
        return field;
    }

    /** A safe HTML id for a field name. */
    public static String id(String field) {
        return field.replace('.', '-');
    }

    /** The application and round facts every page of an application shows. */
    public record ApplicationHeader(Application application, String roundName, String componentName,
            String organisationName, String base, String deadline, long sessionSeconds) {

        public String title(Ui ui) {
            String t = application.title();
            return t == null || t.isBlank() ? ui.t("application.untitled", componentName) : t;
        }
    }

    /** The options of a choice, value to label, with labels from the bundle under {@code prefix}. */
    public Map<String, String> options(Ui ui, String prefix, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(v, ui.t(prefix + v)));
        return map;
    }

    public Map<String, String> countryOptions(Ui ui) {
        Map<String, String> map = new LinkedHashMap<>();
        countries.forEach(c -> map.put(c.iso2(), c.name(ui.language())));
        return map;
    }

    public Map<String, String> coreAreaOptions(Ui ui) {
        Map<String, String> map = new LinkedHashMap<>();
        coreAreas.forEach(c -> map.put(c.key(), c.name(ui.language())));
        return map;
    }

    /** What a question offers to choose: its options, the round's countries, or the declaration's one box. */
    public Map<String, String> questionOptions(Ui ui, Question q) {
        Map<String, String> map = new LinkedHashMap<>();
        switch (q.type()) {
            case "country" -> countries.forEach(c -> map.put(c.iso2(), c.name(ui.language())));
            case "declaration" -> map.put(Question.CONFIRMED, ui.t("application.question.declaration.confirmed"));
            default -> q.options().forEach(o -> map.put(o.key(), o.label(ui.language())));
        }
        return map;
    }

    /** A field's label for the read-only summary: the form's own. */
    public String label(Ui ui, String field) {
        FormFields.Label label = FormFields.label(field);
        if (label == null) {
            return questions.stream().filter(q -> field.equals("q." + q.key())).findFirst()
                    .map(q -> q.label(ui.language())).orElse(field);
        }
        return ui.t(label.key(), label.args());
    }

    /** A stored value as the reader should see it: names for codes. */
    public String display(Ui ui, String field, String value) {
        if (field.endsWith("Country")) {
            return countries.stream().filter(c -> c.iso2().equals(value)).findFirst()
                    .map(c -> c.name(ui.language())).orElse(value);
        }
        var coded = FormFields.valueKey(field, value);
        if (coded.isPresent()) {
            return ui.t(coded.get());
        }
        if (field.equals("coreAreas")) {
            return coreAreaOptions(ui).getOrDefault(value, value);
        }
        if (field.equals("coApplicants")) {
            return organisations.stream().filter(o -> o.id().toString().equals(value)).findFirst()
                    .map(SwedishOrganisation::name).orElse(value);
        }
        if (field.startsWith("q.")) {
            return questions.stream().filter(q -> field.equals("q." + q.key())).findFirst()
                    .map(q -> "amount".equals(q.type()) ? SectionRules.sek(value).stream().mapToObj(ui::money)
                            .findFirst().orElse(value) : questionOptions(ui, q).getOrDefault(value, value))
                    .orElse(value);
        }
        if ((field.endsWith("Amount") || field.equals("requested")) && SectionRules.sek(value).isPresent()) {
            return ui.money(SectionRules.sek(value).getAsLong());
        }
        return value;
    }

    /** The answered fields, in the form's order. */
    public List<Map.Entry<String, List<String>>> answered() {
        return FormFields.order(section, questions, answers).stream()
                .map(f -> Map.entry(f, answers.all(f)))
                .filter(e -> e.getValue().stream().anyMatch(s -> !s.isBlank())).toList();
    }
}

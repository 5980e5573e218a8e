package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.partnerskap.web.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.AttachmentInfo;
import se.partnerskap.application.internal.BudgetLimit;
import se.partnerskap.application.internal.Section;
import se.partnerskap.identity.People;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;

/**
 * The PDF copy of a submitted application: an XHTML template ({@code pdf/application.jte}) rendered
 * by openhtmltopdf, with DejaVu Sans embedded so that partner names in any Latin or Cyrillic script
 * come out as typed (the PDF base fonts know only Western European letters). Sections come in the task
 * list's order and answers in the form's, with the form's words ({@link FormFields}); the budget is a table
 * with its total.
 */
@Component
public class ApplicationPdf {

    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Registry registry;
    private final Programmes programmes;
    private final People people;
    private final Applicants applicants;

    ApplicationPdf(PdfDocuments pdf, MessageSource messages, Registry registry, Programmes programmes, People people,
            Applicants applicants) {
        this.applicants = applicants;
        this.pdf = pdf;
        this.messages = messages;
        this.registry = registry;
        this.programmes = programmes;
        this.people = people;
    }

    /** A line of the copy: a question and the answer as the reader should see it. */
    public record Line(String label, String value) {
        public Line {
            label = xmlSafe(label);
            value = xmlSafe(value);
        }
    }

    /** Drops what XML 1.0 cannot carry (control characters typed or pasted), which would stop the renderer. */
    static String xmlSafe(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")
                .replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "");
    }

    /**
     * A part of a section: a group of answers under its own heading (a partner organisation) or none, and
     * a table (the budget lines) when the section has one.
     */
    public record Block(String heading, List<Line> lines, Table table) {
    }

    /** A table with column headings, rows and a total row: the budget. */
    public record Table(List<String> columns, List<List<String>> rows, String totalLabel, String total) {
        public Table {
            columns = columns.stream().map(ApplicationPdf::xmlSafe).toList();
            rows = rows.stream().map(r -> r.stream().map(ApplicationPdf::xmlSafe).toList()).toList();
        }
    }

    /** A section as the task list names it, its answers as the form orders and words them. */
    public record Part(String heading, List<Block> blocks) {
        public boolean empty() {
            return blocks.stream().allMatch(b -> b.lines().isEmpty() && b.table() == null);
        }
    }

    /** What the template shows; every text already in the copy's language. */
    public record View(String lang, String title, String reference, List<Line> facts, List<Part> parts,
            Map<String, String> texts) {
    }

    public byte[] render(Application a, RoundDetails round, String reference, int version, String componentName,
            BudgetLimit limit, String submittedBy, Instant submittedAt, Language lang) {
        View view = view(a, round, reference, version, componentName, limit, submittedBy, submittedAt, lang);
        return pdf.render("pdf/application.jte", Map.of("view", view));
    }

    View view(Application a, RoundDetails round, String reference, int version, String componentName,
            BudgetLimit limit, String submittedBy, Instant submittedAt, Language lang) {
        String organisation = applicants.name(a);
        List<Line> facts = List.of(
                new Line(t("submission.pdf.reference", lang), reference),
                new Line(t("submission.pdf.organisation", lang), organisation),
                new Line(t("submission.pdf.round", lang), round.name(lang)),
                new Line(t("submission.pdf.component", lang), componentName),
                new Line(t("submission.pdf.requested", lang), Sek.of(limit.requested()).format(lang)),
                new Line(t("submission.pdf.submittedAt", lang), StockholmTime.dateTime(submittedAt, lang)),
                new Line(t("submission.pdf.submittedBy", lang), people.name(submittedBy)), // by name, not by login address
                new Line(t("submission.pdf.version", lang), String.valueOf(version)));
        List<Part> parts = new ArrayList<>();
        for (Section s : a.form().in(round)) { // the task list's order
            List<Block> blocks = new ArrayList<>();
            if (s.is(Section.Kind.ATTACHMENTS)) {
                List<Line> lines = new ArrayList<>();
                for (AttachmentInfo info : a.attachments()) {
                    lines.add(new Line(info.fileName(), "SHA-256 " + info.sha256()));
                }
                blocks.add(new Block(null, lines, null));
            } else {
                blocks.addAll(blocks(s, a.section(s).answers(), a, round, limit, lang));
            }
            parts.add(new Part(s.title(lang), blocks));
        }
        Map<String, String> texts = Map.of(
                "heading", t("submission.pdf.heading", lang),
                "empty", t("submission.pdf.empty", lang),
                "footer", t("submission.pdf.footer", lang, reference));
        return new View(lang.code(), xmlSafe(a.title().isBlank() ? t("submission.untitled", lang) : a.title()), reference, facts,
                parts, texts);
    }

    /** A section's answers in the form's order: each partner under its heading, the budget lines as a table. */
    private List<Block> blocks(Section s, Answers answers, Application a, RoundDetails round, BudgetLimit limit,
            Language lang) {
        List<Block> blocks = new ArrayList<>();
        List<String> order = FormFields.order(s, s.questionsIn(round), answers);
        if (s.is(Section.Kind.PARTNERS)) {
            List<Integer> rows = NumberedRows.PARTNER.numbers(answers);
            for (int n : rows) {
                List<Line> lines = lines(order.stream().filter(f -> NumberedRows.PARTNER.row(f).orElse(0) == n).toList(),
                        answers, a, round, lang);
                if (!lines.isEmpty()) {
                    blocks.add(new Block(t(rows.size() == 1 ? "application.partners.first" : "application.partners.numbered",
                            lang, n), lines, null));
                }
            }
            order = order.stream().filter(f -> NumberedRows.PARTNER.row(f).isEmpty()).toList();
        } else if (s.is(Section.Kind.BUDGET)) {
            List<List<String>> rows = new ArrayList<>();
            for (int n : NumberedRows.LINE.numbers(answers)) {
                List<String> cells = NumberedRows.LINE.parts().stream()
                        .map(part -> shown(NumberedRows.LINE.field(n, part), answers, a, round, lang)).toList();
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    rows.add(cells);
                }
            }
            if (!rows.isEmpty()) {
                List<String> columns = NumberedRows.LINE.parts().stream()
                        .map(part -> t("application.budget.column." + part.toLowerCase(java.util.Locale.ROOT), lang)).toList();
                blocks.add(new Block(null, List.of(), new Table(columns, rows,
                        t("application.budget.total", lang), Sek.of(limit.total()).format(lang))));
            }
            order = order.stream().filter(f -> NumberedRows.LINE.row(f).isEmpty()).toList();
        }
        List<Line> rest = lines(order, answers, a, round, lang);
        if (!rest.isEmpty() || blocks.isEmpty()) {
            blocks.add(new Block(null, rest, null));
        }
        return blocks;
    }

    private List<Line> lines(List<String> fields, Answers answers, Application a, RoundDetails round, Language lang) {
        List<Line> lines = new ArrayList<>();
        for (String field : fields) {
            String value = shown(field, answers, a, round, lang);
            if (!value.isBlank()) {
                lines.add(new Line(label(field, a, round, lang), value));
            }
        }
        return lines;
    }

    /** A field's answers as the reader should see them, several joined by commas. */
    private String shown(String field, Answers answers, Application a, RoundDetails round, Language lang) {
        return String.join(", ", answers.all(field).stream().filter(v -> !v.isBlank())
                .map(v -> value(field, v, a, round, lang)).toList());
    }

    /** Every question the application's form asks in its round (their keys are the form's, one each). */
    private static java.util.stream.Stream<Question> asked(Application a, RoundDetails round) {
        return a.form().in(round).stream().flatMap(s -> s.questionsIn(round).stream());
    }

    private String label(String field, Application a, RoundDetails round, Language lang) {
        FormFields.Label label = FormFields.label(field);
        if (label == null) {
            return asked(a, round).filter(q -> field.equals("q." + q.key())).findFirst()
                    .map(q -> q.label(lang)).orElse(field);
        }
        return messages.getMessage(label.key(), label.args(), field, lang.locale());
    }

    private String value(String field, String v, Application a, RoundDetails round, Language lang) {
        if (field.endsWith("Country")) {
            return registry.country(v).map(c -> c.name(lang)).orElse(v);
        }
        if (field.equals("coApplicants")) {
            try {
                return registry.swedishOrganisation(UUID.fromString(v)).map(SwedishOrganisation::name).orElse(v);
            } catch (IllegalArgumentException e) {
                return v;
            }
        }
        if (field.equals("coreAreas")) {
            return programmes.coreAreas(a.programme()).stream().filter(c -> c.key().equals(v)).findFirst()
                    .map(c -> c.name(lang)).orElse(v);
        }
        if (field.endsWith("Amount") || field.equals("requested")) {
            return SectionRules.sek(v).isPresent() ? Sek.of(SectionRules.sek(v).getAsLong()).format(lang) : v;
        }
        if (field.startsWith("q.")) {
            return asked(a, round).filter(q -> field.equals("q." + q.key())).findFirst()
                    .map(q -> switch (q.type()) {
                        case "country" -> registry.country(v).map(c -> c.name(lang)).orElse(v);
                        case "declaration" -> Question.CONFIRMED.equals(v)
                                ? t("application.question.declaration.confirmed", lang) : v;
                        case "amount" -> SectionRules.sek(v).isPresent() ? Sek.of(SectionRules.sek(v).getAsLong()).format(lang) : v;
                        default -> q.options().stream().filter(o -> o.key().equals(v)).findFirst()
                                .map(o -> o.label(lang)).orElse(v);
                    }).orElse(v);
        }
        return FormFields.valueKey(field, v).map(key -> messages.getMessage(key, null, v, lang.locale())).orElse(v);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }

}

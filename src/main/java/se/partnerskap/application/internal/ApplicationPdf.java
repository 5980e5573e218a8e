package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.partnerskap.web.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.Answers;
import se.partnerskap.application.Application;
import se.partnerskap.application.AttachmentInfo;
import se.partnerskap.application.BudgetLimit;
import se.partnerskap.application.Section;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;

/**
 * The PDF copy of a submitted application: an XHTML template ({@code pdf/application.jte}) rendered
 * by openhtmltopdf, with DejaVu Sans embedded so that partner names in any Latin or Cyrillic script
 * come out as typed (the PDF base fonts know only Western European letters).
 */
@Component
public class ApplicationPdf {

    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Registry registry;
    private final Programmes programmes;

    ApplicationPdf(PdfDocuments pdf, MessageSource messages, Registry registry, Programmes programmes) {
        this.pdf = pdf;
        this.messages = messages;
        this.registry = registry;
        this.programmes = programmes;
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

    public record Part(String heading, List<Line> lines) {
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
        String organisation = registry.swedishOrganisation(a.leadOrganisation()).map(SwedishOrganisation::name).orElse("");
        List<Line> facts = List.of(
                new Line(t("submission.pdf.reference", lang), reference),
                new Line(t("submission.pdf.organisation", lang), organisation),
                new Line(t("submission.pdf.round", lang), round.name(lang)),
                new Line(t("submission.pdf.component", lang), componentName),
                new Line(t("submission.pdf.requested", lang), Sek.of(limit.requested()).format(lang)),
                new Line(t("submission.pdf.submittedAt", lang), StockholmTime.dateTime(submittedAt, lang)),
                new Line(t("submission.pdf.submittedBy", lang), submittedBy),
                new Line(t("submission.pdf.version", lang), String.valueOf(version)));
        List<Part> parts = new ArrayList<>();
        for (Section s : Section.in(round)) {
            List<Line> lines = new ArrayList<>();
            if (s == Section.ATTACHMENTS) {
                for (AttachmentInfo info : a.attachments()) {
                    lines.add(new Line(info.fileName(), "SHA-256 " + info.sha256()));
                }
            } else {
                Answers answers = a.section(s).answers();
                answers.fields().forEach((field, values) -> {
                    String value = String.join(", ", values.stream().filter(v -> !v.isBlank())
                            .map(v -> value(field, v, a, round, lang)).toList());
                    if (!value.isBlank()) {
                        lines.add(new Line(label(field, round, lang), value));
                    }
                });
            }
            parts.add(new Part(t("submission.section." + s.key(), lang), lines));
        }
        Map<String, String> texts = Map.of(
                "heading", t("submission.pdf.heading", lang),
                "empty", t("submission.pdf.empty", lang),
                "footer", t("submission.pdf.footer", lang, reference));
        return new View(lang.code(), xmlSafe(a.title().isBlank() ? t("submission.untitled", lang) : a.title()), reference, facts,
                parts, texts);
    }

    private String label(String field, RoundDetails round, Language lang) {
        if (field.startsWith("q.")) {
            return round.questions().stream().filter(q -> field.equals("q." + q.key())).findFirst()
                    .map(q -> q.label(lang)).orElse(field);
        }
        String generic = field.replaceAll("^(partner|line)(\\d+)", "$1N");
        String n = field.replaceAll("^(partner|line)(\\d+).*", "$2");
        return messages.getMessage("submission.field." + generic, new Object[] {n}, field, lang.locale());
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
            return round.questions().stream().filter(q -> field.equals("q." + q.key()) && q.options() != null)
                    .flatMap(q -> q.options().stream()).filter(o -> o.key().equals(v)).findFirst()
                    .map(o -> o.label(lang)).orElse(v);
        }
        if (field.endsWith("Type") || field.endsWith("Category") || field.endsWith("Party")) {
            return messages.getMessage("submission.value." + v, null, v, lang.locale());
        }
        return v;
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }

}

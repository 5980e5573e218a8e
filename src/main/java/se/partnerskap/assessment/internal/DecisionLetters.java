package se.partnerskap.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.partnerskap.web.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;

/**
 * The decision letter as PDF, in the language the applicant submitted in: an XHTML template
 * ({@code pdf/decision.jte}) with texts from the assessment bundle, rendered by openhtmltopdf with
 * DejaVu Sans embedded (as the application copy is).
 */
@Component
public class DecisionLetters {

    /** A fact of the letter. */
    public record Line(String label, String value) {
    }

    /** What the template shows; every text in the letter's language and safe for XML. */
    public record Letter(String lang, String heading, String greeting, List<Line> facts, List<String> paragraphs,
            String signature, String footer) {
    }

    private final PdfDocuments pdf;
    private final MessageSource messages;

    DecisionLetters(PdfDocuments pdf, MessageSource messages) {
        this.pdf = pdf;
        this.messages = messages;
    }

    Letter letter(SubmittedApplication a, String organisation, RoundDetails round, Decisions.Decision d) {
        Language lang = Language.ofCode(a.language());
        boolean granted = d.outcome() == Decisions.Outcome.GRANTED;
        List<Line> facts = new ArrayList<>();
        facts.add(new Line(t("assessment.letter.applicant", lang), safe(organisation)));
        facts.add(new Line(t("assessment.letter.reference", lang), safe(a.reference())));
        facts.add(new Line(t("assessment.letter.project", lang), safe(a.title())));
        facts.add(new Line(t("assessment.letter.round", lang), safe(round.name(lang))));
        facts.add(new Line(t("assessment.letter.requested", lang), Sek.of(a.requestedSek()).format(lang)));
        facts.add(new Line(t("assessment.letter.decision", lang),
                t(granted ? "assessment.letter.granted" : "assessment.letter.rejected", lang)));
        if (granted) {
            facts.add(new Line(t("assessment.letter.amount", lang), Sek.of(d.amountSek()).format(lang)));
        }
        facts.add(new Line(t("assessment.letter.date", lang), StockholmTime.dateTime(d.decidedAt(), lang)));
        List<String> paragraphs = new ArrayList<>();
        if (granted) {
            paragraphs.add(t("assessment.letter.grantText", lang, safe(organisation), Sek.of(d.amountSek()).format(lang),
                    safe(round.name(lang))));
            if (!d.conditions().isBlank()) {
                paragraphs.add(t("assessment.letter.conditions", lang) + " " + safe(d.conditions()));
            }
        } else {
            paragraphs.add(t("assessment.letter.rejectText", lang, safe(round.name(lang))));
            paragraphs.add(safe(lang.pick(d.reasonSv(), d.reasonEn())));
        }
        return new Letter(lang.code(), t("assessment.letter.heading", lang), t("assessment.letter.greeting", lang,
                safe(organisation)), facts, paragraphs, t("assessment.letter.signature", lang),
                t("assessment.letter.footer", lang, safe(a.reference())));
    }

    byte[] render(Letter letter) {
        return pdf.render("pdf/decision.jte", Map.of("letter", letter));
    }

    static String safe(String s) {
        return PdfDocuments.safe(s);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}

package se.partnerskap.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.identity.People;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.DocumentTerms;
import se.partnerskap.programme.FollowUpTerms;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.PdfDocuments;

/**
 * The decision letter as PDF, in the language the applicant submitted in: the funder's decision as a
 * document of its own, with the programme's letterhead, the reference number and the date of the
 * decision, the applicant by its full name and organisation number, the decision with its amount,
 * conditions and reasons, who decided, whom to contact, what happens next, and whether and how the
 * decision can be reconsidered or appealed (the programme's own text, {@link DocumentTerms}). An XHTML
 * template ({@code pdf/decision.jte}) with texts from the assessment bundle, rendered by openhtmltopdf.
 */
@Component
public class DecisionLetters {

    /** A fact of the letter. */
    public record Line(String label, String value) {
    }

    /** A section of the letter under its own heading. */
    public record Part(String heading, List<String> paragraphs) {
    }

    /** What the template shows; every text in the letter's language and safe for XML. */
    public record Letter(String lang, String title, List<String> letterhead, List<Line> meta, List<String> addressee,
            String heading, List<Line> facts, List<Part> parts, String footer, String pageWord, String ofWord) {

        /** The CSS content of the page-number box, "Sida 1 av 2": words from the bundle, quoted for CSS. */
        public String pageNumbers() {
            return "\"" + css(pageWord) + " \" counter(page) \" " + css(ofWord) + " \" counter(pages)";
        }
    }

    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Registry registry;
    private final Rounds rounds;
    private final DocumentTerms documentTerms;
    private final FollowUpTerms followUpTerms;
    private final ContactPersons contacts;
    private final People people;

    DecisionLetters(PdfDocuments pdf, MessageSource messages, Registry registry, Rounds rounds,
            DocumentTerms documentTerms, FollowUpTerms followUpTerms, ContactPersons contacts, People people) {
        this.pdf = pdf;
        this.messages = messages;
        this.registry = registry;
        this.rounds = rounds;
        this.documentTerms = documentTerms;
        this.followUpTerms = followUpTerms;
        this.contacts = contacts;
        this.people = people;
    }

    Letter letter(SubmittedApplication a, Decisions.Decision d) {
        Language lang = Language.ofCode(a.language());
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        DocumentTerms.Terms terms = documentTerms.of(a.programme());
        SwedishOrganisation org = registry.swedishOrganisation(a.leadOrganisation()).orElse(null);
        // a person who applied for themselves is addressed by name (and has no organisation number)
        String applicant = a.personal() ? safe(a.applicantName()) : org == null ? "" : safe(org.officialName());
        String number = org == null ? "" : registry.organisationNumber(org.id()).orElse("");
        boolean granted = d.outcome() == Decisions.Outcome.GRANTED;
        String funder = safe(terms.name(lang));
        String date = StockholmTime.date(StockholmTime.at(d.decidedAt()).toLocalDate(), lang);

        List<String> letterhead = new ArrayList<>();
        letterhead.add(funder);
        addIfKnown(letterhead, safe(terms.address()));
        if (!terms.organisationNumber().isBlank()) {
            letterhead.add(t("assessment.letter.organisationNumber", lang, safe(terms.organisationNumber())));
        }
        addIfKnown(letterhead, safe(terms.contact()));
        List<Line> meta = List.of(new Line(t("assessment.letter.reference", lang), safe(a.reference())),
                new Line(t("assessment.letter.date", lang), date));
        List<String> addressee = new ArrayList<>();
        addressee.add(applicant);
        if (!number.isEmpty()) {
            addressee.add(t("assessment.letter.organisationNumber", lang, number));
        }

        List<Line> facts = new ArrayList<>();
        facts.add(new Line(t("assessment.letter.applicant", lang), applicant));
        facts.add(new Line(t("assessment.letter.project", lang), safe(a.title())));
        facts.add(new Line(t("assessment.letter.round", lang), safe(round.name(lang))));
        facts.add(new Line(t("assessment.letter.requested", lang), Sek.of(a.requestedSek()).format(lang)));
        facts.add(new Line(t("assessment.letter.decision", lang),
                t(granted ? "assessment.letter.granted" : "assessment.letter.rejected", lang)));
        if (granted) {
            facts.add(new Line(t("assessment.letter.amount", lang), Sek.of(d.amountSek()).format(lang)));
        }

        List<Part> parts = new ArrayList<>();
        parts.add(new Part(t("assessment.letter.decisionHeading", lang), List.of(granted
                ? t("assessment.letter.grantText.full", lang, funder, applicant, Sek.of(d.amountSek()).format(lang),
                        safe(a.title()), safe(round.name(lang)))
                : t("assessment.letter.rejectText.full", lang, funder, applicant, safe(a.title()), safe(round.name(lang))))));
        if (granted && !d.conditions().isBlank()) {
            parts.add(new Part(t("assessment.letter.conditionsHeading", lang), List.of(safe(d.conditions()))));
        }
        String reason = safe(d.reason(lang));
        if (!reason.isBlank()) {
            parts.add(new Part(t("assessment.letter.reasonsHeading", lang), List.of(reason)));
        }
        List<String> decided = new ArrayList<>();
        if (!d.makerName().isBlank()) {
            decided.add(t("assessment.letter.decidedBy", lang, safe(d.makerName()), safe(d.makerRole()), funder));
        }
        decided.add(t("assessment.letter.recordedBy", lang, safe(people.name(d.decidedBy()))));
        parts.add(new Part(t("assessment.letter.decidedHeading", lang), decided));
        parts.add(new Part(t("assessment.letter.nextHeading", lang), next(granted, a.programme(), lang)));
        parts.add(new Part(t("assessment.letter.reviewHeading", lang), List.of(safe(terms.review(lang)))));
        parts.add(new Part(t("assessment.letter.contactHeading", lang), contact(a.programme(), terms, lang)));

        return new Letter(lang.code(), t("assessment.letter.heading", lang) + " – " + safe(a.reference()), letterhead,
                meta, addressee, t("assessment.letter.heading", lang), facts, parts,
                t("assessment.letter.footer.full", lang, safe(a.reference()), date), t("assessment.letter.page", lang),
                t("assessment.letter.pageOf", lang));
    }

    private List<String> next(boolean granted, String programme, Language lang) {
        if (!granted) {
            return List.of(t("assessment.letter.next.rejected", lang));
        }
        FollowUpTerms.Terms follow = followUpTerms.of(programme);
        return List.of(t("assessment.letter.next.agreement", lang),
                t(follow.paysAsLumpSum() ? "assessment.letter.next.lumpSum" : follow.paysInTranches()
                        ? "assessment.letter.next.tranches" : "assessment.letter.next.reimbursement", lang),
                t("assessment.letter.next.reporting", lang, follow.finalReportDays()));
    }

    /** The programme's first contact person, else how to reach the funder. */
    private List<String> contact(String programme, DocumentTerms.Terms terms, Language lang) {
        List<String> lines = new ArrayList<>();
        List<ContactPerson> persons = contacts.of(programme);
        if (!persons.isEmpty()) {
            ContactPerson c = persons.getFirst();
            List<String> reach = new ArrayList<>();
            addIfKnown(reach, safe(c.email()));
            addIfKnown(reach, safe(c.phone()));
            lines.add(t("assessment.letter.contactPerson", lang, safe(c.name()), safe(c.role(lang)),
                    String.join(", ", reach)));
        }
        if (!terms.contact().isBlank()) {
            lines.add(t("assessment.letter.contactFunder", lang, safe(terms.name(lang)), safe(terms.contact())));
        }
        if (lines.isEmpty()) {
            lines.add(t("assessment.letter.contactReference", lang));
        }
        return lines;
    }

    byte[] render(Letter letter) {
        return pdf.render("pdf/decision.jte", Map.of("letter", letter));
    }

    private static void addIfKnown(List<String> lines, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(value);
        }
    }

    /** A text for a CSS string: only letters, digits and spaces are kept (the words are the bundle's). */
    static String css(String s) {
        return s.replaceAll("[^\\p{L}\\p{N} ]", "");
    }

    static String safe(String s) {
        return PdfDocuments.safe(s);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}

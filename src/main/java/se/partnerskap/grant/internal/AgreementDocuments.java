package se.partnerskap.grant.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.programme.DocumentTerms;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.PdfDocuments;

/**
 * What the agreement says, in one language, for {@code pdf/agreement.jte}: the reference number (never
 * the internal key), the parties with their organisation numbers, the period, the approved budget with
 * its total, payment, reporting, repayment and termination terms, the programme's guidelines it refers
 * to, and a signature block per party filled in as each signs.
 */
@Component
public class AgreementDocuments {

    /** A fact of the agreement. */
    public record Line(String label, String value) {
    }

    /** A row of the budget table. */
    public record BudgetRow(String category, String description, String party, String amount) {
    }

    /** A section under its own heading. */
    public record Part(String heading, List<String> paragraphs) {
    }

    /** A party's signature: empty name, role, place and date until it has signed. */
    public record SignatureRow(String party, String name, String role, String place, String date) {
    }

    /** What the template shows, every text in the agreement's language and safe for XML. */
    public record Document(String lang, String title, String heading, String intro, List<Line> parties,
            List<Line> facts, String budgetHeading, List<String> budgetColumns, List<BudgetRow> budget,
            String totalLabel, String budgetTotal, List<Part> parts, String signaturesHeading,
            List<String> signatureColumns, List<SignatureRow> signatures, String notSigned, String footer,
            String pageWord, String ofWord) {

        /** The CSS content of the page-number box, "Sida 1 av 2"; the words are the bundle's. */
        public String pageNumbers() {
            return "\"" + css(pageWord) + " \" counter(page) \" " + css(ofWord) + " \" counter(pages)";
        }

        private static String css(String s) {
            return s.replaceAll("[^\\p{L}\\p{N} ]", "");
        }
    }

    private final MessageSource messages;
    private final SubmittedApplications applications;
    private final Registry registry;
    private final DocumentTerms documentTerms;

    AgreementDocuments(MessageSource messages, SubmittedApplications applications, Registry registry,
            DocumentTerms documentTerms) {
        this.messages = messages;
        this.applications = applications;
        this.registry = registry;
        this.documentTerms = documentTerms;
    }

    /** The application's reference number; a project recorded without an application by its address. */
    String reference(FollowUp.Project p) {
        return p.applicationId() == null ? null
                : applications.find(p.applicationId()).map(SubmittedApplication::reference).orElse(null);
    }

    String fileName(FollowUp.Project p) {
        String ref = reference(p);
        return "avtal-" + (ref != null ? ref : p.partnership().path()).replaceAll("[^A-Za-z0-9-]", "-") + ".pdf";
    }

    Document document(FollowUp.Project p, Language lang) {
        var f = p.partnership();
        String reference = reference(p);
        String named = reference != null ? reference : f.path();
        DocumentTerms.Terms terms = documentTerms.find(f.programme()).orElse(null);
        String funder = terms == null || terms.name(lang).isBlank() ? t("followup.agreement.grantorName", lang)
                : safe(terms.name(lang));
        String grantee = registry.swedishOrganisation(f.swedishOrganisationId()).map(SwedishOrganisation::officialName)
                .map(AgreementDocuments::safe).orElse(safe(f.swedishOrganisationName()));
        List<Line> parties = new ArrayList<>();
        parties.add(new Line(t("followup.agreement.grantor", lang), funder
                + (terms == null || terms.organisationNumber().isBlank() ? ""
                        : ", " + t("followup.agreement.organisationNumber", lang, safe(terms.organisationNumber())))
                + (terms == null || terms.address().isBlank() ? "" : ", " + safe(terms.address()))));
        parties.add(new Line(t("followup.agreement.grantee", lang), grantee + registry
                .organisationNumber(f.swedishOrganisationId())
                .map(n -> ", " + t("followup.agreement.organisationNumber", lang, n)).orElse("")));
        for (var partner : f.partners()) {
            parties.add(new Line(t("followup.agreement.partner", lang),
                    safe((partner.named() ? partner.name() + ", " : "") + partner.countryName(lang))));
        }
        List<Line> facts = new ArrayList<>();
        if (reference != null) {
            facts.add(new Line(t("followup.agreement.reference", lang), safe(reference)));
        }
        facts.add(new Line(t("followup.agreement.project", lang), safe(p.name())));
        facts.add(new Line(t("followup.agreement.period", lang), Agreements.period(p, lang)));
        facts.add(new Line(t("followup.agreement.granted", lang), Sek.of(f.amountSek()).format(lang)));
        List<BudgetRow> budget = p.budget().stream().map(l -> new BudgetRow(
                t("application.category." + l.category(), lang), safe(l.description()),
                l.party().isBlank() ? "" : t("followup.party." + l.party(), lang), Sek.of(l.approvedSek()).format(lang)))
                .toList();
        long total = p.budget().stream().mapToLong(FollowUp.BudgetLine::approvedSek).sum();

        List<Part> parts = new ArrayList<>();
        List<String> payment = new ArrayList<>();
        if (p.terms().paysInTranches()) {
            payment.add(t("followup.agreement.tranchesIntro", lang));
            for (var tr : p.terms().tranches()) {
                payment.add(t("followup.agreement.tranche", lang, tr.position(), tr.sharePercent(),
                        t("followup.condition." + tr.condition(), lang)));
            }
        } else {
            payment.add(t("followup.agreement.reimbursement", lang, Sek.of(f.amountSek()).format(lang)));
        }
        parts.add(new Part(t("followup.agreement.payment", lang), payment));
        List<String> reporting = new ArrayList<>();
        reporting.add(t("followup.agreement.reportingIntro", lang));
        for (var r : p.reports()) {
            reporting.add(t("followup.agreement.report." + r.kind(), lang, StockholmTime.date(r.from(), lang),
                    StockholmTime.date(r.to(), lang), StockholmTime.date(r.dueOn(), lang)));
        }
        parts.add(new Part(t("followup.agreement.reporting", lang), reporting));
        parts.add(new Part(t("followup.agreement.repaymentHeading", lang),
                List.of(t("followup.agreement.repayment", lang, funder))));
        parts.add(new Part(t("followup.agreement.terminationHeading", lang),
                List.of(t("followup.agreement.termination", lang, funder))));
        String guidelines = terms == null || terms.guidelines(lang).isBlank() ? t("followup.agreement.guidelinesDefault", lang)
                : safe(terms.guidelines(lang));
        String version = terms == null || terms.guidelinesVersion().isBlank()
                ? t("followup.agreement.guidelinesAsInForce", lang, date(p.agreement().createdAt(), lang))
                : t("followup.agreement.guidelinesVersion", lang, safe(terms.guidelinesVersion()));
        parts.add(new Part(t("followup.agreement.guidelinesHeading", lang), List.of(t("followup.agreement.guidelines",
                lang, guidelines, version, safe(named)))));

        var a = p.agreement();
        List<SignatureRow> signatures = List.of(
                a.countersigned() ? new SignatureRow(funder, safe(a.countersignedName().isBlank() ? a.countersignedBy()
                        : a.countersignedName()), safe(a.countersignedRole()), safe(a.countersignedPlace()),
                        date(a.countersignedAt(), lang)) : new SignatureRow(funder, "", "", "", ""),
                a.accepted() ? new SignatureRow(grantee, safe(a.acceptedName()), safe(a.acceptedRole()),
                        safe(a.acceptedPlace()), date(a.acceptedAt(), lang)) : new SignatureRow(grantee, "", "", "", ""));
        String heading = t("followup.agreement.heading", lang);
        return new Document(lang.code(), heading + " – " + safe(named), heading,
                t("followup.agreement.intro", lang, grantee), parties, facts, t("followup.agreement.budget", lang),
                List.of(t("followup.budget.category", lang), t("followup.budget.description", lang),
                        t("followup.budget.party", lang), t("followup.budget.approved", lang)), budget,
                t("followup.agreement.total", lang), Sek.of(total).format(lang), parts,
                t("followup.agreement.signatures", lang), List.of(t("followup.agreement.signature.party", lang),
                        t("followup.agreement.signature.name", lang), t("followup.agreement.signature.role", lang),
                        t("followup.agreement.signature.place", lang), t("followup.agreement.signature.date", lang)),
                signatures, t("followup.agreement.notSigned", lang), t("followup.agreement.footer", lang, safe(named)),
                t("followup.agreement.page", lang), t("followup.agreement.pageOf", lang));
    }

    private static String date(Instant at, Language lang) {
        return StockholmTime.date(StockholmTime.at(at).toLocalDate(), lang);
    }

    private static String safe(String s) {
        return PdfDocuments.safe(s);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}

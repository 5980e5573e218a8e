package se.partnerskap.grant.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.PdfDocuments;

/**
 * The project's agreement: rendered as PDF from {@code pdf/agreement.jte}, accepted by the grantee's
 * authorised signatory, countersigned by a case officer. Each step once, audited. Countersigning freezes
 * the agreement: its PDF in both languages is stored as it was signed and served from then on, so that
 * later changes to the project (an approved budget move, a longer period) do not alter what was signed.
 */
@Service
public class Agreements {

    static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final Payments payments;
    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final FollowUp followUp;

    Agreements(JdbcClient jdbc, Audit audit, Clock clock, Payments payments, PdfDocuments pdf, MessageSource messages,
            FollowUp followUp) {
        this.followUp = followUp;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.payments = payments;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** The grantee's signatory accepts: name and role as typed, the user who accepted and when. */
    @Transactional
    public void accept(FollowUp.Project project, String name, String role, String user) {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        String r = role == null ? "" : role.strip();
        if (n.isEmpty()) {
            errors.put("signatoryName", "followup.agreement.error.name");
        } else if (n.length() > NAME_MAX) {
            errors.put("signatoryName", "followup.error.tooLong");
        }
        if (r.isEmpty()) {
            errors.put("signatoryRole", "followup.agreement.error.role");
        } else if (r.length() > NAME_MAX) {
            errors.put("signatoryRole", "followup.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        int rows = jdbc.sql("""
                UPDATE project_agreement SET accepted_name = ?, accepted_role = ?, accepted_by = ?, accepted_at = ?
                WHERE funded_partnership_id = ? AND accepted_at IS NULL
                """).params(n, r, user, Timestamp.from(clock.instant()), project.id()).update();
        if (rows == 0) {
            throw Refused.of("form", "followup.agreement.error.alreadyAccepted");
        }
        jdbc.sql("UPDATE project_contact SET signatory = true WHERE funded_partnership_id = ? AND lower(name) = lower(?)")
                .params(project.id(), n).update();
        audit.record(user, "project-agreement-accepted", "funded-partnership", project.id().toString(),
                Map.of("name", n, "role", r));
    }

    /** A case officer countersigns an accepted agreement; a tranche programme's agreement tranche falls due. */
    @Transactional
    public void countersign(FollowUp.Project project, String officer) {
        int rows = jdbc.sql("""
                UPDATE project_agreement SET countersigned_by = ?, countersigned_at = ?
                WHERE funded_partnership_id = ? AND accepted_at IS NOT NULL AND countersigned_at IS NULL
                """).params(officer, Timestamp.from(clock.instant()), project.id()).update();
        if (rows == 0) {
            throw Refused.of("form", project.agreement().countersigned() ? "followup.agreement.error.alreadyCountersigned"
                    : "followup.agreement.error.notAccepted");
        }
        FollowUp.Project signed = followUp.byKey(project.key()).orElseThrow();
        byte[] sv = render(signed, Language.SV);
        byte[] en = render(signed, Language.EN);
        jdbc.sql("UPDATE project_agreement SET signed_pdf_sv = ?, signed_pdf_en = ? WHERE funded_partnership_id = ?")
                .params(sv, en, project.id()).update();
        audit.record(officer, "project-agreement-countersigned", "funded-partnership", project.id().toString(),
                Map.of("sha256Sv", se.partnerskap.shared.Sha256.hex(sv), "sha256En", se.partnerskap.shared.Sha256.hex(en)));
        payments.agreementSigned(project.id(), officer);
    }

    /** A fact of the agreement. */
    public record Line(String label, String value) {
    }

    /** A row of the budget table. */
    public record BudgetRow(String category, String description, String party, String amount) {
    }

    /** What the template shows, every text in the agreement's language and safe for XML. */
    public record Document(String lang, String heading, String intro, List<Line> parties, List<Line> facts,
            String budgetHeading, List<String> budgetColumns, List<BudgetRow> budget, String budgetTotal,
            String paymentHeading, List<String> payment, String reportingHeading, List<String> reporting,
            String signaturesHeading, List<Line> signatures, String footer) {
    }

    /** The agreement as signed once it is countersigned (the frozen copy), until then as the project stands. */
    public byte[] pdf(FollowUp.Project p, Language lang) {
        if (p.agreement().countersigned()) {
            byte[] frozen = jdbc.sql("SELECT " + (lang == Language.EN ? "signed_pdf_en" : "signed_pdf_sv")
                    + " FROM project_agreement WHERE funded_partnership_id = ?").param(p.id())
                    .query((rs, i) -> rs.getBytes(1)).optional().orElse(null);
            if (frozen != null) {
                return frozen;
            }
            // countersigned before copies were kept: rendered as the project stands, as it always was
        }
        return render(p, lang);
    }

    private byte[] render(FollowUp.Project p, Language lang) {
        return pdf.render("pdf/agreement.jte", Map.of("doc", document(p, lang)));
    }

    Document document(FollowUp.Project p, Language lang) {
        var f = p.partnership();
        List<Line> parties = new ArrayList<>();
        parties.add(new Line(t("followup.agreement.grantor", lang), t("followup.agreement.grantorName", lang)));
        parties.add(new Line(t("followup.agreement.grantee", lang), safe(f.swedishOrganisationName())));
        for (var partner : f.partners()) {
            parties.add(new Line(t("followup.agreement.partner", lang),
                    safe((partner.named() ? partner.name() + ", " : "") + partner.countryName(lang))));
        }
        List<Line> facts = new ArrayList<>();
        facts.add(new Line(t("followup.agreement.project", lang), safe(p.name())));
        facts.add(new Line(t("followup.agreement.period", lang), period(p, lang)));
        facts.add(new Line(t("followup.agreement.granted", lang), Sek.of(f.amountSek()).format(lang)));
        List<BudgetRow> budget = p.budget().stream().map(l -> new BudgetRow(
                t("application.category." + l.category(), lang), safe(l.description()),
                l.party().isBlank() ? "" : t("followup.party." + l.party(), lang), Sek.of(l.approvedSek()).format(lang)))
                .toList();
        long total = p.budget().stream().mapToLong(FollowUp.BudgetLine::approvedSek).sum();
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
        List<String> reporting = new ArrayList<>();
        reporting.add(t("followup.agreement.reportingIntro", lang));
        for (var r : p.reports()) {
            reporting.add(t("followup.agreement.report." + r.kind(), lang, StockholmTime.date(r.from(), lang),
                    StockholmTime.date(r.to(), lang), StockholmTime.date(r.dueOn(), lang)));
        }
        List<Line> signatures = new ArrayList<>();
        var a = p.agreement();
        signatures.add(new Line(t("followup.agreement.acceptedBy", lang), a.accepted()
                ? safe(a.acceptedName() + ", " + a.acceptedRole()) + " – " + StockholmTime.dateTime(a.acceptedAt(), lang)
                : t("followup.agreement.notYet", lang)));
        signatures.add(new Line(t("followup.agreement.countersignedBy", lang), a.countersigned()
                ? safe(a.countersignedBy()) + " – " + StockholmTime.dateTime(a.countersignedAt(), lang)
                : t("followup.agreement.notYet", lang)));
        return new Document(lang.code(), t("followup.agreement.heading", lang),
                t("followup.agreement.intro", lang, safe(f.swedishOrganisationName())), parties, facts,
                t("followup.agreement.budget", lang), List.of(t("followup.budget.category", lang),
                        t("followup.budget.description", lang), t("followup.budget.party", lang),
                        t("followup.budget.approved", lang)), budget, Sek.of(total).format(lang),
                t("followup.agreement.payment", lang), payment, t("followup.agreement.reporting", lang), reporting,
                t("followup.agreement.signatures", lang), signatures, t("followup.agreement.footer", lang, safe(f.key())));
    }

    static String period(FollowUp.Project p, Language lang) {
        var f = p.partnership();
        return StockholmTime.date(f.startsOn(), lang) + " – " + StockholmTime.date(f.endsOn(), lang);
    }

    private static String safe(String s) {
        return PdfDocuments.safe(s);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }

}

package se.partnerskap.grant.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.shared.Language;
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
    private final FollowUp followUp;
    private final AgreementDocuments documents;

    Agreements(JdbcClient jdbc, Audit audit, Clock clock, Payments payments, PdfDocuments pdf,
            FollowUp followUp, AgreementDocuments documents) {
        this.followUp = followUp;
        this.documents = documents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.payments = payments;
        this.pdf = pdf;
    }

    /** A signature as typed: who signs, in what role, where. */
    public record Signature(String name, String role, String place) {

        /** The errors by field ({@code <prefix>Name}, {@code <prefix>Role}, {@code <prefix>Place}). */
        Map<String, String> errors(String prefix, String what) {
            Map<String, String> errors = new LinkedHashMap<>();
            check(errors, prefix + "Name", name, "followup.agreement.error.name" + what);
            check(errors, prefix + "Role", role, "followup.agreement.error.role" + what);
            check(errors, prefix + "Place", place, "followup.agreement.error.place");
            return errors;
        }

        private static void check(Map<String, String> errors, String field, String value, String missing) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                errors.put(field, missing);
            } else if (v.length() > NAME_MAX) {
                errors.put(field, "followup.error.tooLong");
            }
        }

        String n() {
            return name.strip();
        }

        String r() {
            return role.strip();
        }

        String p() {
            return place.strip();
        }
    }

    /** The grantee's signatory accepts: name, role and place as typed, the user who accepted and when. */
    @Transactional
    public void accept(FollowUp.Project project, Signature signature, String user) {
        Map<String, String> errors = signature.errors("signatory", "");
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        String n = signature.n();
        int rows = jdbc.sql("""
                UPDATE project_agreement SET accepted_name = ?, accepted_role = ?, accepted_place = ?, accepted_by = ?,
                    accepted_at = ?
                WHERE funded_partnership_id = ? AND accepted_at IS NULL
                """).params(n, signature.r(), signature.p(), user, Timestamp.from(clock.instant()), project.id()).update();
        if (rows == 0) {
            throw Refused.of("form", "followup.agreement.error.alreadyAccepted");
        }
        jdbc.sql("UPDATE project_contact SET signatory = true WHERE funded_partnership_id = ? AND lower(name) = lower(?)")
                .params(project.id(), n).update();
        audit.record(user, "project-agreement-accepted", "funded-partnership", project.id().toString(),
                Map.of("name", n, "role", signature.r(), "place", signature.p()));
    }

    /**
     * A case officer countersigns an accepted agreement, with the name, role and place the signature block
     * shows; a tranche programme's agreement tranche falls due.
     */
    @Transactional
    public void countersign(FollowUp.Project project, Signature signature, String officer) {
        Map<String, String> errors = signature.errors("countersign", ".countersign");
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        int rows = jdbc.sql("""
                UPDATE project_agreement SET countersigned_by = ?, countersigned_at = ?, countersigned_name = ?,
                    countersigned_role = ?, countersigned_place = ?
                WHERE funded_partnership_id = ? AND accepted_at IS NOT NULL AND countersigned_at IS NULL
                """).params(officer, Timestamp.from(clock.instant()), signature.n(), signature.r(), signature.p(),
                project.id()).update();
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
                Map.of("name", signature.n(), "role", signature.r(), "place", signature.p(),
                        "sha256Sv", se.partnerskap.shared.Sha256.hex(sv), "sha256En", se.partnerskap.shared.Sha256.hex(en)));
        payments.agreementSigned(project.id(), officer);
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
        return pdf.render("pdf/agreement.jte", Map.of("doc", documents.document(p, lang)));
    }

    /** The download's name: the reference number, never the internal key. */
    public String fileName(FollowUp.Project p) {
        return documents.fileName(p);
    }

    static String period(FollowUp.Project p, Language lang) {
        var f = p.partnership();
        return StockholmTime.date(f.startsOn(), lang) + " – " + StockholmTime.date(f.endsOn(), lang);
    }


}

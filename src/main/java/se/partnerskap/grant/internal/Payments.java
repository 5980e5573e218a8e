package se.partnerskap.grant.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.grant.ReportApproved;
import se.partnerskap.programme.FollowUpTerms;
import se.partnerskap.shared.StockholmTime;

/**
 * The payments of a project. A reimbursing programme pays back the eligible costs of each approved report
 * up to the approved budget; a tranche programme pays a share of the budget when the tranche's condition
 * is met. A payment falls due once per report or tranche (unique indexes), and is released by a case
 * officer with a date and a reference ({@link PaymentReleased}: the grantee is mailed). After the final report, what was paid above the eligible costs is
 * to be repaid.
 */
@Service
public class Payments {

    static final String ACTOR = "system:follow-up";
    static final int REFERENCE_MAX = 100;

    private final JdbcClient jdbc;
    private final FollowUpTerms terms;
    private final Audit audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final se.partnerskap.web.RenderedPages pages;

    Payments(JdbcClient jdbc, FollowUpTerms terms, Audit audit, Clock clock, ApplicationEventPublisher events,
            se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.events = events;
        this.jdbc = jdbc;
        this.terms = terms;
        this.audit = audit;
        this.clock = clock;
    }

    private record Head(String programme, long granted) {
    }

    private Optional<Head> head(UUID projectId) {
        return jdbc.sql("SELECT programme_key, amount_sek FROM funded_partnership WHERE id = ?").param(projectId)
                .query((rs, i) -> new Head(rs.getString(1), rs.getLong(2))).optional();
    }

    /** Paid or due so far, repayments not counted. */
    private long paidOrDue(UUID projectId) {
        return jdbc.sql("SELECT coalesce(sum(amount_sek), 0) FROM project_payment WHERE funded_partnership_id = ? AND kind <> 'repayment'")
                .param(projectId).query(Long.class).single();
    }

    @ApplicationModuleListener
    void on(ReportApproved event) {
        Head head = head(event.projectId()).orElse(null);
        if (head == null) {
            return;
        }
        boolean known = jdbc.sql("SELECT count(*) FROM project_report WHERE id = ? AND funded_partnership_id = ?")
                .params(event.reportId(), event.projectId()).query(Integer.class).single() > 0;
        if (!known || event.eligibleSek() < 0) {
            return;
        }
        FollowUpTerms.Terms t = terms.of(head.programme());
        if (t.paysInTranches()) {
            String condition = event.finalReport() ? "final-report-approved" : "report-approved";
            t.tranches().stream()
                    .filter(tr -> tr.condition().equals(condition))
                    .filter(tr -> jdbc.sql("SELECT count(*) FROM project_payment WHERE funded_partnership_id = ? AND tranche_position = ?")
                            .params(event.projectId(), tr.position()).query(Integer.class).single() == 0)
                    .findFirst()
                    .ifPresent(tr -> due(event.projectId(), "tranche", trancheAmount(head.granted(), t.tranches(), tr),
                            event.reportId(), tr.position(), event.approvedBy()));
        } else {
            long remaining = head.granted() - paidOrDue(event.projectId());
            long amount = Math.min(event.eligibleSek(), remaining);
            if (amount > 0) {
                due(event.projectId(), "reimbursement", amount, event.reportId(), null, event.approvedBy());
            }
        }
        if (event.finalReport()) {
            complete(event);
        }
    }

    /** The project is completed; whatever was paid or is due above the eligible costs reported in all is to be repaid. */
    private void complete(ReportApproved event) {
        int changed = jdbc.sql("UPDATE funded_partnership SET status = 'completed' WHERE id = ? AND status <> 'completed'")
                .param(event.projectId()).update();
        if (changed > 0) {
            pages.invalidate(se.partnerskap.grant.FundedPartnerships.PAGES_REGION); // the public pages show whether it is completed
        }
        long eligible = event.eligibleSek() + jdbc.sql("""
                SELECT coalesce(sum(eligible_sek), 0) FROM project_report
                WHERE funded_partnership_id = ? AND status = 'approved' AND id <> ?
                """).params(event.projectId(), event.reportId()).query(Long.class).single();
        long over = paidOrDue(event.projectId()) - eligible;
        boolean recorded = jdbc.sql("SELECT count(*) FROM project_payment WHERE funded_partnership_id = ? AND kind = 'repayment'")
                .param(event.projectId()).query(Integer.class).single() > 0;
        if (over > 0 && !recorded) {
            due(event.projectId(), "repayment", over, event.reportId(), null, event.approvedBy());
        }
        if (changed > 0) {
            audit.record(ACTOR, "project-completed", "funded-partnership", event.projectId().toString(),
                    Map.of("report", event.reportId().toString(), "eligibleSek", eligible));
        }
    }

    /** A tranche's share of the grant in whole kronor; the last tranche takes what rounding left over. */
    static long trancheAmount(long granted, List<FollowUpTerms.Tranche> all, FollowUpTerms.Tranche tranche) {
        int shares = all.stream().mapToInt(FollowUpTerms.Tranche::sharePercent).sum();
        int last = all.stream().mapToInt(FollowUpTerms.Tranche::position).max().orElse(tranche.position());
        if (shares == 100 && tranche.position() == last) {
            return granted - all.stream().filter(t -> t.position() != last)
                    .mapToLong(t -> granted * t.sharePercent() / 100).sum();
        }
        return granted * tranche.sharePercent() / 100;
    }

    /** Countersigning makes a tranche programme's agreement tranches due. */
    @Transactional
    void agreementSigned(UUID projectId, String officer) {
        Head head = head(projectId).orElseThrow();
        FollowUpTerms.Terms t = terms.of(head.programme());
        if (!t.paysInTranches()) {
            return;
        }
        for (FollowUpTerms.Tranche tr : t.tranches()) {
            if (tr.condition().equals("agreement-signed")) {
                due(projectId, "tranche", trancheAmount(head.granted(), t.tranches(), tr), null, tr.position(), officer);
            }
        }
    }

    private void due(UUID projectId, String kind, long amount, UUID reportId, Integer tranche, String actor) {
        if (amount <= 0) {
            return;
        }
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("""
                INSERT INTO project_payment (id, funded_partnership_id, kind, amount_sek, report_id, tranche_position, status, due_since)
                VALUES (?, ?, ?, ?, ?, ?, 'due', ?) ON CONFLICT DO NOTHING
                """).params(id, projectId, kind, amount, reportId, tranche, Timestamp.from(clock.instant())).update();
        if (rows > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("payment", id.toString());
            details.put("kind", kind);
            details.put("amountSek", amount);
            details.put("report", reportId == null ? null : reportId.toString());
            details.put("tranche", tranche);
            details.put("approvedBy", actor);
            audit.record(ACTOR, "project-payment-due", "funded-partnership", projectId.toString(), details);
        }
    }

    /**
     * Releases a due payment (or records a repayment as received) with the date it was paid and its
     * reference. The date is required and not in the future; a released payment stays as it was.
     */
    @Transactional
    public void release(FollowUp.Project project, UUID paymentId, String date, String reference, String officer) {
        FollowUp.Payment payment = project.payments().stream().filter(p -> p.id().equals(paymentId)).findFirst()
                .orElseThrow(se.partnerskap.web.NotFoundException::new);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = null;
        String d = date == null ? "" : date.strip();
        if (d.isEmpty()) {
            errors.put("releasedOn", "followup.payment.error.dateMissing");
        } else {
            try {
                on = LocalDate.parse(d);
                if (on.isAfter(LocalDate.now(clock.withZone(StockholmTime.ZONE)))) {
                    errors.put("releasedOn", "followup.payment.error.dateFuture");
                }
            } catch (DateTimeParseException e) {
                errors.put("releasedOn", "followup.payment.error.dateInvalid");
            }
        }
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            errors.put("reference", "followup.payment.error.reference");
        } else if (ref.length() > REFERENCE_MAX) {
            errors.put("reference", "followup.error.tooLong");
        }
        if (!payment.due()) {
            throw Refused.of("form", "followup.payment.error.released");
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        java.time.Instant now = clock.instant();
        int rows = jdbc.sql("""
                UPDATE project_payment SET status = 'released', released_on = ?, reference = ?, released_by = ?, released_at = ?
                WHERE id = ? AND funded_partnership_id = ? AND status = 'due'
                """).params(on, ref, officer, Timestamp.from(now), paymentId, project.id()).update();
        if (rows == 0) {
            throw Refused.of("form", "followup.payment.error.released");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("payment", paymentId.toString());
        details.put("kind", payment.kind());
        details.put("amountSek", payment.amountSek());
        details.put("releasedOn", on.toString());
        details.put("reference", ref);
        audit.record(officer, payment.repayment() ? "project-repayment-received" : "project-payment-released",
                "funded-partnership", project.id().toString(), details);
        if (!payment.repayment()) {
            events.publishEvent(new PaymentReleased(paymentId, project.key(), officer, now));
        }
    }
}

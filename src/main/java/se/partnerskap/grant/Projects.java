package se.partnerskap.grant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.programme.FollowUpTerms;

/**
 * Makes a recorded funded partnership a project that is followed up: its approved budget (the cost lines
 * applied for with the amounts the decision approved, or scaled to the grant), its contacts, the reports it
 * owes and its agreement.
 */
@Service
public class Projects {

    /** An annual report is due this many months after the end of its project year. */
    public static final int ANNUAL_REPORT_MONTHS = 2;

    private final JdbcClient jdbc;
    private final FollowUpTerms terms;
    private final Audit audit;
    private final Clock clock;

    Projects(JdbcClient jdbc, FollowUpTerms terms, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Establishes the project of a funded partnership once: if it has its reports already, nothing changes
     * (a re-delivered event).
     */
    @Transactional
    public void establish(UUID partnershipId, NewProject project, String actor) {
        record Partnership(String programme, long amount, LocalDate startsOn, LocalDate endsOn) {
        }
        Partnership p = jdbc.sql("SELECT programme_key, amount_sek, starts_on, ends_on FROM funded_partnership WHERE id = ?")
                .param(partnershipId)
                .query((rs, i) -> new Partnership(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))).single();
        boolean established = jdbc.sql("SELECT count(*) FROM project_report WHERE funded_partnership_id = ?")
                .param(partnershipId).query(Integer.class).single() > 0;
        if (established || p.startsOn() == null || p.endsOn() == null) {
            return;
        }
        jdbc.sql("UPDATE funded_partnership SET application_id = ?, title = ? WHERE id = ?")
                .params(project.applicationId(), project.title(), partnershipId).update();
        List<NewProject.CostLine> lines = project.costLines().isEmpty()
                ? List.of(new NewProject.CostLine("other", "", "swedish", 0)) : project.costLines();
        long[] approved = approved(lines, p.amount());
        for (int i = 0; i < lines.size(); i++) {
            NewProject.CostLine l = lines.get(i);
            jdbc.sql("""
                    INSERT INTO project_budget_line (funded_partnership_id, position, category, description, party,
                        applied_sek, approved_sek) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(partnershipId, i + 1, l.category(), l.description(), l.party(), l.appliedSek(),
                    approved[i]).update();
        }
        int position = 1;
        for (NewProject.Contact c : project.contacts()) {
            jdbc.sql("""
                    INSERT INTO project_contact (funded_partnership_id, position, name, role, email, phone, signatory)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(partnershipId, position++, c.name(), c.role(), c.email(), c.phone(), c.signatory())
                    .update();
        }
        int finalReportDays = terms.of(p.programme()).finalReportDays();
        List<ReportPeriod> reports = schedule(p.startsOn(), p.endsOn(), finalReportDays);
        for (ReportPeriod r : reports) {
            jdbc.sql("""
                    INSERT INTO project_report (id, funded_partnership_id, kind, position, period_from, period_to, due_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), partnershipId, r.kind(), r.position(), r.from(), r.to(), r.dueOn())
                    .update();
        }
        jdbc.sql("INSERT INTO project_agreement (funded_partnership_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(partnershipId, Timestamp.from(clock.instant())).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("application", project.applicationId() == null ? null : project.applicationId().toString());
        details.put("budgetLines", lines.size());
        details.put("approvedSek", p.amount());
        details.put("reports", reports.size());
        details.put("startsOn", p.startsOn().toString());
        details.put("endsOn", p.endsOn().toString());
        audit.record(actor, "project-established", "funded-partnership", partnershipId.toString(), details);
    }

    /** A report the project owes: {@code annual} or {@code final}, its period and when it is due. */
    public record ReportPeriod(String kind, int position, LocalDate from, LocalDate to, LocalDate dueOn) {
    }

    /**
     * One report per project year: an annual report due {@value #ANNUAL_REPORT_MONTHS} months after the year
     * ends, except the last year, which the final report covers, due {@code finalReportDays} after the end.
     */
    public static List<ReportPeriod> schedule(LocalDate startsOn, LocalDate endsOn, int finalReportDays) {
        List<ReportPeriod> reports = new ArrayList<>();
        LocalDate from = startsOn;
        int position = 1;
        while (from.plusYears(1).isBefore(endsOn)) {
            LocalDate to = from.plusYears(1).minusDays(1);
            reports.add(new ReportPeriod("annual", position++, from, to, to.plusMonths(ANNUAL_REPORT_MONTHS)));
            from = to.plusDays(1);
        }
        reports.add(new ReportPeriod("final", position, from, endsOn, endsOn.plusDays(finalReportDays)));
        return reports;
    }

    /**
     * The amounts the decision approved per line when it gave one for every line and they add up to the
     * grant; otherwise (a grant recorded without them) the grant scaled over what the lines applied for.
     */
    static long[] approved(List<NewProject.CostLine> lines, long grant) {
        boolean given = lines.stream().allMatch(l -> l.approvedSek() != null)
                && lines.stream().mapToLong(NewProject.CostLine::approvedSek).sum() == grant;
        return given ? lines.stream().mapToLong(NewProject.CostLine::approvedSek).toArray()
                : scale(lines.stream().mapToLong(NewProject.CostLine::appliedSek).toArray(), grant);
    }

    /**
     * The grant shared over the lines in proportion to what each applied for, in whole kronor, so that the
     * lines add up to the grant exactly (largest remainders get the odd kronor; with nothing applied for,
     * the first line takes it all).
     */
    public static long[] scale(long[] applied, long grant) {
        long total = 0;
        for (long a : applied) {
            total = Math.addExact(total, a);
        }
        long[] result = new long[applied.length];
        if (applied.length == 0) {
            return result;
        }
        if (total == 0) {
            result[0] = grant;
            return result;
        }
        java.math.BigInteger g = java.math.BigInteger.valueOf(grant);
        java.math.BigInteger t = java.math.BigInteger.valueOf(total);
        long given = 0;
        long[] remainders = new long[applied.length];
        for (int i = 0; i < applied.length; i++) {
            java.math.BigInteger[] qr = g.multiply(java.math.BigInteger.valueOf(applied[i])).divideAndRemainder(t);
            result[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += result[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; given < grant; k = (k + 1) % order.size()) {
            result[order.get(k)]++;
            given++;
        }
        return result;
    }
}

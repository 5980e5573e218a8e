package se.partnerskap.grant.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.AuditLog;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.identity.Memberships;
import se.partnerskap.identity.People;
import se.partnerskap.programme.FollowUpTerms;
import se.partnerskap.web.NotFoundException;

/**
 * Reads the projects that are followed up (funded partnerships with an agreement): budget, contacts,
 * reports, payments, agreement, change requests and history, and what each needs next.
 */
@Service
@Transactional(readOnly = true)
public class FollowUp {

    public record BudgetLine(int position, String category, String description, String party, long appliedSek,
            long approvedSek) {
    }

    public record Contact(int position, String name, String role, String email, String phone, boolean signatory) {
    }

    public record Report(UUID id, String kind, int position, LocalDate from, LocalDate to, LocalDate dueOn,
            String status, Long eligibleSek) {

        public boolean open() {
            return !"approved".equals(status) && !"submitted".equals(status);
        }

        public boolean overdue(LocalDate today) {
            return open() && dueOn.isBefore(today);
        }

        public boolean isFinal() {
            return "final".equals(kind);
        }
    }

    public record Payment(UUID id, String kind, long amountSek, UUID reportId, Integer tranchePosition, String status,
            Instant dueSince, LocalDate releasedOn, String reference, String releasedBy) {

        public boolean due() {
            return "due".equals(status);
        }

        public boolean repayment() {
            return "repayment".equals(kind);
        }
    }

    /**
     * The agreement's signatures: the grantee's signatory as typed (name, role, place) and the user who
     * accepted; the officer who countersigned (by the name the user shows) with the name, role and place
     * typed. Place and the countersigner's name and role are empty for an agreement signed before they
     * were asked for.
     */
    public record Agreement(Instant createdAt, String acceptedName, String acceptedRole, String acceptedBy,
            Instant acceptedAt, String countersignedBy, Instant countersignedAt, String acceptedPlace,
            String countersignedName, String countersignedRole, String countersignedPlace) {

        public boolean accepted() {
            return acceptedAt != null;
        }

        public boolean countersigned() {
            return countersignedAt != null;
        }
    }

    public record Change(UUID id, String kind, LocalDate newEndsOn, Integer fromPosition, Integer toPosition,
            Long amountSek, String reason, String status, String requestedBy, Instant requestedAt, String decidedBy,
            Instant decidedAt, String decisionComment) {

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    /** Granted; released; due (not yet released); what is left to pay; what is to be repaid. */
    public record Money(long granted, long paid, long due, long remaining, long toRepay) {
    }

    public record Project(FundedPartnership partnership, String title, UUID applicationId, List<BudgetLine> budget,
            List<Contact> contacts, List<Report> reports, List<Payment> payments, Agreement agreement,
            List<Change> changes, FollowUpTerms.Terms terms) {

        public UUID id() {
            return partnership.id();
        }

        public String key() {
            return partnership.key();
        }

        public String name() {
            return title != null && !title.isBlank() ? title : partnership.swedishOrganisationName();
        }

        public Money money() {
            long paid = payments.stream().filter(p -> !p.repayment() && !p.due()).mapToLong(Payment::amountSek).sum();
            long due = payments.stream().filter(p -> !p.repayment() && p.due()).mapToLong(Payment::amountSek).sum();
            long toRepay = payments.stream().filter(Payment::repayment).mapToLong(Payment::amountSek).sum();
            long granted = partnership.amountSek();
            return new Money(granted, paid, due, Math.max(0, granted - paid - due), toRepay);
        }

        /** The first report not yet approved or handed in, by due date. */
        public Optional<Report> nextReport() {
            return reports.stream().filter(Report::open).min(Comparator.comparing(Report::dueOn));
        }

        public Optional<BudgetLine> line(int position) {
            return budget.stream().filter(l -> l.position() == position).findFirst();
        }

        public boolean finalReportApproved() {
            return reports.stream().anyMatch(r -> r.isFinal() && "approved".equals(r.status()));
        }

        /** What needs attention, as keys of {@code followup.flag.*}. */
        public List<String> flags(LocalDate today) {
            List<String> flags = new ArrayList<>();
            if (!agreement.accepted()) {
                flags.add("agreement-not-accepted");
            } else if (!agreement.countersigned()) {
                flags.add("agreement-not-countersigned");
            }
            if (reports.stream().anyMatch(r -> r.overdue(today))) {
                flags.add("report-overdue");
            }
            if (reports.stream().anyMatch(r -> "returned".equals(r.status()))) {
                flags.add("report-returned");
            }
            if (reports.stream().anyMatch(r -> "submitted".equals(r.status()))) {
                flags.add("report-awaiting-review");
            }
            if (payments.stream().anyMatch(p -> p.due() && !p.repayment())) {
                flags.add("payment-due");
            }
            if (payments.stream().anyMatch(p -> p.due() && p.repayment())) {
                flags.add("repayment-due");
            }
            if (changes.stream().anyMatch(Change::pending)) {
                flags.add("change-pending");
            }
            return flags;
        }
    }

    public static final List<String> FLAGS = List.of("agreement-not-accepted", "agreement-not-countersigned",
            "report-overdue", "report-returned", "report-awaiting-review", "payment-due", "repayment-due",
            "change-pending");

    private final JdbcClient jdbc;
    private final FundedPartnerships partnerships;
    private final Memberships memberships;
    private final FollowUpTerms terms;
    private final AuditLog auditLog;

    private final People people;

    FollowUp(JdbcClient jdbc, FundedPartnerships partnerships, Memberships memberships, FollowUpTerms terms,
            AuditLog auditLog, People people) {
        this.jdbc = jdbc;
        this.people = people;
        this.partnerships = partnerships;
        this.memberships = memberships;
        this.terms = terms;
        this.auditLog = auditLog;
    }

    public LocalDate today() {
        return partnerships.today();
    }

    /** A followed-up project by its key, for a case officer. */
    public Optional<Project> byKey(String key) {
        return partnerships.byKey(key).flatMap(f -> assemble(List.of(f)).stream().findFirst());
    }

    /** A project of one of the user's organisations, or 404 whatever the reason it is not there. */
    public Project ofMember(String key, UUID userId) {
        Project p = byKey(key).orElseThrow(NotFoundException::new);
        if (!memberships.organisationsOf(userId).contains(p.partnership().swedishOrganisationId())) {
            throw new NotFoundException();
        }
        return p;
    }

    /** The followed-up projects of the user's organisations. */
    public List<Project> ofMember(UUID userId) {
        List<FundedPartnership> partnershipsOfUser = new ArrayList<>();
        for (UUID org : memberships.organisationsOf(userId)) {
            partnershipsOfUser.addAll(partnerships.ofOrganisation(org));
        }
        return assemble(partnershipsOfUser);
    }

    /** Every followed-up project, the newest first. */
    public List<Project> all() {
        List<String> keys = jdbc.sql("""
                SELECT f.key FROM funded_partnership f JOIN project_agreement a ON a.funded_partnership_id = f.id
                ORDER BY f.starts_on DESC NULLS LAST, f.key
                """).query(String.class).list();
        return inOrder(keys);
    }

    /** The followed-up projects of {@code keys}, in that order (those without an agreement left out). */
    List<Project> inOrder(List<String> keys) {
        Map<String, Integer> order = new HashMap<>();
        keys.forEach(k -> order.put(k, order.size()));
        List<FundedPartnership> found = new ArrayList<>(partnerships.byKeys(keys));
        found.sort(Comparator.comparing(f -> order.get(f.key())));
        return assemble(found);
    }

    /** The audited events of a project, oldest first. */
    public List<AuditLog.Entry> history(UUID projectId) {
        List<AuditLog.Entry> entries = new ArrayList<>(auditLog.entries(
                new AuditLog.Filter(null, null, projectId.toString(), null)));
        entries.sort(Comparator.comparing(AuditLog.Entry::occurredAt).thenComparingLong(AuditLog.Entry::id));
        return entries;
    }

    /**
     * The followed-up projects (those with an agreement) among {@code fs}, in their order: each table is read
     * once for all of them, not once per project.
     */
    private List<Project> assemble(List<FundedPartnership> fs) {
        if (fs.isEmpty()) {
            return List.of();
        }
        String[] ids = fs.stream().map(f -> f.id().toString()).toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        Map<UUID, Agreement> agreements = new HashMap<>();
        jdbc.sql("""
                SELECT funded_partnership_id, created_at, accepted_name, accepted_role, accepted_by, accepted_at,
                       countersigned_by, countersigned_at, coalesce(accepted_place, ''), coalesce(countersigned_name, ''),
                       coalesce(countersigned_role, ''), coalesce(countersigned_place, '')
                FROM project_agreement WHERE funded_partnership_id = ANY(?::uuid[])
                """).param(ids).query((rs, i) -> agreements.put(rs.getObject(1, UUID.class),
                        new Agreement(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                                instant(rs.getTimestamp(6)),
                                rs.getString(7) == null ? null : names.computeIfAbsent(rs.getString(7), people::name),
                                instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12)))).list();
        record Head(String title, UUID applicationId) {
        }
        Map<UUID, Head> heads = new HashMap<>();
        jdbc.sql("SELECT id, title, application_id FROM funded_partnership WHERE id = ANY(?::uuid[])").param(ids)
                .query((rs, i) -> heads.put(rs.getObject(1, UUID.class),
                        new Head(rs.getString(2), rs.getObject(3, UUID.class)))).list();
        Map<UUID, List<BudgetLine>> budgets = byProject("""
                SELECT funded_partnership_id, position, category, description, party, applied_sek, approved_sek
                FROM project_budget_line WHERE funded_partnership_id = ANY(?::uuid[]) ORDER BY position
                """, ids, rs -> new BudgetLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getLong(7)));
        Map<UUID, List<Contact>> contacts = byProject("""
                SELECT funded_partnership_id, position, name, role, email, phone, signatory FROM project_contact
                WHERE funded_partnership_id = ANY(?::uuid[]) ORDER BY position
                """, ids, rs -> new Contact(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7)));
        Map<UUID, List<Report>> reports = byProject("""
                SELECT funded_partnership_id, id, kind, position, period_from, period_to, due_on, status, eligible_sek
                FROM project_report WHERE funded_partnership_id = ANY(?::uuid[]) ORDER BY position
                """, ids, rs -> new Report(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getString(8), (Long) rs.getObject(9)));
        Map<UUID, List<Payment>> payments = byProject("""
                SELECT funded_partnership_id, id, kind, amount_sek, report_id, tranche_position, status, due_since,
                       released_on, reference, released_by
                FROM project_payment WHERE funded_partnership_id = ANY(?::uuid[]) ORDER BY due_since, id
                """, ids, rs -> new Payment(rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, UUID.class), (Integer) rs.getObject(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getString(11)));
        Map<UUID, List<Change>> changes = byProject("""
                SELECT funded_partnership_id, id, kind, new_ends_on, from_position, to_position, amount_sek, reason,
                       status, requested_by, requested_at, decided_by, decided_at, decision_comment
                FROM project_change_request WHERE funded_partnership_id = ANY(?::uuid[]) ORDER BY requested_at, id
                """, ids, rs -> new Change(rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5), (Integer) rs.getObject(6),
                        (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant(), rs.getString(12), instant(rs.getTimestamp(13)),
                        rs.getString(14)));
        Map<String, FollowUpTerms.Terms> termsOf = new HashMap<>();
        List<Project> projects = new ArrayList<>();
        for (FundedPartnership f : fs) {
            Agreement agreement = agreements.get(f.id());
            if (agreement == null) {
                continue;
            }
            Head head = heads.get(f.id());
            projects.add(new Project(f, head.title(), head.applicationId(), budgets.getOrDefault(f.id(), List.of()),
                    contacts.getOrDefault(f.id(), List.of()), reports.getOrDefault(f.id(), List.of()),
                    payments.getOrDefault(f.id(), List.of()), agreement, changes.getOrDefault(f.id(), List.of()),
                    termsOf.computeIfAbsent(f.programme(), terms::of)));
        }
        return projects;
    }

    /** Rows of one query for many projects, grouped by the project in the first column, in the query's order. */
    private <T> Map<UUID, List<T>> byProject(String sql, String[] ids, RowReader<T> reader) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        jdbc.sql(sql).param(ids).query((rs, i) -> grouped.computeIfAbsent(rs.getObject(1, UUID.class),
                k -> new ArrayList<>()).add(reader.read(rs))).list();
        return grouped;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

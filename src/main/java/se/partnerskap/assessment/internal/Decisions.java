package se.partnerskap.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.application.SubmittedPlan;
import se.partnerskap.audit.Audit;
import se.partnerskap.programme.RoundStatus;
import se.partnerskap.programme.Rounds;

/**
 * Decisions: a grant of at most the amount asked for, with optional conditions, or a rejection; either
 * with its reasons in both languages (for a grant the summary of the assessment) and the name and role of
 * who made it, as the decision letter states them. Grants are held against the round's budget: a grant that takes the round
 * over it is refused unless the officer overrides with a reason, which goes into the audit log.
 */
@Service
@Transactional(readOnly = true)
class Decisions {

    static final long MAX_SEK = 10_000_000_000L;

    enum Outcome {
        GRANTED, REJECTED;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param decidedBy the officer who recorded it (a login); {@code makerName} and {@code makerRole} who
     *                  made it, empty for a decision recorded before they were asked for
     */
    record Decision(Outcome outcome, Long amountSek, String conditions, String reasonSv, String reasonEn,
            String overrideReason, String decidedBy, Instant decidedAt, String makerName, String makerRole) {

        String reason(se.partnerskap.shared.Language lang) {
            return lang.pick(reasonSv, reasonEn);
        }
    }

    /** Granted against budget; {@code budget} null when the round has none. */
    record BudgetMeter(Long budget, long granted) {
        boolean over() {
            return budget != null && granted > budget;
        }

        int percent() {
            return budget == null || budget == 0 ? 0 : (int) Math.min(100, granted * 100 / budget);
        }
    }

    /**
     * What the officer typed; {@code lines} the approved amount per budget line by its position (1, 2, ...),
     * all blank to share the grant in proportion ({@link ApprovedBudget#proportional}).
     */
    record Input(String outcome, String amount, String conditions, String reasonSv, String reasonEn,
            String overrideReason, Map<Integer, String> lines, String makerName, String makerRole) {
    }

    /** A line of the budget applied for with the amount the decision approves for it. */
    record ApprovedLine(int position, SubmittedPlan.CostLine line, long approvedSek) {
    }

    sealed interface Result {
    }

    record Decided(boolean overBudget) implements Result {
    }

    record Invalid(Map<String, String> errors) implements Result {
    }

    /** The grant would take the round to {@code grantedAfter}, over its budget, and no override reason was given. */
    record OverBudget(long budget, long grantedAfter) implements Result {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final Rounds rounds;
    private final SubmittedApplications applications;

    Decisions(JdbcClient jdbc, Clock clock, Audit audit, Rounds rounds, SubmittedApplications applications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.rounds = rounds;
        this.applications = applications;
    }

    /** The cost lines of the budget applied for, in order (their positions are 1, 2, ...). */
    List<SubmittedPlan.CostLine> costLines(UUID applicationId) {
        return applications.plan(applicationId).map(SubmittedPlan::costLines).orElse(List.of());
    }

    /**
     * The approved budget of a grant per line applied for: as the officer set it, or (a decision recorded
     * before lines were stored, or lines that no longer match the budget) the grant shared in proportion.
     */
    List<ApprovedLine> approvedLines(UUID applicationId, long grant) {
        List<SubmittedPlan.CostLine> lines = costLines(applicationId);
        record Stored(int position, long applied, long approved) {
        }
        List<Stored> stored = jdbc.sql("""
                SELECT position, applied_sek, approved_sek FROM decision_budget_line WHERE application_id = ?
                ORDER BY position
                """).param(applicationId).query((rs, i) -> new Stored(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
        boolean usable = stored.size() == lines.size()
                && stored.stream().allMatch(l -> l.position() <= lines.size()
                        && lines.get(l.position() - 1).amountSek() == l.applied())
                && stored.stream().mapToLong(Stored::approved).sum() == grant;
        long[] approved = usable ? stored.stream().mapToLong(Stored::approved).toArray()
                : ApprovedBudget.proportional(lines.stream().mapToLong(SubmittedPlan.CostLine::amountSek).toArray(), grant);
        List<ApprovedLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            result.add(new ApprovedLine(i + 1, lines.get(i), approved[i]));
        }
        return result;
    }

    /** The approved amounts the officer stored, by position; empty when none were (a rejection, an old decision). */
    Map<Integer, Long> storedLines(UUID applicationId) {
        Map<Integer, Long> stored = new LinkedHashMap<>();
        jdbc.sql("SELECT position, approved_sek FROM decision_budget_line WHERE application_id = ? ORDER BY position")
                .param(applicationId).query((rs, i) -> stored.put(rs.getInt(1), rs.getLong(2))).list();
        return stored;
    }

    Optional<Decision> of(UUID applicationId) {
        return jdbc.sql("""
                SELECT outcome, amount_sek, conditions, reason_sv, reason_en, override_reason, decided_by, decided_at,
                       decision_maker_name, decision_maker_role
                FROM decision WHERE application_id = ?
                """).param(applicationId).query((rs, i) -> new Decision(Outcome.valueOf(rs.getString(1).toUpperCase()),
                (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10))).optional();
    }

    Map<UUID, Decision> ofRound(UUID roundId) {
        Map<UUID, Decision> found = new LinkedHashMap<>();
        jdbc.sql("SELECT application_id FROM decision WHERE round_id = ?").param(roundId).query(UUID.class).list()
                .forEach(id -> of(id).ifPresent(d -> found.put(id, d)));
        return found;
    }

    BudgetMeter meter(UUID roundId) {
        Long budget = rounds.details(roundId).map(r -> r.budgetSek()).orElse(null);
        return new BudgetMeter(budget, granted(roundId, null));
    }

    private long granted(UUID roundId, UUID except) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_sek), 0) FROM decision
                WHERE round_id = ? AND outcome = 'granted' AND application_id IS DISTINCT FROM ?
                """).params(roundId, except).query(Long.class).single();
    }

    @Transactional
    Result decide(SubmittedApplication a, Input input, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String outcome = input.outcome() == null ? "" : input.outcome();
        Long amount = null;
        long[] approved = null;
        String conditions = input.conditions() == null ? "" : input.conditions().strip();
        String reasonSv = input.reasonSv() == null ? "" : input.reasonSv().strip();
        String reasonEn = input.reasonEn() == null ? "" : input.reasonEn().strip();
        String override = input.overrideReason() == null ? "" : input.overrideReason().strip();
        String makerName = input.makerName() == null ? "" : input.makerName().strip();
        String makerRole = input.makerRole() == null ? "" : input.makerRole().strip();
        switch (outcome) {
            case "granted" -> {
                amount = kronor(input.amount(), errors);
                if (amount != null && amount > a.requestedSek()) {
                    errors.put("amount", "assessment.decision.error.amount.overRequested");
                }
                approved = ApprovedBudget.approved(costLines(a.id()), input.lines(), amount, errors);
                if (conditions.length() > 4000) {
                    errors.put("conditions", "assessment.error.tooLong");
                }
            }
            case "rejected" -> {
            }
            default -> errors.put("outcome", "assessment.decision.error.outcome");
        }
        if (!errors.containsKey("outcome")) {
            // the letter gives the reasons for a grant too, and says who decided
            String kind = outcome.equals("granted") ? "granted" : "rejected";
            if (reasonSv.isEmpty()) {
                errors.put("reasonSv", "assessment.decision.error.reasonSv." + kind);
            }
            if (reasonEn.isEmpty()) {
                errors.put("reasonEn", "assessment.decision.error.reasonEn." + kind);
            }
            if (reasonSv.length() > 4000 || reasonEn.length() > 4000) {
                errors.put(reasonSv.length() > 4000 ? "reasonSv" : "reasonEn", "assessment.error.tooLong");
            }
            if (makerName.isEmpty()) {
                errors.put("makerName", "assessment.decision.error.makerName");
            } else if (makerName.length() > 200) {
                errors.put("makerName", "assessment.error.tooLong");
            }
            if (makerRole.isEmpty()) {
                errors.put("makerRole", "assessment.decision.error.makerRole");
            } else if (makerRole.length() > 200) {
                errors.put("makerRole", "assessment.error.tooLong");
            }
        }
        if (override.length() > 2000) {
            errors.put("overrideReason", "assessment.error.tooLong");
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        // one decision at a time per round, so that two officers cannot both spend the last of the budget
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("decision:" + a.roundId()).query((rs, i) -> 1).list();
        if (rounds.details(a.roundId()).map(r -> r.status() == RoundStatus.DECISIONS_PUBLISHED).orElse(false)) {
            // the applicants have their letters and the grants are in the directory: a published decision stays
            return new Invalid(Map.of("outcome", "publishing.decision.error.published"));
        }
        boolean overBudget = false;
        Long budget = rounds.details(a.roundId()).map(r -> r.budgetSek()).orElse(null);
        if (amount != null && budget != null) {
            long after = granted(a.roundId(), a.id()) + amount;
            if (after > budget) {
                if (override.isEmpty()) {
                    return new OverBudget(budget, after);
                }
                overBudget = true;
            }
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO decision (application_id, round_id, outcome, amount_sek, conditions, reason_sv, reason_en,
                                      override_reason, decided_by, decided_at, decision_maker_name, decision_maker_role)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (application_id) DO UPDATE SET outcome = excluded.outcome, amount_sek = excluded.amount_sek,
                    conditions = excluded.conditions, reason_sv = excluded.reason_sv, reason_en = excluded.reason_en,
                    override_reason = excluded.override_reason, decided_by = excluded.decided_by,
                    decided_at = excluded.decided_at, decision_maker_name = excluded.decision_maker_name,
                    decision_maker_role = excluded.decision_maker_role
                """).params(a.id(), a.roundId(), outcome, amount, amount == null ? "" : conditions,
                reasonSv, reasonEn, overBudget ? override : null, actor, Timestamp.from(now), makerName, makerRole)
                .update();
        jdbc.sql("DELETE FROM decision_budget_line WHERE application_id = ?").param(a.id()).update();
        List<SubmittedPlan.CostLine> lines = costLines(a.id());
        for (int i = 0; approved != null && i < approved.length; i++) {
            jdbc.sql("""
                    INSERT INTO decision_budget_line (application_id, position, applied_sek, approved_sek)
                    VALUES (?, ?, ?, ?)
                    """).params(a.id(), i + 1, lines.get(i).amountSek(), approved[i]).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", a.roundId().toString());
        details.put("reference", a.reference());
        details.put("outcome", outcome);
        details.put("decisionMaker", makerName + ", " + makerRole);
        if (amount != null) {
            details.put("amount", amount);
        }
        if (approved != null && approved.length > 0) {
            details.put("approvedLines", java.util.Arrays.stream(approved).boxed().toList());
        }
        audit.record(actor, "assessment.decided", "application", a.id().toString(), details);
        if (overBudget) {
            audit.record(actor, "assessment.budget-override", "application", a.id().toString(), Map.of(
                    "round", a.roundId().toString(), "reference", a.reference(), "amount", amount, "budget", budget,
                    "grantedAfter", granted(a.roundId(), null), "reason", override));
        }
        return new Decided(overBudget);
    }

    static Long kronor(String typed, Map<String, String> errors) {
        String s = typed == null ? "" : typed.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (s.isEmpty()) {
            errors.put("amount", "assessment.decision.error.amount.missing");
            return null;
        }
        if (!s.matches("\\d{1,15}")) {
            errors.put("amount", "assessment.decision.error.amount.notWholeKronor");
            return null;
        }
        long value = Long.parseLong(s);
        if (value <= 0 || value > MAX_SEK) {
            errors.put("amount", "assessment.decision.error.amount.notWholeKronor");
            return null;
        }
        return value;
    }
}

package se.partnerskap.grant.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.shared.Language;

/**
 * The officers' list of followed-up projects, filtered and paged in SQL: the filters (round, flag) and the
 * counts are conditions and counts of one query, and only the projects of the page asked for are read
 * whole (by {@link FollowUp#inOrder}), so the cost of a page does not grow with the number of projects.
 * The flags' conditions here are those of {@link FollowUp.Project#flags}.
 */
@Service
@Transactional(readOnly = true)
class FollowUpList {

    /** Projects on one page of the list. */
    static final int PAGE_SIZE = 50;
    /** Projects read at a time for the export. */
    static final int BATCH = 1000;

    /** A page: its projects, how many match the filters, and how many are followed up in all. */
    record Page(List<FollowUp.Project> projects, int matching, int total) {
    }

    /** A round among the followed-up projects: its id (null for projects without one) and its name. */
    record Round(UUID id, String name) {
    }

    private static final Map<String, String> FLAG_CONDITIONS = Map.of(
            "agreement-not-accepted", "a.accepted_at IS NULL",
            "agreement-not-countersigned", "a.accepted_at IS NOT NULL AND a.countersigned_at IS NULL",
            "report-overdue", "EXISTS (SELECT 1 FROM project_report r WHERE r.funded_partnership_id = f.id"
                    + " AND r.status NOT IN ('approved', 'submitted') AND r.due_on < :today)",
            "report-returned", "EXISTS (SELECT 1 FROM project_report r WHERE r.funded_partnership_id = f.id"
                    + " AND r.status = 'returned')",
            "report-awaiting-review", "EXISTS (SELECT 1 FROM project_report r WHERE r.funded_partnership_id = f.id"
                    + " AND r.status = 'submitted')",
            "payment-due", "EXISTS (SELECT 1 FROM project_payment p WHERE p.funded_partnership_id = f.id"
                    + " AND p.status = 'due' AND p.kind <> 'repayment')",
            "repayment-due", "EXISTS (SELECT 1 FROM project_payment p WHERE p.funded_partnership_id = f.id"
                    + " AND p.status = 'due' AND p.kind = 'repayment')",
            "change-pending", "EXISTS (SELECT 1 FROM project_change_request c WHERE c.funded_partnership_id = f.id"
                    + " AND c.status = 'pending')");

    private static final String FROM = """
             FROM funded_partnership f JOIN project_agreement a ON a.funded_partnership_id = f.id
            """;

    private final JdbcClient jdbc;
    private final FollowUp followUp;

    FollowUpList(JdbcClient jdbc, FollowUp followUp) {
        this.jdbc = jdbc;
        this.followUp = followUp;
    }

    /**
     * Page {@code page} (from 1) of the projects matching {@code round} (a round's id, "none" for projects
     * without a round, blank for all) and {@code flag} (blank for all), the newest first.
     */
    Page page(String round, String flag, int page) {
        String where = where(round, flag);
        LocalDate today = followUp.today();
        List<String> keys = params(jdbc.sql("SELECT f.key" + FROM + where
                + " ORDER BY f.starts_on DESC NULLS LAST, f.key LIMIT :limit OFFSET :offset"), round, today)
                .param("limit", PAGE_SIZE).param("offset", (long) (Math.max(1, page) - 1) * PAGE_SIZE)
                .query(String.class).list();
        int matching = params(jdbc.sql("SELECT count(*)" + FROM + where), round, today).query(Integer.class).single();
        int total = jdbc.sql("SELECT count(*)" + FROM).query(Integer.class).single();
        return new Page(followUp.inOrder(keys), matching, total);
    }

    /** Every project matching the filters, the newest first, {@link #BATCH} at a time (for the export). */
    void forEachBatch(String round, String flag, Consumer<List<FollowUp.Project>> batch) {
        String where = where(round, flag);
        LocalDate today = followUp.today();
        String after = null;
        LocalDate afterStart = null;
        boolean afterNull = false;
        while (true) {
            // keyset: after the last row of the previous batch in (starts_on DESC NULLS LAST, key)
            String keyset = after == null ? "" : afterNull
                    ? " AND f.starts_on IS NULL AND f.key > :afterKey"
                    : " AND (f.starts_on < :afterStart OR f.starts_on IS NULL"
                            + " OR (f.starts_on = :afterStart AND f.key > :afterKey))";
            var spec = params(jdbc.sql("SELECT f.key, f.starts_on" + FROM + where + keyset
                    + " ORDER BY f.starts_on DESC NULLS LAST, f.key LIMIT :limit"), round, today).param("limit", BATCH);
            if (after != null) {
                spec = spec.param("afterKey", after);
                if (!afterNull) {
                    spec = spec.param("afterStart", afterStart);
                }
            }
            record Key(String key, LocalDate startsOn) {
            }
            List<Key> keys = spec.query((rs, i) -> new Key(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
            if (keys.isEmpty()) {
                return;
            }
            batch.accept(followUp.inOrder(keys.stream().map(Key::key).toList()));
            Key last = keys.getLast();
            after = last.key();
            afterStart = last.startsOn();
            afterNull = afterStart == null;
            if (keys.size() < BATCH) {
                return;
            }
        }
    }

    /** The rounds of the followed-up projects, the one with the newest project first; null for "no round". */
    List<Round> rounds(Language language) {
        return jdbc.sql("""
                SELECT f.round_id, min(r.name_sv), min(r.name_en)
                """ + FROM + """
                 LEFT JOIN round r ON r.id = f.round_id
                GROUP BY f.round_id ORDER BY max(f.starts_on) DESC NULLS LAST, min(f.key)
                """).query((rs, i) -> new Round(rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? "" : language.pick(rs.getString(2), rs.getString(3)))).list();
    }

    private static String where(String round, String flag) {
        List<String> conditions = new ArrayList<>();
        if (round != null && !round.isBlank()) {
            conditions.add("none".equals(round) ? "f.round_id IS NULL" : uuid(round) ? "f.round_id = :round" : "false");
        }
        if (flag != null && !flag.isBlank()) {
            conditions.add(FLAG_CONDITIONS.getOrDefault(flag, "false"));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, String round, LocalDate today) {
        JdbcClient.StatementSpec s = spec;
        if (round != null && uuid(round)) {
            s = s.param("round", UUID.fromString(round));
        }
        return s.param("today", today);
    }

    private static boolean uuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

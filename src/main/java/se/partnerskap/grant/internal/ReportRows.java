package se.partnerskap.grant.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.partnerskap.web.PdfUpload;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports as stored (JdbcClient: a report is read with its project's title, core areas and approved budget,
 * which live in other tables): a report, its lines, reminders and attachments, and the officer's lists. The rules
 * of what may change are in {@link Reports} and {@link Report}.
 */
@Repository
class ReportRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String SELECT = """
            SELECT r.id, r.funded_partnership_id, f.key, coalesce(f.title, f.theme_sv, f.key) AS title, f.programme_key,
                   f.swedish_organisation_id, r.kind, r.position, r.period_from, r.period_to, r.due_on, r.status,
                   r.answers::text AS answers, r.version, r.saved_by, r.saved_at, r.submitted_by, r.submitted_at,
                   r.reviewed_by, r.reviewed_at, r.review_comment, r.eligible_sek
            FROM project_report r JOIN funded_partnership f ON f.id = r.funded_partnership_id
            """;

    Optional<Report> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(this::row).optional().map(this::complete);
    }

    private Report row(ResultSet rs, int i) throws SQLException {
        Timestamp savedAt = rs.getTimestamp("saved_at");
        Timestamp submittedAt = rs.getTimestamp("submitted_at");
        Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
        long eligible = rs.getLong("eligible_sek");
        Long eligibleSek = rs.wasNull() ? null : eligible;
        return new Report(rs.getObject("id", UUID.class), rs.getObject("funded_partnership_id", UUID.class),
                rs.getString("key"), rs.getString("title"), rs.getString("programme_key"),
                rs.getObject("swedish_organisation_id", UUID.class), Report.Kind.of(rs.getString("kind")),
                rs.getInt("position"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                Report.Status.of(rs.getString("status")), answers(rs.getString("answers")), rs.getInt("version"),
                rs.getString("saved_by"), savedAt == null ? null : savedAt.toInstant(), rs.getString("submitted_by"),
                submittedAt == null ? null : submittedAt.toInstant(), rs.getString("reviewed_by"),
                reviewedAt == null ? null : reviewedAt.toInstant(), rs.getString("review_comment"), eligibleSek,
                List.of(), List.of(), List.of());
    }

    private Report complete(Report r) {
        List<String> areas = jdbc.sql("""
                SELECT core_area_key FROM funded_partnership_core_area WHERE funded_partnership_id = ? ORDER BY core_area_key
                """).param(r.projectId()).query(String.class).list();
        List<Report.BudgetLine> budget = jdbc.sql("""
                SELECT position, category, description, party, approved_sek FROM project_budget_line
                WHERE funded_partnership_id = ? ORDER BY position
                """).param(r.projectId()).query((rs, i) -> new Report.BudgetLine(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5))).list();
        return new Report(r.id(), r.projectId(), r.projectKey(), r.projectTitle(), r.programme(), r.organisationId(),
                r.kind(), r.position(), r.periodFrom(), r.periodTo(), r.dueOn(), r.status(), r.answers(), r.version(),
                r.savedBy(), r.savedAt(), r.submittedBy(), r.submittedAt(), r.reviewedBy(), r.reviewedAt(),
                r.reviewComment(), r.eligibleSek(), areas, budget, attachments(r.id()));
    }

    List<Report.ReportAttachment> attachments(UUID reportId) {
        return jdbc.sql("""
                SELECT id, file_name, size_bytes, added_by, added_at FROM project_report_attachment
                WHERE report_id = ? ORDER BY added_at, file_name
                """).param(reportId).query((rs, i) -> new Report.ReportAttachment(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    Map<String, String> answers(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    /** The actual costs stored for a report, by budget line position. */
    Map<Integer, Reports.ReportLine> lines(UUID reportId) {
        Map<Integer, Reports.ReportLine> lines = new LinkedHashMap<>();
        jdbc.sql("SELECT position, actual_sek, explanation FROM project_report_line WHERE report_id = ? ORDER BY position")
                .param(reportId).query((rs, i) -> new Reports.ReportLine(rs.getInt(1), rs.getLong(2), rs.getString(3)))
                .list().forEach(l -> lines.put(l.position(), l));
        return lines;
    }

    long reportedTotal(UUID reportId) {
        return jdbc.sql("SELECT coalesce(sum(actual_sek), 0) FROM project_report_line WHERE report_id = ?")
                .param(reportId).query(Long.class).single();
    }

    List<Reports.SentReminder> reminders(UUID reportId) {
        return jdbc.sql("SELECT kind, sent_at, recipients FROM project_report_reminder WHERE report_id = ? ORDER BY sent_at")
                .param(reportId).query((rs, i) -> new Reports.SentReminder(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        List.of((String[]) rs.getArray(3).getArray()))).list();
    }

    Optional<Reports.AttachmentFile> attachment(UUID reportId, UUID id) {
        return jdbc.sql("SELECT file_name, content FROM project_report_attachment WHERE id = ? AND report_id = ?")
                .params(id, reportId).query((rs, i) -> new Reports.AttachmentFile(rs.getString(1), rs.getBytes(2))).optional();
    }

    private static final String LISTED = """
            SELECT r.id, f.key, coalesce(f.title, f.theme_sv, f.key), f.swedish_organisation_id, r.kind, r.position,
                   r.period_to, r.due_on, r.status, r.submitted_at, r.reviewed_at
            FROM project_report r JOIN funded_partnership f ON f.id = r.funded_partnership_id
            """;

    List<Reports.Listed> awaitingReview(LocalDate today) {
        return listed(LISTED + " WHERE r.status = 'submitted' ORDER BY r.submitted_at, f.key",
                today);
    }

    /** Due date passed and not submitted (a returned report is listed as returned). */
    List<Reports.Listed> overdue(LocalDate today) {
        return listed(LISTED + " WHERE r.status IN ('not-started', 'draft') AND r.due_on < :today ORDER BY r.due_on, f.key",
                today);
    }

    List<Reports.Listed> returned(LocalDate today) {
        return listed(LISTED + " WHERE r.status = 'returned' ORDER BY r.reviewed_at, f.key",
                today);
    }

    /** The rows of a list; {@code day} counts the days overdue (unused by a query that does not name it). */
    private List<Reports.Listed> listed(String sql, LocalDate day) {
        return jdbc.sql(sql).param("today", day).query((rs, i) -> {
            LocalDate due = rs.getObject(8, LocalDate.class);
            Timestamp submitted = rs.getTimestamp(10);
            Timestamp reviewed = rs.getTimestamp(11);
            return new Reports.Listed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                    Report.Kind.of(rs.getString(5)), rs.getInt(6), rs.getObject(7, LocalDate.class), due,
                    Report.Status.of(rs.getString(9)), submitted == null ? null : submitted.toInstant(),
                    reviewed == null ? null : reviewed.toInstant(), Math.max(0, ChronoUnit.DAYS.between(due, day)));
        }).list();
    }

    // ---- writes

    /** A line of the financial statement: the amount spent on a budget line and why it differs. */
    record Line(int position, long actualSek, String explanation) {
    }

    /** The report's status, its row locked until the transaction ends; empty when there is no such report. */
    Optional<Report.Status> lock(UUID id) {
        return jdbc.sql("SELECT status FROM project_report WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().map(Report.Status::of);
    }

    /**
     * Stores the answers as the next version if the stored one is still {@code version}: as a draft, or submitted
     * by {@code actor}. False when someone saved in between (nothing stored).
     */
    boolean saveAnswers(UUID id, int version, Map<String, String> answers, String actor, Instant at, boolean submit) {
        String answersJson = json.writeValueAsString(answers);
        if (!submit) {
            return jdbc.sql("""
                    UPDATE project_report SET answers = ?::jsonb, version = version + 1, saved_by = ?, saved_at = ?,
                           status = 'draft'
                    WHERE id = ? AND version = ?
                    """).params(answersJson, actor, Timestamp.from(at), id, version).update() == 1;
        }
        return jdbc.sql("""
                UPDATE project_report SET answers = ?::jsonb, version = version + 1, saved_by = ?, saved_at = ?,
                       status = 'submitted', submitted_by = ?, submitted_at = ?
                WHERE id = ? AND version = ?
                """).params(answersJson, actor, Timestamp.from(at), actor, Timestamp.from(at), id, version).update() == 1;
    }

    /** Keeps {@code actor}'s refused save (one open conflict per person and report, the latest). */
    void keepConflict(UUID reportId, Map<String, String> answers, int basedOn, int saved, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO project_report_conflict (id, report_id, answers, based_on_version, saved_version, refused_by, refused_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (report_id, refused_by) WHERE resolved_at IS NULL
                DO UPDATE SET answers = excluded.answers, based_on_version = excluded.based_on_version,
                              saved_version = excluded.saved_version, refused_at = excluded.refused_at
                """).params(UUID.randomUUID(), reportId, json.writeValueAsString(answers), basedOn, saved, actor,
                Timestamp.from(at)).update();
    }

    /** Closes {@code actor}'s open conflict; how many were open (0 or 1). */
    int resolveConflict(UUID reportId, String actor, Instant at) {
        return jdbc.sql("""
                UPDATE project_report_conflict SET resolved_at = ?
                WHERE report_id = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(Timestamp.from(at), reportId, actor).update();
    }

    /** {@code actor}'s open refused save, as typed. */
    Optional<Map<String, String>> openConflict(UUID reportId, String actor) {
        return jdbc.sql("""
                SELECT answers::text FROM project_report_conflict
                WHERE report_id = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(reportId, actor).query(String.class).optional().map(this::answers);
    }

    /** Replaces the financial statement's lines. */
    void replaceLines(UUID reportId, List<Line> lines) {
        jdbc.sql("DELETE FROM project_report_line WHERE report_id = ?").param(reportId).update();
        for (Line line : lines) {
            jdbc.sql("INSERT INTO project_report_line (report_id, position, actual_sek, explanation) VALUES (?, ?, ?, ?)")
                    .params(reportId, line.position(), line.actualSek(), line.explanation()).update();
        }
    }

    void addAttachment(UUID id, UUID reportId, PdfUpload upload, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO project_report_attachment (id, report_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
                VALUES (?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)
                """).params(id, reportId, upload.fileName(), (long) upload.content().length, upload.sha256(), upload.content(),
                actor, Timestamp.from(at)).update();
    }

    void removeAttachment(UUID reportId, UUID id) {
        jdbc.sql("DELETE FROM project_report_attachment WHERE id = ? AND report_id = ?").params(id, reportId).update();
    }

    /** Stores an officer's review: the new status, who and when, the eligible amount and the comment. */
    void review(UUID id, Report.Review review) {
        jdbc.sql("""
                UPDATE project_report SET status = ?, reviewed_by = ?, reviewed_at = ?, eligible_sek = ?, review_comment = ?
                WHERE id = ?
                """).params(review.status().key(), review.officer(), Timestamp.from(review.at()),
                review.eligibleSek(), review.comment(), id).update();
    }
}

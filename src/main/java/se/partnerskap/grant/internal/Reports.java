package se.partnerskap.grant.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.grant.ReportApproved;
import se.partnerskap.identity.Memberships;
import se.partnerskap.programme.FollowUpTerms;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.PdfUpload;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports of funded projects: load one for a member of the project's organisation (for anyone
 * else it does not exist), save the draft (versioned; a save based on an older version is refused and
 * kept), attachments, submission, and the case officer's review. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    static final int MAX_COMMENT = 5000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final Memberships memberships;
    private final FollowUpTerms terms;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final ReportRows rows;

    Reports(JdbcClient jdbc, Clock clock, Audit audit, Memberships memberships, FollowUpTerms terms, JsonMapper json,
            ApplicationEventPublisher events, ReportRows rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.memberships = memberships;
        this.terms = terms;
        this.json = json;
        this.events = events;
    }

    /** A request the report's state does not allow; {@code reason} is a message key. */
    static class ReportRefused extends RuntimeException {
        private final String reason;

        ReportRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** The outcome of a save. */
    sealed interface SaveResult {
        record Saved(int version, Instant at) implements SaveResult {
        }

        record Invalid(Map<String, ReportProblem> problems) implements SaveResult {
        }

        /** Someone saved in between: {@code current} is the stored report, {@code refused} what was typed (kept). */
        record Conflict(Report current, Map<String, String> refused) implements SaveResult {
        }

        /** Submission only: what stops it (nothing was stored). */
        record Refused(Map<String, ReportProblem> problems) implements SaveResult {
        }
    }

    /** The actual cost reported for a budget line. */
    public record ReportLine(int position, long actualSek, String explanation) {
    }

    /** A reminder sent: its kind, when and to whom. */
    public record SentReminder(String kind, Instant sentAt, List<String> recipients) {
    }

    /** A line of the officer's lists. */
    public record Listed(UUID reportId, String projectKey, String projectTitle, UUID organisationId, Report.Kind kind,
            int position, LocalDate periodTo, LocalDate dueOn, Report.Status status, Instant submittedAt,
            Instant reviewedAt, long daysOverdue) {
    }

    /** Today in the programme's calendar, by the injected clock. */
    LocalDate today() {
        return clock.instant().atZone(StockholmTime.ZONE).toLocalDate();
    }

    FollowUpTerms.Terms terms(Report report) {
        return terms.of(report.programme());
    }

    // ---- reading (ReportRows)

    Optional<Report> find(UUID id) {
        return rows.find(id);
    }

    /** The report for a member of its project's organisation, when {@code projectKey} is its project's key. */
    Optional<Report> forMember(String projectKey, UUID id, UUID userId) {
        List<UUID> organisations = memberships.organisationsOf(userId);
        return find(id).filter(r -> r.projectKey().equals(projectKey))
                .filter(r -> organisations.contains(r.organisationId()));
    }

    /** The actual costs stored for a report, by budget line position. */
    Map<Integer, ReportLine> lines(UUID reportId) {
        return rows.lines(reportId);
    }

    long reportedTotal(UUID reportId) {
        return rows.reportedTotal(reportId);
    }

    List<SentReminder> reminders(UUID reportId) {
        return rows.reminders(reportId);
    }

    // ---- the grantee's draft

    /**
     * Saves the report as typed, based on {@code version}. Invalid values refuse the save (nothing
     * stored); a save based on an older version is refused and what was typed is kept as a conflict.
     */
    @Transactional
    SaveResult save(Report report, String actor, Map<String, String> typed, int version) {
        lockEditable(report.id());
        Map<String, String> answers = ReportRules.only(report, typed);
        ReportRules.Check check = ReportRules.check(report, answers, terms(report).reportVariancePercent());
        if (!check.invalid().isEmpty()) {
            return new SaveResult.Invalid(check.invalid());
        }
        Instant now = clock.instant();
        int rows = jdbc.sql("""
                UPDATE project_report SET answers = ?::jsonb, version = version + 1, saved_by = ?, saved_at = ?,
                       status = 'draft'
                WHERE id = ? AND version = ?
                """).params(json.writeValueAsString(answers), actor, Timestamp.from(now), report.id(), version).update();
        if (rows == 0) {
            return conflict(report, actor, answers, version, now);
        }
        storeLines(report, answers);
        resolveConflict(report.id(), actor, now);
        audit.record(actor, "report.saved", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "version", version + 1, "previousStatus", report.status().key()));
        return new SaveResult.Saved(version + 1, now);
    }

    /**
     * Submits the report as typed: only when nothing is invalid or missing and the period is over; then
     * it is stored and locked. When something stops it, nothing is stored.
     */
    @Transactional
    SaveResult submit(Report report, String actor, Map<String, String> typed, int version, Language language) {
        lockEditable(report.id());
        Map<String, String> answers = ReportRules.only(report, typed);
        ReportRules.Check check = ReportRules.check(report, answers, terms(report).reportVariancePercent());
        Map<String, ReportProblem> problems = new LinkedHashMap<>();
        LocalDate today = today();
        if (!report.periodOverOn(today)) {
            problems.put("period", ReportProblem.of("report.error.periodNotOver",
                    StockholmTime.date(report.periodTo(), language)));
        }
        problems.putAll(check.all());
        if (!problems.isEmpty()) {
            return check.invalid().isEmpty() ? new SaveResult.Refused(problems) : new SaveResult.Invalid(problems);
        }
        Instant now = clock.instant();
        int rows = jdbc.sql("""
                UPDATE project_report SET answers = ?::jsonb, version = version + 1, saved_by = ?, saved_at = ?,
                       status = 'submitted', submitted_by = ?, submitted_at = ?
                WHERE id = ? AND version = ?
                """).params(json.writeValueAsString(answers), actor, Timestamp.from(now), actor, Timestamp.from(now),
                report.id(), version).update();
        if (rows == 0) {
            return conflict(report, actor, answers, version, now);
        }
        storeLines(report, answers);
        resolveConflict(report.id(), actor, now);
        long total = reportedTotal(report.id());
        audit.record(actor, "report.submitted", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "kind", report.kind().key(), "version", version + 1,
                "reportedSek", total));
        events.publishEvent(new ReportSubmitted(report.id(), actor, now, language.code()));
        return new SaveResult.Saved(version + 1, now);
    }

    private void lockEditable(UUID id) {
        String status = jdbc.sql("SELECT status FROM project_report WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).single();
        if (!Report.Status.of(status).editable()) {
            throw new ReportRefused("report.error.notEditable");
        }
    }

    private SaveResult conflict(Report report, String actor, Map<String, String> answers, int version, Instant now) {
        Report current = find(report.id()).orElseThrow();
        jdbc.sql("""
                INSERT INTO project_report_conflict (id, report_id, answers, based_on_version, saved_version, refused_by, refused_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (report_id, refused_by) WHERE resolved_at IS NULL
                DO UPDATE SET answers = excluded.answers, based_on_version = excluded.based_on_version,
                              saved_version = excluded.saved_version, refused_at = excluded.refused_at
                """).params(UUID.randomUUID(), report.id(), json.writeValueAsString(answers), version, current.version(),
                actor, Timestamp.from(now)).update();
        audit.record(actor, "report.save-conflict", "project-report", report.id().toString(), Map.of(
                "basedOn", version, "saved", current.version()));
        return new SaveResult.Conflict(current, answers);
    }

    private void resolveConflict(UUID reportId, String actor, Instant now) {
        jdbc.sql("""
                UPDATE project_report_conflict SET resolved_at = ?
                WHERE report_id = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(Timestamp.from(now), reportId, actor).update();
    }

    /** The financial statement as rows: one per budget line with an amount. */
    private void storeLines(Report report, Map<String, String> answers) {
        jdbc.sql("DELETE FROM project_report_line WHERE report_id = ?").param(report.id()).update();
        for (Report.BudgetLine line : report.budget()) {
            OptionalLong actual = ReportRules.amount(answers.get("actual." + line.position()));
            if (actual.isPresent()) {
                jdbc.sql("INSERT INTO project_report_line (report_id, position, actual_sek, explanation) VALUES (?, ?, ?, ?)")
                        .params(report.id(), line.position(), actual.getAsLong(),
                                answers.getOrDefault("explanation." + line.position(), "").strip())
                        .update();
            }
        }
    }

    /** The refused save of {@code actor}, if one is open. */
    Optional<Map<String, String>> openConflict(UUID reportId, String actor) {
        return jdbc.sql("""
                SELECT answers::text FROM project_report_conflict
                WHERE report_id = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(reportId, actor).query(String.class).optional().map(rows::answers);
    }

    /** Drops the refused save of {@code actor}: the saved version stays. */
    @Transactional
    void discardConflict(UUID reportId, String actor) {
        int rows = jdbc.sql("""
                UPDATE project_report_conflict SET resolved_at = ?
                WHERE report_id = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(Timestamp.from(clock.instant()), reportId, actor).update();
        if (rows > 0) {
            audit.record(actor, "report.conflict-discarded", "project-report", reportId.toString(), Map.of());
        }
    }

    // ---- attachments

    /** Adds a PDF, checked by its content (not its name) and size. */
    @Transactional
    Report.ReportAttachment attach(Report report, String actor, String fileName, byte[] content) {
        lockEditable(report.id());
        PdfUpload upload;
        try {
            upload = PdfUpload.of(fileName, content);
            PdfUpload.roomFor(rows.attachments(report.id()).size());
        } catch (PdfUpload.Refused refused) {
            throw new ReportRefused(refused.messageKey("report.attachments.error"));
        }
        String name = upload.fileName();
        String sha = upload.sha256();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO project_report_attachment (id, report_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
                VALUES (?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)
                """).params(id, report.id(), name, (long) content.length, sha, content, actor, Timestamp.from(now)).update();
        audit.record(actor, "report.attachment-added", "project-report", report.id().toString(), Map.of(
                "attachment", id.toString(), "name", name, "size", content.length, "sha256", sha));
        return new Report.ReportAttachment(id, name, content.length, actor, now);
    }

    /** A file of a report: its name and bytes. */
    public record AttachmentFile(String fileName, byte[] content) {
    }

    Optional<AttachmentFile> attachment(UUID reportId, UUID id) {
        return rows.attachment(reportId, id);
    }

    /** Removes an attachment; false when the report has no such attachment. */
    @Transactional
    boolean removeAttachment(Report report, String actor, UUID id) {
        lockEditable(report.id());
        Optional<Report.ReportAttachment> info = rows.attachments(report.id()).stream().filter(a -> a.id().equals(id)).findFirst();
        if (info.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM project_report_attachment WHERE id = ? AND report_id = ?").params(id, report.id()).update();
        audit.record(actor, "report.attachment-removed", "project-report", report.id().toString(), Map.of(
                "attachment", id.toString(), "name", info.get().fileName()));
        return true;
    }


    // ---- the case officer's review

    private void lockForReview(UUID id) {
        String status = jdbc.sql("SELECT status FROM project_report WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).optional().orElseThrow(() -> new ReportRefused("report.review.error.notSubmitted"));
        String refusal = Report.Status.of(status).reviewRefusal();
        if (refusal != null) {
            throw new ReportRefused(refusal);
        }
    }

    /**
     * Approves a submitted report with the eligible amount (whole kronor, at most what was reported)
     * and publishes {@link ReportApproved}, from which the payment due is created.
     */
    @Transactional
    void approve(Report report, String actor, long eligibleSek) {
        lockForReview(report.id());
        long reported = reportedTotal(report.id());
        String refusal = Report.eligibleRefusal(eligibleSek, reported);
        if (refusal != null) {
            throw new ReportRefused(refusal);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE project_report SET status = 'approved', reviewed_by = ?, reviewed_at = ?, eligible_sek = ?,
                       review_comment = NULL
                WHERE id = ?
                """).params(actor, Timestamp.from(now), eligibleSek, report.id()).update();
        audit.record(actor, "report.approved", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "kind", report.kind().key(), "reportedSek", reported,
                "eligibleSek", eligibleSek));
        events.publishEvent(new ReportApproved(report.projectId(), report.id(), report.kind() == Report.Kind.FINAL,
                eligibleSek, now, actor));
    }

    /** Returns a submitted report to the grantee with the officer's comments (required). */
    @Transactional
    void returnToGrantee(Report report, String actor, String comment) {
        lockForReview(report.id());
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE project_report SET status = 'returned', reviewed_by = ?, reviewed_at = ?, review_comment = ?
                WHERE id = ?
                """).params(actor, Timestamp.from(now), comment, report.id()).update();
        audit.record(actor, "report.returned", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "kind", report.kind().key()));
        events.publishEvent(new ReportReturned(report.id(), actor, now));
    }

    // ---- the officer's lists

    List<Listed> awaitingReview() {
        return rows.awaitingReview(today());
    }

    /** Due date passed and not submitted (a returned report is listed as returned). */
    List<Listed> overdue(LocalDate today) {
        return rows.overdue(today);
    }

    List<Listed> returned() {
        return rows.returned(today());
    }
}

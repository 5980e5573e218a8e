package se.partnerskap.grant.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.grant.ReportApproved;
import se.partnerskap.identity.Memberships;
import se.partnerskap.programme.FollowUpTerms;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;

/**
 * The reports of funded projects: load one for a member of the project's organisation (for anyone
 * else it does not exist), save the draft (versioned; a save based on an older version is refused and
 * kept), attachments, submission, and the case officer's review. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    static final int MAX_COMMENT = 5000;

    private final Clock clock;
    private final Audit audit;
    private final Memberships memberships;
    private final FollowUpTerms terms;
    private final ApplicationEventPublisher events;
    private final ReportRows rows;

    Reports(Clock clock, Audit audit, Memberships memberships, FollowUpTerms terms, ApplicationEventPublisher events,
            ReportRows rows) {
        this.rows = rows;
        this.clock = clock;
        this.audit = audit;
        this.memberships = memberships;
        this.terms = terms;
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

    /**
     * The report for a member of its project's organisation, when {@code projectKey} is its project's key; for
     * anyone else, and for a report that does not exist, not found (404), whatever the address.
     */
    Report forMember(String projectKey, UUID id, UUID userId) {
        List<UUID> organisations = memberships.organisationsOf(userId);
        return find(id).filter(r -> r.projectKey().equals(projectKey))
                .filter(r -> organisations.contains(r.organisationId())).orElseThrow(NotFoundException::new);
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
        if (!rows.saveAnswers(report.id(), version, answers, actor, now, false)) {
            return conflict(report, actor, answers, version, now);
        }
        storeLines(report, answers);
        rows.resolveConflict(report.id(), actor, now);
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
        if (!rows.saveAnswers(report.id(), version, answers, actor, now, true)) {
            return conflict(report, actor, answers, version, now);
        }
        storeLines(report, answers);
        rows.resolveConflict(report.id(), actor, now);
        long total = reportedTotal(report.id());
        audit.record(actor, "report.submitted", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "kind", report.kind().key(), "version", version + 1,
                "reportedSek", total));
        events.publishEvent(new ReportSubmitted(report.id(), actor, now, language.code()));
        return new SaveResult.Saved(version + 1, now);
    }

    private void lockEditable(UUID id) {
        if (!rows.lock(id).map(Report.Status::editable).orElse(false)) { // gone since it was read: not editable either
            throw new ReportRefused("report.error.notEditable");
        }
    }

    private SaveResult conflict(Report report, String actor, Map<String, String> answers, int version, Instant now) {
        Report current = find(report.id()).orElseThrow();
        rows.keepConflict(report.id(), answers, version, current.version(), actor, now);
        audit.record(actor, "report.save-conflict", "project-report", report.id().toString(), Map.of(
                "basedOn", version, "saved", current.version()));
        return new SaveResult.Conflict(current, answers);
    }

    /** The financial statement as rows: one per budget line with an amount. */
    private void storeLines(Report report, Map<String, String> answers) {
        List<ReportRows.Line> lines = new ArrayList<>();
        for (Report.BudgetLine line : report.budget()) {
            OptionalLong actual = ReportRules.amount(answers.get("actual." + line.position()));
            if (actual.isPresent()) {
                lines.add(new ReportRows.Line(line.position(), actual.getAsLong(),
                        answers.getOrDefault("explanation." + line.position(), "").strip()));
            }
        }
        rows.replaceLines(report.id(), lines);
    }

    /** The refused save of {@code actor}, if one is open. */
    Optional<Map<String, String>> openConflict(UUID reportId, String actor) {
        return rows.openConflict(reportId, actor);
    }

    /** Drops the refused save of {@code actor}: the saved version stays. */
    @Transactional
    void discardConflict(UUID reportId, String actor) {
        if (rows.resolveConflict(reportId, actor, clock.instant()) > 0) {
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
        rows.addAttachment(id, report.id(), upload, actor, now);
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
        rows.removeAttachment(report.id(), id);
        audit.record(actor, "report.attachment-removed", "project-report", report.id().toString(), Map.of(
                "attachment", id.toString(), "name", info.get().fileName()));
        return true;
    }


    // ---- the case officer's review

    /** The report as it is now, locked for its review; refused when there is no such report. */
    private Report lockForReview(UUID id) {
        rows.lock(id).orElseThrow(() -> new ReportRefused("report.review.error.notSubmitted"));
        return rows.find(id).orElseThrow(() -> new ReportRefused("report.review.error.notSubmitted"));
    }

    /**
     * Approves a submitted report with the eligible amount (whole kronor, at most what was reported)
     * and publishes {@link ReportApproved}, from which the payment due is created.
     */
    @Transactional
    void approve(Report report, String actor, long eligibleSek) {
        Report current = lockForReview(report.id());
        long reported = reportedTotal(report.id());
        Report.Review review = current.approve(actor, eligibleSek, reported, clock.instant());
        rows.review(report.id(), review);
        audit.record(actor, "report.approved", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "kind", report.kind().key(), "reportedSek", reported,
                "eligibleSek", eligibleSek));
        events.publishEvent(new ReportApproved(report.projectId(), report.id(), report.kind() == Report.Kind.FINAL,
                eligibleSek, review.at(), actor));
    }

    /** Returns a submitted report to the grantee with the officer's comments (required). */
    @Transactional
    void returnToGrantee(Report report, String actor, String comment) {
        Report.Review review = lockForReview(report.id()).returnToGrantee(actor, comment, clock.instant());
        rows.review(report.id(), review);
        audit.record(actor, "report.returned", "project-report", report.id().toString(), Map.of(
                "project", report.projectKey(), "kind", report.kind().key()));
        events.publishEvent(new ReportReturned(report.id(), actor, review.at()));
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

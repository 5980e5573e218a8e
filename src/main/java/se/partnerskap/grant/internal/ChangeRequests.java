package se.partnerskap.grant.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.web.NotFoundException;

/**
 * A grantee asks to change its project (a longer period, or an amount moved between budget lines) with a
 * reason; a case officer approves (the change is applied) or refuses, with a comment. Audited both ways;
 * the decision is mailed to the grantee ({@link ChangeRequestDecided}).
 */
@Service
class ChangeRequests {

    static final int TEXT_MAX = 3000;
    private static final java.util.regex.Pattern WHOLE_SEK = java.util.regex.Pattern.compile("-?\\d{1,3}([ \u00a0\u202f]?\\d{3})*|-?\\d{1,12}");

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final se.partnerskap.web.RenderedPages pages;

    ChangeRequests(JdbcClient jdbc, Audit audit, Clock clock, ApplicationEventPublisher events, se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the grantee typed in the change request form. */
    record Form(String kind, String newEndsOn, String fromLine, String toLine, String amount, String reason) {

        static final Form EMPTY = new Form("", "", "", "", "", "");
    }

    @Transactional
    UUID request(FollowUp.Project project, Form form, String user) {
        Map<String, String> errors = new LinkedHashMap<>();
        String kind = form.kind() == null ? "" : form.kind();
        LocalDate newEnd = null;
        Integer from = null;
        Integer to = null;
        Long amount = null;
        if (project.finalReportApproved()) {
            throw Refused.of("form", "followup.change.error.completed");
        }
        switch (kind) {
            case "extension" -> {
                String d = blankToEmpty(form.newEndsOn());
                if (d.isEmpty()) {
                    errors.put("newEndsOn", "followup.change.error.dateMissing");
                } else {
                    try {
                        newEnd = LocalDate.parse(d);
                        if (!newEnd.isAfter(project.partnership().endsOn())) {
                            errors.put("newEndsOn", "followup.change.error.dateNotLater");
                        }
                    } catch (DateTimeParseException e) {
                        errors.put("newEndsOn", "followup.change.error.dateInvalid");
                    }
                }
            }
            case "budget-move" -> {
                from = position(form.fromLine(), project);
                to = position(form.toLine(), project);
                if (from == null) {
                    errors.put("fromLine", "followup.change.error.line");
                }
                if (to == null) {
                    errors.put("toLine", "followup.change.error.line");
                } else if (to.equals(from)) {
                    errors.put("toLine", "followup.change.error.sameLine");
                }
                String a = blankToEmpty(form.amount());
                if (a.isEmpty()) {
                    errors.put("amount", "followup.change.error.amountMissing");
                } else if (!WHOLE_SEK.matcher(a).matches()) {
                    errors.put("amount", "followup.change.error.amountInvalid");
                } else if (a.replaceAll("[^0-9]", "").length() > 12) {
                    // grouped digits may be any number of them; no budget line holds a trillion kronor
                    errors.put("amount", a.startsWith("-") ? "followup.change.error.amountPositive"
                            : "followup.change.error.amountOverLine");
                } else {
                    amount = Long.parseLong(a.replaceAll("[ \u00a0\u202f]", ""));
                    if (amount <= 0) {
                        errors.put("amount", "followup.change.error.amountPositive");
                    } else if (from != null && amount > project.line(from).orElseThrow().approvedSek()) {
                        errors.put("amount", "followup.change.error.amountOverLine");
                    }
                }
            }
            default -> errors.put("kind", "followup.change.error.kind");
        }
        String reason = blankToEmpty(form.reason());
        if (reason.isEmpty()) {
            errors.put("reason", "followup.change.error.reason");
        } else if (reason.length() > TEXT_MAX) {
            errors.put("reason", "followup.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project_change_request (id, funded_partnership_id, kind, new_ends_on, from_position, to_position,
                    amount_sek, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, project.id(), kind, newEnd, from, to, amount, reason, user,
                Timestamp.from(clock.instant())).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("change", id.toString());
        details.put("kind", kind);
        details.put("newEndsOn", newEnd == null ? null : newEnd.toString());
        details.put("fromLine", from);
        details.put("toLine", to);
        details.put("amountSek", amount);
        details.put("reason", reason);
        audit.record(user, "project-change-requested", "funded-partnership", project.id().toString(), details);
        return id;
    }

    /** Approves (and applies) or refuses a pending request; a decided request stays as it was. */
    @Transactional
    void decide(FollowUp.Project project, UUID changeId, String decision, String comment, String officer) {
        FollowUp.Change change = project.changes().stream().filter(c -> c.id().equals(changeId)).findFirst()
                .orElseThrow(NotFoundException::new);
        if (!change.pending()) {
            throw Refused.of("form", "followup.change.error.decided");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"approve".equals(decision) && !"refuse".equals(decision)) {
            errors.put("decision", "followup.change.error.decision");
        }
        String c = blankToEmpty(comment);
        if ("refuse".equals(decision) && c.isEmpty()) {
            errors.put("comment", "followup.change.error.comment");
        } else if (c.length() > TEXT_MAX) {
            errors.put("comment", "followup.error.tooLong");
        }
        boolean approve = "approve".equals(decision);
        if (approve && "budget-move".equals(change.kind())
                && change.amountSek() > project.line(change.fromPosition()).orElseThrow().approvedSek()) {
            errors.put("form", "followup.change.error.amountOverLine");
        }
        if (approve && "extension".equals(change.kind()) && !change.newEndsOn().isAfter(project.partnership().endsOn())) {
            errors.put("form", "followup.change.error.dateNotLater");
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        java.time.Instant now = clock.instant();
        int rows = jdbc.sql("""
                UPDATE project_change_request SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                WHERE id = ? AND status = 'pending'
                """).params(approve ? "approved" : "refused", officer, Timestamp.from(now), c, changeId).update();
        if (rows == 0) {
            throw Refused.of("form", "followup.change.error.decided");
        }
        if (approve) {
            apply(project, change);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("change", changeId.toString());
        details.put("kind", change.kind());
        details.put("comment", c);
        audit.record(officer, approve ? "project-change-approved" : "project-change-refused", "funded-partnership",
                project.id().toString(), details);
        events.publishEvent(new ChangeRequestDecided(changeId, project.key(), approve, officer, now));
    }

    private void apply(FollowUp.Project project, FollowUp.Change change) {
        if ("extension".equals(change.kind())) {
            jdbc.sql("UPDATE funded_partnership SET ends_on = ? WHERE id = ?").params(change.newEndsOn(), project.id())
                    .update();
            pages.invalidate(se.partnerskap.grant.FundedPartnerships.PAGES_REGION); // the public pages show the period
            int days = project.terms().finalReportDays();
            jdbc.sql("""
                    UPDATE project_report SET period_to = ?, due_on = ? WHERE funded_partnership_id = ? AND kind = 'final'
                    """).params(change.newEndsOn(), change.newEndsOn().plusDays(days), project.id()).update();
        } else {
            // checked again in the update: another move approved meanwhile may have emptied the line
            int taken = jdbc.sql("""
                    UPDATE project_budget_line SET approved_sek = approved_sek - ?
                    WHERE funded_partnership_id = ? AND position = ? AND approved_sek >= ?
                    """).params(change.amountSek(), project.id(), change.fromPosition(), change.amountSek()).update();
            if (taken == 0) {
                // rolls the decision back with it
                throw Refused.of("form", "followup.change.error.amountOverLine");
            }
            jdbc.sql("UPDATE project_budget_line SET approved_sek = approved_sek + ? WHERE funded_partnership_id = ? AND position = ?")
                    .params(change.amountSek(), project.id(), change.toPosition()).update();
        }
    }

    private static Integer position(String typed, FollowUp.Project project) {
        String s = blankToEmpty(typed);
        if (!s.matches("\\d{1,3}")) {
            return null;
        }
        int p = Integer.parseInt(s);
        return project.line(p).isPresent() ? p : null;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}

package se.partnerskap.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.AuditLog;
import se.partnerskap.grant.internal.Agreements;
import se.partnerskap.grant.internal.FollowUp;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the applicant's page of an application shows of the project its grant became: its agreement (as
 * signed, once countersigned) and what happened to it, in the reader's language. The caller decides who
 * may read the application; here the application's id is all there is.
 */
@Service
@Transactional(readOnly = true)
public class ApplicantProjects {

    /** An event of the project, ready to show: when, what, and a detail (an amount, a report) or "". */
    public record Event(Instant at, String what, String detail) {
    }

    /** What an applicant is told of; the rest (reminders, saves, conflicts) is the follow-up's own business. */
    static final Set<String> SHOWN = Set.of("project-established", "project-agreement-accepted",
            "project-agreement-countersigned", "project-payment-due", "project-payment-released",
            "project-repayment-received", "project-completed", "project-change-requested", "project-change-approved",
            "project-change-refused", "report.submitted", "report.returned", "report.approved");

    private final JdbcClient jdbc;
    private final FollowUp followUp;
    private final Agreements agreements;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final JsonMapper json;

    ApplicantProjects(JdbcClient jdbc, FollowUp followUp, Agreements agreements, AuditLog auditLog,
            MessageSource messages, JsonMapper json) {
        this.jdbc = jdbc;
        this.followUp = followUp;
        this.agreements = agreements;
        this.auditLog = auditLog;
        this.messages = messages;
        this.json = json;
    }

    private Optional<FollowUp.Project> project(UUID applicationId) {
        return jdbc.sql("SELECT key FROM funded_partnership WHERE application_id = ? ORDER BY key LIMIT 1")
                .param(applicationId).query(String.class).optional().flatMap(followUp::byKey);
    }

    /** Whether the application's project has an agreement, and whether it is countersigned (frozen). */
    public Optional<Boolean> agreementSigned(UUID applicationId) {
        return project(applicationId).map(p -> p.agreement().countersigned());
    }

    /** The agreement of the application's project as PDF: the frozen copy once countersigned. */
    public Optional<byte[]> agreement(UUID applicationId, Language lang) {
        return project(applicationId).map(p -> agreements.pdf(p, lang));
    }

    /** The project's events that concern the applicant, oldest first; none before there is a project. */
    public List<Event> history(UUID applicationId, Language lang) {
        Optional<FollowUp.Project> found = project(applicationId);
        if (found.isEmpty()) {
            return List.of();
        }
        FollowUp.Project p = found.get();
        List<AuditLog.Entry> entries = new ArrayList<>(followUp.history(p.id()));
        for (FollowUp.Report r : p.reports()) {
            entries.addAll(auditLog.entries(new AuditLog.Filter(null, null, r.id().toString(), null)));
        }
        return entries.stream().filter(e -> SHOWN.contains(e.action()))
                .sorted(java.util.Comparator.comparing(AuditLog.Entry::occurredAt).thenComparingLong(AuditLog.Entry::id))
                .map(e -> new Event(e.occurredAt(), t("followup.history." + e.action(), lang), detail(e, p, lang)))
                .toList();
    }

    private String detail(AuditLog.Entry e, FollowUp.Project p, Language lang) {
        JsonNode node;
        try {
            node = e.details() == null ? null : json.readTree(e.details());
        } catch (RuntimeException unreadable) {
            node = null;
        }
        List<String> parts = new ArrayList<>();
        if (e.action().startsWith("report.")) {
            p.reports().stream().filter(r -> r.id().toString().equals(e.subjectId())).findFirst()
                    .ifPresent(r -> parts.add(t("followup.report.kind." + r.kind(), lang, r.position())));
        }
        if (node != null && node.hasNonNull("amountSek")) {
            parts.add(Sek.of(node.get("amountSek").asLong()).format(lang));
        }
        return String.join(" · ", parts);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}

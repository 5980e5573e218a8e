package se.partnerskap.grant.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.audit.Audit;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * Sends the reminders that are due today (Europe/Stockholm, by the injected clock): {@code due-30}
 * within 30 days of the due date, {@code due-7} within 7 days, {@code overdue} once it has passed —
 * only the one that fits today, so a report found 5 days before its due date gets {@code due-7} and
 * never a {@code due-30} after it. Each mail goes out once per recipient ({@link Mail#sendEachOnce}, key
 * {@code report-reminder:<report>:<kind>}), even when two instances run this at the same moment (the
 * second waits on the first's delivery row and then skips) or a recipient was refused and the next run
 * tries again (only the refused one is mailed). Once every recipient has it, a row in
 * {@code project_report_reminder} records the reminder, and the audit entry is written once.
 */
@Component
class ReportReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReportReminderSender.class);

    static final String DUE_30 = "due-30";
    static final String DUE_7 = "due-7";
    static final String OVERDUE = "overdue";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Reports reports;
    private final ReportMails mails;
    private final ProjectRecipients recipients;
    private final MessageSource messages;
    private final Mail mail;
    private final Audit audit;
    private final TransactionTemplate transaction;

    ReportReminderSender(JdbcClient jdbc, Clock clock, Reports reports, ReportMails mails, ProjectRecipients recipients,
            MessageSource messages, Mail mail, Audit audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reports = reports;
        this.mails = mails;
        this.recipients = recipients;
        this.messages = messages;
        this.mail = mail;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The reminder a report due on {@code due} gets on {@code today}, or null. */
    static String kindFor(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days < 0) {
            return OVERDUE;
        }
        if (days <= 7) {
            return DUE_7;
        }
        return days <= 30 ? DUE_30 : null;
    }

    /** Later kinds: once one of these is sent, an earlier one is not. */
    private static String[] later(String kind) {
        return switch (kind) {
            case DUE_30 -> new String[] {DUE_7, OVERDUE};
            case DUE_7 -> new String[] {OVERDUE};
            default -> new String[0];
        };
    }

    /** Sends what is due today; returns how many reminders were sent. */
    int sendDue() {
        LocalDate today = clock.instant().atZone(StockholmTime.ZONE).toLocalDate();
        List<UUID> candidates = jdbc.sql("""
                SELECT r.id FROM project_report r
                WHERE r.status IN ('not-started', 'draft', 'returned') AND r.due_on <= ?
                ORDER BY r.due_on, r.id
                """).param(today.plusDays(30)).query(UUID.class).list();
        int sent = 0;
        for (UUID id : candidates) {
            try {
                sent += sendOne(id, today) ? 1 : 0;
            } catch (RuntimeException e) {
                // not recorded: the next run sends to whoever did not get it
                log.warn("Could not send the reminder for report {}: {}", id, e.getMessage());
            }
        }
        return sent;
    }

    private boolean sendOne(UUID reportId, LocalDate today) {
        Report report = reports.find(reportId).orElse(null);
        if (report == null || !report.status().editable()) {
            return false;
        }
        String kind = kindFor(report.dueOn(), today);
        if (kind == null) {
            return false;
        }
        List<Recipient> to = recipients.orMembers(report.projectId(), report.organisationId());
        if (to.isEmpty()) {
            log.warn("Report {} of {} has nobody to remind", reportId, report.projectKey());
            return false;
        }
        String[] thisOrLater = java.util.stream.Stream.concat(java.util.stream.Stream.of(kind),
                java.util.Arrays.stream(later(kind))).toArray(String[]::new);
        if (jdbc.sql("SELECT count(*) FROM project_report_reminder WHERE report_id = ? AND kind = ANY(?)")
                .params(reportId, thisOrLater).query(Integer.class).single() > 0) {
            return false;
        }
        long days = Math.abs(ChronoUnit.DAYS.between(today, report.dueOn()));
        mail.sendEachOnce("report-reminder:" + reportId + ":" + kind, to.stream().map(r -> {
            Language l = r.language();
            return new OutgoingMail(r.email(), mails.t("report.mail.reminder." + kind + ".subject", l,
                    report.projectTitle()), r.greeting(messages) + "\n\n" + mails.t("report.mail.reminder." + kind
                            + ".text", l, mails.kind(report, l.locale()), report.projectTitle(),
                            ReportMails.period(report, l), StockholmTime.date(report.dueOn(), l), days,
                            mails.link(report, l)),
                    Map.of("X-Partnerskap-Report", reportId.toString(), "X-Partnerskap-Reminder", kind));
        }).toList());
        String[] addresses = to.stream().map(Recipient::email).toArray(String[]::new);
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            int rows = jdbc.sql("""
                    INSERT INTO project_report_reminder (report_id, kind, sent_at, sent_on, recipients)
                    SELECT ?, ?, ?, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM project_report_reminder WHERE report_id = ? AND kind = ANY(?))
                    ON CONFLICT (report_id, kind) DO NOTHING
                    """).params(reportId, kind, Timestamp.from(clock.instant()), today, addresses,
                    reportId, later(kind)).update();
            if (rows == 0) {
                return false; // another instance recorded it
            }
            audit.record("system", "report.reminder-sent", "project-report", reportId.toString(), Map.of(
                    "kind", kind, "dueOn", report.dueOn().toString(), "recipients", List.of(addresses)));
            return true;
        }));
    }
}

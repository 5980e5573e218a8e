package se.partnerskap.grant.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The report reminders, every quarter of an hour, once across all instances (ShedLock on the
 * database). The lock saves work; sending each reminder once does not depend on it (see
 * {@link ReportReminderSender}).
 */
@Component
class ReportReminders {

    private final ReportReminderSender sender;

    ReportReminders(ReportReminderSender sender) {
        this.sender = sender;
    }

    @Scheduled(cron = "${partnerskap.reports.reminders.cron:0 */15 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "report-reminders", lockAtMostFor = "PT10M")
    public void run() {
        sender.sendDue();
    }
}

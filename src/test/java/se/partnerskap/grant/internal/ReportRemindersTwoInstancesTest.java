package se.partnerskap.grant.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.partnerskap.PartnerskapApplication;
import se.partnerskap.notification.MailCatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database run the reminder job at the same moment: each
 * reminder goes out once — with the job's lock, and also when the sending runs unlocked in both.
 */
class ReportRemindersTwoInstancesTest extends ReportFixtures {

    @Autowired
    ReportReminders reminders;

    @Autowired
    ReportReminderSender sender;

    @Autowired
    JavaMailSenderImpl mailSender;

    private ConfigurableApplicationContext second;

    @AfterEach
    void closeSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    /** The second instance: same database (the test run's datasource properties), mail to the same catcher. */
    private ConfigurableApplicationContext startSecond() {
        return new SpringApplicationBuilder(PartnerskapApplication.class)
                .properties("server.port=0", "partnerskap.demo=false",
                        "spring.mail.host=127.0.0.1", "spring.mail.port=" + mailSender.getPort(),
                        "partnerskap.base-url=http://localhost:" + port,
                        "partnerskap.reports.reminders.cron=-",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run();
    }

    private List<MailCatcher.CaughtMail> mails(String to, UUID report) {
        return mail.messagesTo(to).stream()
                .filter(m -> m.headers().stream().anyMatch(h -> h.equals("X-Partnerskap-Report: " + report))).toList();
    }

    private int rows(UUID report) {
        return jdbc.sql("SELECT count(*) FROM project_report_reminder WHERE report_id = ?").param(report)
                .query(Integer.class).single();
    }

    /** Runs both at once (released together by a latch) and waits for both. */
    private static void together(Runnable first, Runnable other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> a = pool.submit(() -> {
                start.await();
                first.run();
                return null;
            });
            Future<?> b = pool.submit(() -> {
                start.await();
                other.run();
                return null;
            });
            start.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoInstancesSendEachReminderOnce() throws Exception {
        // both instances take "today" from the real clock here
        LocalDate today = LocalDate.now(se.partnerskap.shared.StockholmTime.ZONE);
        ReportData.Project p = project();
        UUID soon = report(p, "annual", 1, today.minusYears(1), today.minusDays(10), today.plusDays(5));
        UUID late = report(p, "annual", 2, today.minusYears(1), today.minusDays(20), today.minusDays(3));
        second = startSecond();
        ReportReminders secondJob = second.getBean(ReportReminders.class);
        ReportReminderSender secondSender = second.getBean(ReportReminderSender.class);

        together(reminders::run, secondJob::run);
        together(reminders::run, secondJob::run);

        assertThat(rows(soon)).isEqualTo(1);
        assertThat(rows(late)).isEqualTo(1);
        assertThat(mails(p.contactEmail(), soon)).hasSize(1);
        assertThat(mails(p.contactEmail(), late)).hasSize(1);

        // without the lock: both instances send at once, the reminder rows still let one through
        UUID later = report(p, "annual", 3, today.minusYears(1), today.minusDays(5), today.plusDays(20));
        together(sender::sendDue, secondSender::sendDue);

        assertThat(rows(later)).isEqualTo(1);
        assertThat(mails(p.contactEmail(), later)).hasSize(1);
        assertThat(mails(p.contactEmail(), soon)).hasSize(1);

        // the second instance alone works on the same database and mails through the same server
        UUID last = report(p, "annual", 4, today.minusYears(1), today.minusDays(5), today.plusDays(25));
        secondSender.sendDue();
        assertThat(rows(last)).isEqualTo(1);
        assertThat(mails(p.contactEmail(), last)).hasSize(1);
    }
}

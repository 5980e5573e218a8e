package se.partnerskap.assessment.internal;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.assessment.ReviewConflictDeclared;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * Tells the case officer who assigned a reviewer that the reviewer declared a conflict of interest,
 * so that someone else can be assigned. Sent from the publication registry: not lost in a crash, and
 * once per officer and declaration ({@code review-conflict:<application>:<reviewer>:<declared at>}).
 */
@Component
class ConflictMail {

    private final JdbcClient jdbc;
    private final Mail mail;
    private final Environment environment;

    ConflictMail(JdbcClient jdbc, Mail mail, Environment environment) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.environment = environment;
    }

    @ApplicationModuleListener
    void on(ReviewConflictDeclared event) {
        String baseUrl = environment.getProperty("partnerskap.base-url", "http://localhost:8080");
        var officers = jdbc.sql("""
                SELECT DISTINCT assigned_by FROM review_assignment
                WHERE application_id = ? AND reviewer_email = ? AND status = 'conflict'
                """).params(event.applicationId(), event.reviewer()).query(String.class).list();
        mail.sendEachOnce("review-conflict:" + event.applicationId() + ":" + event.reviewer().toLowerCase(java.util.Locale.ROOT)
                + ":" + event.declaredAt(), officers.stream().map(officer -> new OutgoingMail(officer,
                    "Jäv anmält / Conflict of interest declared: " + event.reference(),
                    """
                    %s har anmält jäv för ansökan %s (%s) och är inte längre granskare av den.
                    Skäl: %s
                    Utse en annan granskare: %s/handlaggning/ansokningar/%s

                    ---

                    %s has declared a conflict of interest for application %s (%s) and no longer reviews it.
                    Reason: %s
                    Assign another reviewer: %s/en/assessment/applications/%s
                    """.formatted(event.reviewer(), event.reference(),
                            StockholmTime.dateTime(event.declaredAt(), Language.SV), event.reason(), baseUrl,
                            event.applicationId(), event.reviewer(), event.reference(),
                            StockholmTime.dateTime(event.declaredAt(), Language.EN), event.reason(), baseUrl,
                            event.applicationId()))).toList());
    }
}

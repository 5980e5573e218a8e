package se.partnerskap.assessment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.assessment.ReviewConflictDeclared;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * Tells the case officer who assigned a reviewer that the reviewer declared a conflict of interest,
 * so that someone else can be assigned. Sent from the publication registry: not lost in a crash, and
 * once per officer and declaration ({@code review-conflict:<application>:<reviewer>:<declared at>}).
 */
@Component
class ConflictMail {

    private final JdbcClient jdbc;
    private final Mail mail;
    private final Links links;

    ConflictMail(JdbcClient jdbc, Mail mail, Links links) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(ReviewConflictDeclared event) {
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
                    Utse en annan granskare: %s

                    ---

                    %s has declared a conflict of interest for application %s (%s) and no longer reviews it.
                    Reason: %s
                    Assign another reviewer: %s
                    """.formatted(event.reviewer(), event.reference(),
                            StockholmTime.dateTime(event.declaredAt(), Language.SV), event.reason(),
                            links.absolute("/handlaggning/ansokningar/" + event.applicationId()),
                            event.reviewer(), event.reference(),
                            StockholmTime.dateTime(event.declaredAt(), Language.EN), event.reason(),
                            links.absolute("/en/assessment/applications/" + event.applicationId())))).toList());
    }
}

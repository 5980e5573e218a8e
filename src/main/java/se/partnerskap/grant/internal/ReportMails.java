package se.partnerskap.grant.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.identity.People;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * The e-mail about reports that must not be lost, sent from events through the event publication
 * registry: the receipt to the person who submitted (in the language they submitted in) and the
 * notice of a returned report to the submitter, the application's submitter and contacts and the
 * project's contacts ({@link ProjectRecipients}, each in their own language, greeted by name). Each
 * once per recipient and submission or return ({@link Mail#sendOnce}), so a retry mails nobody twice.
 */
@Component
class ReportMails {

    private final Reports reports;
    private final ProjectRecipients recipients;
    private final People people;
    private final MessageSource messages;
    private final Mail mail;
    private final Links links;

    ReportMails(Reports reports, ProjectRecipients recipients, People people, MessageSource messages, Mail mail,
            Links links) {
        this.reports = reports;
        this.recipients = recipients;
        this.people = people;
        this.messages = messages;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(ReportSubmitted event) {
        Report report = reports.find(event.reportId()).orElseThrow();
        Language lang = Language.ofCode(event.language());
        Locale locale = lang.locale();
        // in the language they submitted in, greeted by the name of their account
        Recipient submitter = people.recipient(event.submittedBy(), "", lang);
        Recipient to = new Recipient(submitter.email(), submitter.name(), lang);
        String subject = messages.getMessage("report.mail.receipt.subject", new Object[] {report.projectTitle()}, locale);
        String text = to.greeting(messages) + "\n\n" + messages.getMessage("report.mail.receipt.text", new Object[] {
                kind(report, locale), report.projectTitle(), period(report, lang),
                StockholmTime.dateTime(event.submittedAt(), lang), people.name(event.submittedBy()), link(report, lang),
                reports.reportedTotal(report.id())}, locale);
        mail.sendOnce("report-submitted:" + event.reportId() + ":" + event.submittedAt(), new OutgoingMail(
                to.email(), subject, text, Map.of("X-Partnerskap-Report", report.id().toString())));
    }

    @ApplicationModuleListener
    void on(ReportReturned event) {
        Report report = reports.find(event.reportId()).orElseThrow();
        mail.sendEachOnce("report-returned:" + event.reportId() + ":" + event.returnedAt(),
                recipients.of(report.projectId(), report.submittedBy()).stream().map(r -> {
                    Language l = r.language();
                    return new OutgoingMail(r.email(), t("report.mail.returned.subject", l, report.projectTitle()),
                            r.greeting(messages) + "\n\n" + t("report.mail.returned.text", l, kind(report, l.locale()),
                                    report.projectTitle(), period(report, l), report.reviewComment(), link(report, l)),
                            Map.of("X-Partnerskap-Report", report.id().toString()));
                }).toList());
    }

    String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    String kind(Report report, Locale locale) {
        return messages.getMessage("report.kind." + report.kind().key(), new Object[] {report.position()}, locale);
    }

    static String period(Report report, Language lang) {
        return StockholmTime.date(report.periodFrom(), lang) + " – " + StockholmTime.date(report.periodTo(), lang);
    }

    String link(Report report, Language lang) {
        return links.absolute(lang, "/mina-projekt/" + report.projectKey() + "/redovisningar/" + report.id(),
                "/en/my-projects/" + report.projectKey() + "/reports/" + report.id());
    }
}

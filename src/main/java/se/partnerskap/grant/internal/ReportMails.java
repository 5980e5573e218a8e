package se.partnerskap.grant.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * The e-mail about reports that must not be lost, sent from events through the event publication
 * registry: the receipt to the person who submitted (in the language they submitted in) and the
 * notice of a returned report to the submitter and the project's contacts (in Swedish and English). Each
 * once per recipient and submission or return ({@link Mail#sendOnce}), so a retry mails nobody twice.
 */
@Component
class ReportMails {

    private final Reports reports;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Mail mail;
    private final Environment environment;

    ReportMails(Reports reports, JdbcClient jdbc, MessageSource messages, Mail mail, Environment environment) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.messages = messages;
        this.mail = mail;
        this.environment = environment;
    }

    @ApplicationModuleListener
    void on(ReportSubmitted event) {
        Report report = reports.find(event.reportId()).orElseThrow();
        Language lang = Language.ofCode(event.language());
        Locale locale = lang.locale();
        String subject = messages.getMessage("report.mail.receipt.subject", new Object[] {report.projectTitle()}, locale);
        String text = messages.getMessage("report.mail.receipt.text", new Object[] {
                kind(report, locale), report.projectTitle(), period(report, lang),
                StockholmTime.dateTime(event.submittedAt(), lang), event.submittedBy(), link(report, lang),
                reports.reportedTotal(report.id())}, locale);
        mail.sendOnce("report-submitted:" + event.reportId() + ":" + event.submittedAt(), new OutgoingMail(
                event.submittedBy(), subject, text, Map.of("X-Partnerskap-Report", report.id().toString())));
    }

    @ApplicationModuleListener
    void on(ReportReturned event) {
        Report report = reports.find(event.reportId()).orElseThrow();
        String subject = both("report.mail.returned.subject", l -> new Object[] {report.projectTitle()});
        String text = both("report.mail.returned.text", l -> new Object[] {kind(report, l.locale()),
                report.projectTitle(), period(report, l), report.reviewComment(), link(report, l)});
        mail.sendEachOnce("report-returned:" + event.reportId() + ":" + event.returnedAt(), recipients(report).stream()
                .map(to -> new OutgoingMail(to, subject, text, Map.of("X-Partnerskap-Report", report.id().toString())))
                .toList());
    }

    /** The person who submitted and the project's contacts with an address. */
    Set<String> recipients(Report report) {
        Set<String> to = new LinkedHashSet<>();
        if (report.submittedBy() != null) {
            to.add(report.submittedBy().toLowerCase(Locale.ROOT));
        }
        jdbc.sql("SELECT email FROM project_contact WHERE funded_partnership_id = ? AND email <> '' ORDER BY position")
                .param(report.projectId()).query(String.class).list()
                .forEach(e -> to.add(e.strip().toLowerCase(Locale.ROOT)));
        return to;
    }

    /** A text in Swedish followed by the same in English. */
    String both(String key, java.util.function.Function<Language, Object[]> args) {
        String sv = messages.getMessage(key, args.apply(Language.SV), Language.SV.locale());
        String en = messages.getMessage(key, args.apply(Language.EN), Language.EN.locale());
        return sv.equals(en) ? sv : key.endsWith(".subject") ? sv + " / " + en : sv + "\n\n----\n\n" + en;
    }

    String kind(Report report, Locale locale) {
        return messages.getMessage("report.kind." + report.kind().key(), new Object[] {report.position()}, locale);
    }

    static String period(Report report, Language lang) {
        return StockholmTime.date(report.periodFrom(), lang) + " – " + StockholmTime.date(report.periodTo(), lang);
    }

    String link(Report report, Language lang) {
        // read when sent: the base URL may name the server's port, known only once it runs
        String baseUrl = environment.getProperty("partnerskap.base-url", "http://localhost:8080");
        return baseUrl + (lang == Language.EN ? "/en/my-projects/" : "/mina-projekt/") + report.projectKey()
                + (lang == Language.EN ? "/reports/" : "/redovisningar/") + report.id();
    }
}

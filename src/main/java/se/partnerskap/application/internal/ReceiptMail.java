package se.partnerskap.application.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.application.ApplicationSubmitted;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.identity.People;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receipt e-mail: to the person who submitted (in their account's language) and the contact persons
 * named in the applicant section of the snapshot (in the language the application was submitted in), each
 * greeted by name, each address once ({@link SubmittedApplications#recipientsOfSubmission}).
 * It listens through the event publication registry, so a receipt whose sending failed or was cut
 * short by a crash is sent when the publication is resubmitted: once per contact and submission
 * ({@code receipt:<application>:v<version>}), so a contact who got it does not get it again when
 * another's address was refused.
 */
@Component
class ReceiptMail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Mail mail;
    private final Links links;
    private final SubmittedApplications applications;
    private final People people;

    ReceiptMail(JdbcClient jdbc, JsonMapper json, MessageSource messages, Mail mail, Links links,
            SubmittedApplications applications, People people) {
        this.applications = applications;
        this.people = people;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        String snapshot = jdbc.sql("SELECT snapshot::text FROM submission WHERE id = ?").param(event.submissionId())
                .query(String.class).single();
        JsonNode s = json.readTree(snapshot);
        List<Recipient> to = applications.recipientsOfSubmission(event.submissionId());
        String submitter = people.name(event.submittedBy());
        mail.sendEachOnce("receipt:" + event.applicationId() + ":v" + event.version(), to.stream().map(r -> {
            Language lang = r.language();
            Locale locale = lang.locale();
            String round = lang.pick(s.path("round").path("nameSv").asString(""), s.path("round").path("nameEn").asString(""));
            String link = links.absolute(lang, "/ansokningar/" + event.applicationId() + "/kvitto",
                    "/en/applications/" + event.applicationId() + "/receipt");
            String subject = messages.getMessage("submission.mail.subject", new Object[] {event.reference()}, locale);
            String text = r.greeting(messages) + "\n\n" + messages.getMessage("submission.mail.text", new Object[] {
                    event.reference(), s.path("title").asString(""), s.path("organisation").path("name").asString(s.path("applicant").path("name").asString("")),
                    round, StockholmTime.dateTime(event.submittedAt(), lang), submitter, link, event.version()}, locale);
            return new OutgoingMail(r.email(), subject, text, Map.of("X-Partnerskap-Reference", event.reference()));
        }).toList());
    }
}

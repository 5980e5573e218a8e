package se.partnerskap.grant.internal;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * Tells the grantee by e-mail that a payment was released or that a change request was decided, through
 * the event publication registry: to the people of the project ({@link ProjectRecipients}; the one who
 * asked for the change first), each greeted by name in their own language, each once per effect
 * ({@code payment-released:<payment>}, {@code change-decided:<change>}), so a retry mails only whoever
 * did not get it.
 */
@Component
class FollowUpMails {

    private final FollowUp followUp;
    private final ProjectRecipients recipients;
    private final MessageSource messages;
    private final Mail mail;
    private final Links links;

    FollowUpMails(FollowUp followUp, ProjectRecipients recipients, MessageSource messages, Mail mail,
            Links links) {
        this.followUp = followUp;
        this.recipients = recipients;
        this.messages = messages;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(PaymentReleased event) {
        FollowUp.Project project = followUp.byKey(event.projectKey()).orElseThrow();
        FollowUp.Payment payment = project.payments().stream().filter(p -> p.id().equals(event.paymentId()))
                .findFirst().orElseThrow();
        mail.sendEachOnce("payment-released:" + payment.id(), recipients.orMembers(project.id(),
                project.partnership().swedishOrganisationId()).stream().map(r -> {
                    Language l = r.language();
                    String kind = t("followup.payment.kind." + payment.kind(), l)
                            + (payment.tranchePosition() == null ? "" : " " + payment.tranchePosition());
                    return mail(r, t("followup.mail.payment.subject", l, project.name()),
                            t("followup.mail.payment.text", l, Sek.of(payment.amountSek()).format(l), kind,
                                    project.name(), StockholmTime.date(payment.releasedOn(), l), payment.reference(),
                                    link(project, l)), project);
                }).toList());
    }

    @ApplicationModuleListener
    void on(ChangeRequestDecided event) {
        FollowUp.Project project = followUp.byKey(event.projectKey()).orElseThrow();
        FollowUp.Change change = project.changes().stream().filter(c -> c.id().equals(event.changeId()))
                .findFirst().orElseThrow();
        String outcome = event.approved() ? "approved" : "refused";
        mail.sendEachOnce("change-decided:" + change.id(), recipients.orMembers(project.id(),
                project.partnership().swedishOrganisationId(), change.requestedBy()).stream().map(r -> {
                    Language l = r.language();
                    String what = "extension".equals(change.kind())
                            ? t("followup.change.extensionText", l, StockholmTime.date(change.newEndsOn(), l))
                            : t("followup.change.moveText", l, Sek.of(change.amountSek()).format(l),
                                    change.fromPosition(), change.toPosition());
                    String comment = change.decisionComment() == null || change.decisionComment().isBlank() ? ""
                            : t("followup.mail.change.comment", l, change.decisionComment().strip());
                    return mail(r, t("followup.mail.change." + outcome + ".subject", l, project.name()),
                            t("followup.mail.change." + outcome + ".text", l, t("followup.change.kind." + change.kind(), l),
                                    what, project.name(), comment, link(project, l)), project);
                }).toList());
    }

    private OutgoingMail mail(Recipient r, String subject, String body, FollowUp.Project project) {
        return new OutgoingMail(r.email(), subject, r.greeting(messages) + "\n\n" + body,
                Map.of("X-Partnerskap-Project", project.key()));
    }

    private String link(FollowUp.Project project, Language lang) {
        return links.absolute(lang, "/mina-projekt/" + project.key(), "/en/my-projects/" + project.key());
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}

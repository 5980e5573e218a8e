package se.partnerskap.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import se.partnerskap.shared.EmailAddress;

/**
 * Sends e-mail. Call it from an event listener ({@code @ApplicationModuleListener}) so that a mail
 * that must not be lost goes through the event publication registry: if sending fails, the
 * exception leaves the publication FAILED and it is retried while the application runs
 * (platform.EventResubmission, docs/mail.md).
 */
@Service
public class Mail {

    private static final Logger log = LoggerFactory.getLogger(Mail.class);

    private final JavaMailSender sender;
    private final String from;

    Mail(JavaMailSender sender, @Value("${partnerskap.mail.from:Kommunala partnerskap <noreply@partnerskap.example>}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * Sends the mail, or throws so that the publication stays incomplete and is tried again. A recipient
     * address no mail server will ever take (stored before addresses were checked strictly when entered)
     * is dropped with a warning instead: retrying it would fail for ever.
     */
    public void send(OutgoingMail mail) {
        if (!EmailAddress.isValid(mail.to())) {
            log.warn("Not sending e-mail '{}': the recipient address is not one that can be sent to", mail.subject());
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            for (OutgoingMail.Attachment a : mail.attachments()) {
                helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
            }
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            sender.send(message);
            log.info("Sent e-mail '{}' to {}", mail.subject(), mail.to());
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build e-mail '" + mail.subject() + "'", e);
        } catch (MailException e) {
            log.warn("Could not send e-mail '{}' to {}: {}", mail.subject(), mail.to(), e.getMessage());
            throw e;
        }
    }
}

package se.partnerskap.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.shared.EmailAddress;

/**
 * Sends e-mail. Call it from an event listener ({@code @ApplicationModuleListener}) so that a mail
 * that must not be lost goes through the event publication registry: if sending fails, the
 * exception leaves the publication FAILED and it is retried while the application runs
 * (platform.EventResubmission, docs/mail.md). A listener that may run again (every one) sends with
 * {@link #sendOnce} or {@link #sendEachOnce}: one delivery per effect and recipient, so a retry sends
 * only what is missing.
 */
@Service
public class Mail {

    private static final Logger log = LoggerFactory.getLogger(Mail.class);

    private final JavaMailSender sender;
    private final String from;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate eachDelivery;

    Mail(JavaMailSender sender, @Value("${partnerskap.mail.from:Kommunala partnerskap <noreply@partnerskap.example>}") String from,
            JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.sender = sender;
        this.from = from;
        this.jdbc = jdbc;
        this.clock = clock;
        this.eachDelivery = new TransactionTemplate(transactions);
        // its own transaction per recipient: the caller's (the listener's) rolls back when a later recipient
        // fails, and must not take the record of the mails that did go out with it
        this.eachDelivery.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What became of one delivery. */
    public enum Delivery {
        /** Sent now. */
        SENT,
        /** Sent before under the same key to the same recipient: not sent again. */
        SENT_BEFORE,
        /** Not sent: the address is not one any mail server takes; nothing is recorded. */
        UNSENDABLE,
        /** Not sent: the mail is no longer due (its link was used or expired); nothing is recorded. */
        NOT_DUE
    }

    /** Some mail of one effect was not sent; the others were, and are recorded. */
    public static class NotAllDelivered extends IllegalStateException {

        NotAllDelivered(String key, int failed, int of, RuntimeException first) {
            super(failed + " of " + of + " mails of " + key + " were not sent (the first: " + first.getMessage()
                    + "); they are sent when the event is delivered again", first);
        }
    }

    /**
     * Sends {@code mail} unless it went to its recipient under {@code key} before. {@code key} names the
     * effect the mail belongs to, the same on every delivery of the same event and different for a new one
     * ({@code receipt:<application>:v<version>}); the recipient is compared in lower case.
     *
     * <p>In one transaction of its own: a row in {@code mail_delivery} is inserted (if absent), the mail is
     * sent, and the row commits only after the SMTP server accepted the mail. A failed send rolls the row back
     * and throws, so the retry sends it; a second instance delivering the same event at the same moment waits
     * on the row and then skips. A mail is sent twice only if the process dies (or the database goes away)
     * between the server's acceptance and the commit.
     */
    public Delivery sendOnce(String key, OutgoingMail mail) {
        return sendOnce(key, mail.to(), () -> Optional.of(mail));
    }

    /**
     * As {@link #sendOnce(String, OutgoingMail)}, with the mail made only when it is to be sent: for a mail
     * whose making has an effect (minting a link's token) or costs (rendering a letter). An empty mail means
     * it is no longer due (its link was used meanwhile): nothing is sent or recorded.
     */
    public Delivery sendOnce(String key, String recipient, Supplier<Optional<OutgoingMail>> mail) {
        if (!EmailAddress.isValid(recipient)) {
            log.warn("Not sending e-mail {}: the recipient address is not one that can be sent to", key);
            return Delivery.UNSENDABLE;
        }
        String to = recipient.strip().toLowerCase(Locale.ROOT);
        return eachDelivery.execute(status -> {
            int recorded = jdbc.sql("""
                    INSERT INTO mail_delivery (delivery_key, recipient, sent_at) VALUES (?, ?, ?)
                    ON CONFLICT (delivery_key, recipient) DO NOTHING
                    """).params(key, to, Timestamp.from(clock.instant())).update();
            if (recorded == 0) {
                log.info("E-mail {} went to {} before: not sent again", key, EmailAddress.forLog(to));
                return Delivery.SENT_BEFORE;
            }
            Optional<OutgoingMail> made = mail.get();
            if (made.isEmpty()) {
                status.setRollbackOnly();
                return Delivery.NOT_DUE;
            }
            OutgoingMail outgoing = made.get();
            if (!outgoing.to().strip().equalsIgnoreCase(to)) {
                throw new IllegalArgumentException("E-mail " + key + " recorded for " + to + " but addressed to "
                        + outgoing.to());
            }
            send(outgoing);
            return Delivery.SENT;
        });
    }

    /**
     * Sends each mail once under {@code key} ({@link #sendOnce(String, OutgoingMail)}), trying every recipient
     * even when one fails, and then throws {@link NotAllDelivered} if any failed: the event stays incomplete,
     * and its retry sends only to those who did not get it.
     */
    public void sendEachOnce(String key, List<OutgoingMail> mails) {
        List<RuntimeException> failed = new ArrayList<>();
        for (OutgoingMail m : mails) {
            try {
                sendOnce(key, m);
            } catch (RuntimeException e) {
                failed.add(e);
            }
        }
        if (!failed.isEmpty()) {
            NotAllDelivered e = new NotAllDelivered(key, failed.size(), mails.size(), failed.getFirst());
            failed.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /**
     * Sends the mail, or throws so that the publication stays incomplete and is tried again. Sends every time
     * it is called: a listener sends through {@link #sendOnce} instead, unless (as the news items to
     * subscribers) it records its deliveries itself in the transaction that calls this. A recipient
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
            log.info("Sent e-mail '{}' to {}", mail.subject(), EmailAddress.forLog(mail.to()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build e-mail '" + mail.subject() + "'", e);
        } catch (MailException e) {
            log.warn("Could not send e-mail '{}' to {}: {}", mail.subject(), EmailAddress.forLog(mail.to()), e.getMessage());
            throw e;
        }
    }
}

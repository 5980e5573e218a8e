package se.partnerskap.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The demo's local mail catcher: a real SMTP server (GreenMail) on a free loopback port that keeps
 * every message it receives in memory, for the demo to show at /demo/e-post. For fault drills and tests it
 * can refuse a recipient the way a real server does when it cannot take the mail now ({@link #refuse}).
 */
public class MailCatcher implements AutoCloseable {

    /** Addresses (lower case) whose RCPT TO is answered with a temporary failure. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private final int port;
    private final List<CaughtMail> beforeOutages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile GreenMail greenMail;

    /** A caught message, as the demo page and the tests see it. */
    public record CaughtMail(String to, String subject, String text, Instant received, List<String> headers,
            List<CaughtAttachment> attachments) {
    }

    /** A file that came with a caught message. */
    public record CaughtAttachment(String filename, String contentType, byte[] content) {
    }

    MailCatcher() {
        greenMail = refusing(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        port = greenMail.getSmtp().getPort();
    }

    /** A GreenMail whose SMTP server answers {@link #refused} recipients with a temporary failure. */
    private GreenMail refusing(ServerSetup setup) {
        return new GreenMail(setup) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                return super.createServices(config, new RefusingManagers(managers));
            }
        };
    }

    /**
     * Until {@link #accept}: answers {@code 451 4.3.0} (mailbox temporarily unavailable) to RCPT TO for
     * {@code address}, so that a mail to it fails while the others of the same listener go out.
     */
    public void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** Takes mail for {@code address} again. */
    public void accept(String address) {
        refused.remove(address.toLowerCase(Locale.ROOT));
    }

    /** GreenMail's own managers, with an SMTP manager that checks recipients against {@link #refused}. */
    private final class RefusingManagers extends Managers {

        private final Managers own;
        private final SmtpManager smtp;

        RefusingManagers(Managers own) {
            this.own = own;
            this.smtp = new SmtpManager(own.getImapHostManager(), own.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress rcpt) {
                    return refused.contains(rcpt.getEmail().toLowerCase(Locale.ROOT))
                            ? "451 4.3.0 Mailbox temporarily unavailable, try again later"
                            : super.checkRecipient(state, rcpt);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return own.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return own.getImapHostManager();
        }
    }

    int port() {
        return port;
    }

    /**
     * Stops the SMTP server, as an outage of the mail server: sending fails (connection refused) until
     * {@link #startSmtp()}. What was received so far is kept. For fault tests and benchmarks.
     */
    public synchronized void stopSmtp() {
        GreenMail running = greenMail;
        if (running == null) {
            return;
        }
        Arrays.stream(running.getReceivedMessages()).map(MailCatcher::caught).forEach(beforeOutages::add);
        running.stop();
        greenMail = null;
    }

    /** Starts the SMTP server again on the same port, after {@link #stopSmtp()}. */
    public synchronized void startSmtp() {
        if (greenMail != null) {
            return;
        }
        GreenMail restarted = refusing(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        restarted.start();
        greenMail = restarted;
    }

    /** Everything received, newest first. */
    public List<CaughtMail> messages() {
        GreenMail running = greenMail;
        MimeMessage[] received = running == null ? new MimeMessage[0] : running.getReceivedMessages();
        return java.util.stream.Stream.concat(beforeOutages.stream(), Arrays.stream(received).map(MailCatcher::caught))
                .sorted((a, b) -> b.received().compareTo(a.received())).toList();
    }

    /** Messages received by one address, newest first. */
    public List<CaughtMail> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static CaughtMail caught(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            String recipients = to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
            Instant received = m.getReceivedDate() != null ? m.getReceivedDate().toInstant()
                    : m.getSentDate() != null ? m.getSentDate().toInstant() : Instant.EPOCH;
            List<String> headers = java.util.Collections.list(m.getAllHeaderLines());
            List<CaughtAttachment> attachments = new java.util.ArrayList<>();
            String text;
            if (m.getContent() instanceof jakarta.mail.Multipart multipart) {
                StringBuilder body = new StringBuilder();
                parts(multipart, body, attachments);
                text = body.toString();
            } else {
                text = text(m);
            }
            return new CaughtMail(recipients, m.getSubject(), text.strip(), received, headers, List.copyOf(attachments));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("Unreadable caught message", e);
        }
    }

    /** The text parts of a multipart message into {@code body}, its files into {@code attachments}. */
    private static void parts(jakarta.mail.Multipart multipart, StringBuilder body, List<CaughtAttachment> attachments)
            throws MessagingException, java.io.IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart nested) {
                parts(nested, body, attachments);
            } else if (part.getFileName() != null) {
                try (java.io.InputStream in = part.getInputStream()) {
                    attachments.add(new CaughtAttachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
                }
            } else if (content instanceof String s) {
                body.append(s);
            }
        }
    }

    /** The decoded text of a plain-text message (quoted-printable and base64 undone). */
    private static String text(MimeMessage m) throws MessagingException, java.io.IOException {
        Object content = m.getContent();
        return content instanceof String s ? s : GreenMailUtil.getBody(m);
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}

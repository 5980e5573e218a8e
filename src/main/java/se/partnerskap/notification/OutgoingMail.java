package se.partnerskap.notification;

import java.util.List;
import java.util.Map;

/**
 * A plain-text e-mail to one recipient; {@code headers} are extra headers such as List-Unsubscribe,
 * {@code attachments} files sent with it (a decision letter).
 */
public record OutgoingMail(String to, String subject, String text, Map<String, String> headers,
        List<Attachment> attachments) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    public OutgoingMail(String to, String subject, String text, Map<String, String> headers) {
        this(to, subject, text, headers, List.of());
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }

    /** A file sent with the mail. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}

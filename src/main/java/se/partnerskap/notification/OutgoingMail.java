package se.partnerskap.notification;

import java.util.Map;

/** A plain-text e-mail to one recipient; {@code headers} are extra headers such as List-Unsubscribe. */
public record OutgoingMail(String to, String subject, String text, Map<String, String> headers) {

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }
}

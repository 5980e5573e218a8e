package se.partnerskap.application.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The deadline as an iCalendar file (RFC 5545): one VEVENT at the deadline in UTC with a reminder a
 * day before. Written by hand, it is that small: lines end in CRLF, text is escaped and lines longer
 * than 75 octets are folded (without splitting a UTF-8 character).
 */
final class DeadlineCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DeadlineCalendar() {
    }

    static String of(String uid, Instant deadline, Instant now, String summary, String description, String url,
            String alarm, String lang) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Partnerskap//Kommunala partnerskap//" + lang.toUpperCase(java.util.Locale.ROOT));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid);
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART:" + UTC.format(deadline));
        line(out, "DTEND:" + UTC.format(deadline.plusSeconds(1)));
        line(out, "SUMMARY;LANGUAGE=" + lang + ":" + text(summary));
        line(out, "DESCRIPTION;LANGUAGE=" + lang + ":" + text(description));
        line(out, "URL:" + url);
        line(out, "TRANSP:TRANSPARENT");
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, "DESCRIPTION:" + text(alarm));
        line(out, "TRIGGER:-P1D");
        line(out, "END:VALARM");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n").replaceAll("\\p{Cntrl}", "");
    }

    /** A content line folded at 75 octets: CRLF and a space before each continuation (RFC 5545, 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}

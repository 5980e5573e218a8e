package se.partnerskap.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The programme's calendar is Europe/Stockholm; instants are stored in UTC and shown here. */
public final class StockholmTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private StockholmTime() {
    }

    public static ZonedDateTime at(Instant instant) {
        return instant.atZone(ZONE);
    }

    /** The next 00:00 in Stockholm after {@code instant}: when "today" changes. */
    public static Instant nextMidnight(Instant instant) {
        return at(instant).toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The earlier of two moments, either of which may be null (none). */
    public static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** "15 september 2026" / "15 September 2026". */
    public static String date(LocalDate date, Language language) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()));
    }

    /** A date and time with its zone, e.g. "15 oktober 2026 23:59 CEST". */
    public static String dateTime(Instant instant, Language language) {
        ZonedDateTime t = at(instant);
        String pattern = language == Language.EN ? "d MMMM yyyy HH:mm zzz" : "d MMMM yyyy HH:mm zzz";
        return t.format(DateTimeFormatter.ofPattern(pattern, language.locale()));
    }
}

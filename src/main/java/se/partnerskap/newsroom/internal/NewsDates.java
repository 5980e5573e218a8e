package se.partnerskap.newsroom.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * The date of an item as the organisation's newsroom prints it, in Stockholm time with its zone:
 * "1 juni 2020 09:45 CEST", "Jun 01, 2020 09:45 CEST"; the date alone where the source gives no time.
 */
final class NewsDates {

    private static final DateTimeFormatter SV = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm zzz", Locale.of("sv", "SE"));
    private static final DateTimeFormatter SV_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("sv", "SE"));
    // US month abbreviations: "Sep", not the British "Sept"
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("MMM dd, yyyy HH:mm zzz", Locale.US);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.US);

    private NewsDates() {
    }

    static String format(Instant at, boolean dateOnly, Language language) {
        DateTimeFormatter f = language == Language.EN ? (dateOnly ? EN_DATE : EN) : (dateOnly ? SV_DATE : SV);
        return StockholmTime.at(at).format(f);
    }

    /** The value of a {@code <time datetime>}: the date, or the date-time with its offset. */
    static String iso(Instant at, boolean dateOnly) {
        return dateOnly ? StockholmTime.at(at).toLocalDate().toString()
                : StockholmTime.at(at).toOffsetDateTime().toString();
    }

    /** "Pressmeddelanden • 1 juni 2020 09:45 CEST"; the type alone for an undated item. */
    static String line(NewsItem item, String typeLabel, Language language) {
        if (item.undated() || item.publishAt() == null) {
            return typeLabel;
        }
        return typeLabel + " \u2022 " + format(item.publishAt(), item.dateOnly(), language);
    }
}

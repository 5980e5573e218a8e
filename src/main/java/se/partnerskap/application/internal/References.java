package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import se.partnerskap.shared.StockholmTime;

/**
 * Reference numbers such as {@code KP-2026-H-0042}: the programme's initials (Kommunala partnerskap:
 * KP), the round's year, H for an autumn round and V for a spring one by the month the round opens
 * (Stockholm time), L for the continuous round, and the round's sequence number in four digits.
 */
public final class References {

    private References() {
    }

    /** "KP-2026-H": what a round's references start with; its sequence counts under it. */
    public static String prefix(String programme, Instant roundOpens, boolean continuous) {
        var opens = StockholmTime.at(roundOpens);
        String season = continuous ? "L" : opens.getMonthValue() >= 7 ? "H" : "V";
        return "%s-%d-%s".formatted(initials(programme), opens.getYear(), season);
    }

    public static String format(String prefix, int number) {
        return "%s-%04d".formatted(prefix, number);
    }

    /** "kommunala-partnerskap" is KP. */
    static String initials(String programme) {
        return Arrays.stream(programme.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT)).collect(Collectors.joining());
    }
}

package se.partnerskap.shared;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** An amount in whole Swedish kronor. */
public record Sek(long kronor) implements Comparable<Sek> {

    public static final Sek ZERO = new Sek(0);

    public static Sek of(long kronor) {
        return new Sek(kronor);
    }

    public Sek plus(Sek other) {
        return new Sek(Math.addExact(kronor, other.kronor));
    }

    public Sek minus(Sek other) {
        return new Sek(Math.subtractExact(kronor, other.kronor));
    }

    /**
     * "10 641 000 kr" in Swedish, "SEK 10,641,000" in English, with no-break spaces (U+00A0) between the
     * digit groups and next to the currency, so that an amount never wraps across lines on a page or in
     * a PDF.
     */
    public String format(Language language) {
        if (language == Language.EN) {
            DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
            return "SEK\u00a0" + f.format(kronor);
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.of("sv", "SE"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('\u2212');
        return new DecimalFormat("#,##0", symbols).format(kronor) + "\u00a0kr";
    }

    @Override
    public int compareTo(Sek o) {
        return Long.compare(kronor, o.kronor);
    }
}

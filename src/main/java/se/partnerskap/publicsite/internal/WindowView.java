package se.partnerskap.publicsite.internal;

import java.time.Instant;

import se.partnerskap.programme.WindowStatus;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/** The open or next application window, ready to print in one language. */
public record WindowView(boolean openNow, String name, String firstDay, String lastDay, String closesAt,
        String closesAtIso, String opensAtIso) {

    static WindowView of(WindowStatus status, Language language) {
        var w = status.window();
        Instant closes = status.closesAt();
        return new WindowView(status.openNow(), w.name(language),
                StockholmTime.date(w.firstDay(), language),
                StockholmTime.date(StockholmTime.at(closes).toLocalDate(), language),
                StockholmTime.dateTime(closes, language),
                StockholmTime.at(closes).toOffsetDateTime().toString(),
                StockholmTime.at(w.opensAt()).toOffsetDateTime().toString());
    }
}

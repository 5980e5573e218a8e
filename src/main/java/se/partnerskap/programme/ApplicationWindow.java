package se.partnerskap.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Year;

import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/** A yearly window such as 15 September–15 October, in the programme's calendar (Europe/Stockholm). */
public record ApplicationWindow(String key, String nameSv, String nameEn, MonthDay opens, MonthDay closes) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    /** This window in a given year: opens 00:00 on its first day, closes 23:59:59 on its last. */
    public Occurrence in(int year) {
        LocalDate first = opens.atYear(year);
        LocalDate last = closes.atYear(closes.isBefore(opens) ? year + 1 : year);
        Instant opensAt = first.atStartOfDay(StockholmTime.ZONE).toInstant();
        Instant closesAt = last.atTime(LocalTime.of(23, 59, 59)).atZone(StockholmTime.ZONE).toInstant();
        return new Occurrence(this, first, last, opensAt, closesAt);
    }

    public record Occurrence(ApplicationWindow window, LocalDate firstDay, LocalDate lastDay,
            Instant opensAt, Instant closesAt) {

        public boolean isOpenAt(Instant now) {
            return !now.isBefore(opensAt) && !now.isAfter(closesAt);
        }

        public String name(Language language) {
            return window.name(language) + " " + Year.of(firstDay.getYear());
        }
    }
}

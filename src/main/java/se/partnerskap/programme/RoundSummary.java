package se.partnerskap.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * A round as the public site lists it. {@code budgetPrecision} says how the stated total is meant
 * ({@code exact}, {@code upper-bound} for "nearly", {@code lower-bound} for "over", {@code rounded});
 * {@code granteesCount} is the number of grantees as announced (null when not stated).
 */
public record RoundSummary(UUID id, String key, String nameSv, String nameEn, Instant opensAt, Instant closesAt,
        Long budgetSek, LocalDate announcedOn, RoundStatus status, String note, String noteEn, Integer granteesCount,
        String budgetPrecision) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    public String note(Language language) {
        return language.pick(note, noteEn);
    }
}

package se.partnerskap.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.partnerskap.shared.Language;

public record RoundSummary(UUID id, String key, String nameSv, String nameEn, Instant opensAt, Instant closesAt,
        Long budgetSek, LocalDate announcedOn, String status, String note) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }
}

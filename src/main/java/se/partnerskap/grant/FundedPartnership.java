package se.partnerskap.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/** A funded partnership, with the names of its parties ready to show. */
public record FundedPartnership(UUID id, String key, String programme, UUID roundId, UUID swedishOrganisationId,
        String swedishOrganisationName, List<Partner> partners, String themeSv, String themeEn,
        List<String> coreAreas, long amountSek, boolean amountIsDemo, LocalDate startsOn, LocalDate endsOn,
        Status status, String noteSv, String noteEn) {

    public enum Status {
        ACTIVE, COMPLETED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A foreign party; {@code name} is null when the material does not publish it. */
    public record Partner(UUID partnerOrganisationId, String name, String countryIso2, String countryNameSv,
            String countryNameEn) {

        public String countryName(Language language) {
            return language.pick(countryNameSv, countryNameEn);
        }

        public boolean named() {
            return name != null;
        }
    }

    public String theme(Language language) {
        return themeSv == null && themeEn == null ? null : language.pick(themeSv, themeEn);
    }

    public String note(Language language) {
        return language.pick(noteSv, noteEn);
    }

    public boolean hasNamedPartner() {
        return partners.stream().anyMatch(Partner::named);
    }
}

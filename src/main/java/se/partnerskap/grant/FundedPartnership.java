package se.partnerskap.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * A funded partnership, with the names of its parties ready to show.
 *
 * @param key  the key it was recorded with (stable, not always readable: {@code decision:9c7da772-…})
 * @param slug its readable public address, {@code karlstad-makueni-2019}; null only until it is assigned
 */
public record FundedPartnership(UUID id, String key, String programme, UUID roundId, UUID swedishOrganisationId,
        String swedishOrganisationName, List<Partner> partners, String themeSv, String themeEn,
        List<String> coreAreas, long amountSek, boolean amountIsDemo, LocalDate startsOn, LocalDate endsOn,
        Status status, String noteSv, String noteEn, String slug, String titleSv, String titleEn) {

    /** A text and the language it is written in, which may be another than the one asked for. */
    public record Text(String value, Language language) {
    }

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

    /** The last segment of its public address: the slug, or the key until a slug is assigned. */
    public String path() {
        return slug == null ? key : slug;
    }

    /** Its title in {@code language}, else in the other language; null when it has no title. */
    public Text title(Language language) {
        return either(language, titleSv, titleEn);
    }

    /** Its theme in {@code language}, else in the other language; null when it has none. */
    public Text themeText(Language language) {
        return either(language, themeSv, themeEn);
    }

    private static Text either(Language language, String sv, String en) {
        String wanted = language == Language.EN ? en : sv;
        String other = language == Language.EN ? sv : en;
        if (wanted != null && !wanted.isBlank()) {
            return new Text(wanted, language);
        }
        return other == null || other.isBlank() ? null : new Text(other, language.other());
    }

    public String note(Language language) {
        return language.pick(noteSv, noteEn);
    }

    public boolean hasNamedPartner() {
        return partners.stream().anyMatch(Partner::named);
    }
}

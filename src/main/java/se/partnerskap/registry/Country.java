package se.partnerskap.registry;

import se.partnerskap.shared.Language;

/** A partner country; {@code worldRegion} (Europe, Asia, Africa, Latin America) decides amount caps. */
public record Country(String iso2, String iso3, String nameEn, String nameSv, String worldRegion, boolean listed) {
    public String name(Language language) {
        return language == Language.EN ? nameEn : nameSv;
    }
}

package se.partnerskap.programme;

import se.partnerskap.shared.Language;

/**
 * A part of a programme applied for separately (inception, project, steering group); an application for
 * it names one to {@code maxPartners} partner organisations abroad (two make a three-party partnership).
 */
public record Component(String programme, String key, String nameSv, String nameEn, String descriptionSv,
        String descriptionEn, int minYears, int maxYears, boolean outsideRounds, int maxPartners) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    public String description(Language language) {
        return language.pick(descriptionSv, descriptionEn);
    }
}

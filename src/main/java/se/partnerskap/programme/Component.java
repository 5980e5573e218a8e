package se.partnerskap.programme;

import se.partnerskap.shared.Language;

/** A part of a programme applied for separately (inception, project, steering group). */
public record Component(String programme, String key, String nameSv, String nameEn, String descriptionSv,
        String descriptionEn, int minYears, int maxYears, boolean outsideRounds) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    public String description(Language language) {
        return language.pick(descriptionSv, descriptionEn);
    }
}

package se.partnerskap.assessment.internal;

import se.partnerskap.shared.Language;

/** A scoring criterion of a programme: scored from 0 to {@code scale}, counted with {@code weight}. */
record Criterion(String key, String nameSv, String nameEn, String descriptionSv, String descriptionEn, int scale,
        int weight) {

    String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    String description(Language language) {
        return language.pick(descriptionSv, descriptionEn);
    }
}

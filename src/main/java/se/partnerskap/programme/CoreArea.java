package se.partnerskap.programme;

import se.partnerskap.shared.Language;

public record CoreArea(String key, String nameSv, String nameEn) {
    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }
}

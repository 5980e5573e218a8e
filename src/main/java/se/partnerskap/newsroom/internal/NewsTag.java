package se.partnerskap.newsroom.internal;

import se.partnerskap.shared.Language;

/** A tag of news items: a theme (core area), a partner country or a Swedish region. */
public record NewsTag(String key, String kind, String nameSv, String nameEn) {
    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }
}

package se.partnerskap.shared;

import java.util.Locale;

/** The two languages of the site. Swedish is the default and lives at the root; English under /en. */
public enum Language {
    SV("sv", Locale.of("sv", "SE")),
    EN("en", Locale.of("en", "GB"));

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public Language other() {
        return this == SV ? EN : SV;
    }

    /** The language of a request path: English under /en, Swedish everywhere else. */
    public static Language ofPath(String path) {
        return path != null && (path.equals("/en") || path.startsWith("/en/")) ? EN : SV;
    }

    public static Language ofCode(String code) {
        return "en".equalsIgnoreCase(code) ? EN : SV;
    }

    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : SV;
    }

    /** Picks the text of this language from a Swedish/English pair, falling back to Swedish. */
    public String pick(String sv, String en) {
        return this == EN && en != null && !en.isBlank() ? en : sv;
    }
}

package se.partnerskap.web;

import java.text.NumberFormat;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.web.csrf.CsrfToken;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;

/**
 * What the layout and every page need besides their own view model: the language and its texts,
 * the same page in the other language, the CSRF token and who is logged in.
 */
public final class Ui {

    /** A number no text contains, formatted like any count and then replaced by "{0}". */
    private static final long COUNT_PLACEHOLDER = 987_654_321L;

    private final Language language;
    private final String path;
    private final String alternatePath;
    private final MessageSource messages;
    private final LanguagePaths paths;
    private final CsrfToken csrf;
    private final Viewer viewer;
    private final String notice;
    private final DemoMode demo;

    /** Who is looking at the page; {@code null} name for the public. */
    public record Viewer(String name, Set<String> roles) {
        public static final Viewer ANONYMOUS = new Viewer(null, Set.of());

        public boolean loggedIn() {
            return name != null;
        }

        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    public Ui(Language language, String path, String alternatePath, MessageSource messages, LanguagePaths paths,
            CsrfToken csrf, Viewer viewer) {
        this(language, path, alternatePath, messages, paths, csrf, viewer, null);
    }

    /** With {@code notice}: the message key of a one-time notice from the previous request (a flash attribute). */
    public Ui(Language language, String path, String alternatePath, MessageSource messages, LanguagePaths paths,
            CsrfToken csrf, Viewer viewer, String notice) {
        this(language, path, alternatePath, messages, paths, csrf, viewer, notice, null);
    }

    /** With {@code demo}: whether the page is part of the demo (the banner at the top says so). */
    public Ui(Language language, String path, String alternatePath, MessageSource messages, LanguagePaths paths,
            CsrfToken csrf, Viewer viewer, String notice, DemoMode demo) {
        this.demo = demo;
        this.notice = notice;
        this.language = language;
        this.path = path;
        this.alternatePath = alternatePath;
        this.messages = messages;
        this.paths = paths;
        this.csrf = csrf;
        this.viewer = viewer;
    }

    public Language language() {
        return language;
    }

    public String lang() {
        return language.code();
    }

    public boolean en() {
        return language == Language.EN;
    }

    public String path() {
        return path;
    }

    /** The same page in the other language; null when the page has no translation. */
    public String alternatePath() {
        return alternatePath;
    }

    /** Whether the page exists in the other language (an untranslated news item does not). */
    public boolean hasAlternate() {
        return alternatePath != null;
    }

    /**
     * This page context with another address for the same page in the other language (e.g. a translation);
     * null when there is none, and the language switcher says so instead of leaving the page.
     */
    public Ui withAlternatePath(String alternate) {
        return new Ui(language, path, alternate, messages, paths, csrf, viewer, notice, demo);
    }

    public Language otherLanguage() {
        return language.other();
    }

    /** A text of the message bundle in the page's language. */
    public String t(String key, Object... args) {
        try {
            return messages.getMessage(key, args, language.locale());
        } catch (NoSuchMessageException missing) {
            return key;
        }
    }

    /**
     * A count message (a choice format on {0}) as a template for a script that counts in the browser: its
     * plural form with "{0}" where the number goes. The script takes {@code t(key, 1)} for exactly one.
     */
    public String countTemplate(String key) {
        String rendered = t(key, COUNT_PLACEHOLDER);
        return rendered.replace(NumberFormat.getIntegerInstance(language.locale()).format(COUNT_PLACEHOLDER), "{0}");
    }

    /** A link to a page in the page's language, given its Swedish path. */
    public String href(String svPath) {
        return paths.in(language, svPath);
    }

    /** The versioned address of a static file ({@code /css/site.css}), cached by browsers for a year ({@link StaticFiles}). */
    public String asset(String path) {
        return StaticFiles.url(path);
    }

    /** Picks the right one of a Swedish/English pair of content. */
    public String pick(String sv, String en) {
        return language.pick(sv, en);
    }

    public String money(long kronor) {
        return Sek.of(kronor).format(language);
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public Viewer viewer() {
        return viewer;
    }

    /** The message key of a notice such as "you are logged out", or null. */
    public String notice() {
        return notice;
    }

    /** In demo mode: every page carries the banner that says the data is invented. */
    public boolean demo() {
        return demo != null && demo.on();
    }

    /** In demo mode with the local mail catcher: e-mail is caught, not sent. */
    public boolean demoMailCaught() {
        return demo != null && demo.mailCaught();
    }
}

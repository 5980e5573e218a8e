package se.partnerskap.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import se.partnerskap.shared.Language;

/** The language of a request: from its path, or for error pages of unknown paths from the browser. */
public final class Languages {

    private static final List<Locale> SUPPORTED = List.of(Locale.of("sv"), Locale.of("en"));

    private Languages() {
    }

    public static Language of(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        Language byPath = Language.ofPath(path);
        if (byPath == Language.EN) {
            return byPath;
        }
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "sv".equals(lang)) {
            return Language.ofCode(lang);
        }
        if (errorUri != null) {
            return fromBrowser(request.getHeader("Accept-Language"));
        }
        return Language.SV;
    }

    static Language fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.SV;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale best = Locale.lookup(ranges, SUPPORTED);
            return best == null ? Language.SV : Language.of(best);
        } catch (IllegalArgumentException malformed) {
            return Language.SV;
        }
    }
}

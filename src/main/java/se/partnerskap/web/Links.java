package se.partnerskap.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.shared.Language;

/**
 * The one place that builds absolute links: every mail, the feeds, the sitemap and robots.txt, the
 * news pages' citations and og:url, the first administrator's link. They all start with
 * {@code partnerskap.base-url} ({@link PartnerskapProperties#baseUrl()}, without a trailing slash).
 * <p>
 * The base is resolved when a link is built, not when the application starts: tests give it as
 * {@code http://localhost:${local.server.port}}, a port known only once the server listens. A real
 * deployment's base has no placeholder, and resolving it changes nothing.
 */
@Component
public class Links {

    private final PartnerskapProperties properties;
    private final Environment environment;
    private final LanguagePaths paths;

    Links(PartnerskapProperties properties, Environment environment, LanguagePaths paths) {
        this.properties = properties;
        this.environment = environment;
        this.paths = paths;
    }

    /** The site's public address without a trailing slash, e.g. {@code https://partnerskap.example.org}. */
    public String base() {
        return environment.resolvePlaceholders(properties.baseUrl());
    }

    /** The absolute address of a path on this site ({@code "/nyheter"}); a path without its slash gets one. */
    public String absolute(String path) {
        if (path == null || path.isEmpty()) {
            return base();
        }
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The absolute address of a page in a language, given its Swedish and its English path. */
    public String absolute(Language language, String svPath, String enPath) {
        return absolute(language == Language.EN ? enPath : svPath);
    }

    /** The absolute address of a page in a language, given its Swedish path (translated as the language switcher does). */
    public String absolute(Language language, String svPath) {
        return absolute(paths.in(language, svPath));
    }

    /** An address as it is when it is absolute already (an image elsewhere), else on this site; null stays null. */
    public String absoluteOrAsIs(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.startsWith("/") ? absolute(url) : url;
    }
}

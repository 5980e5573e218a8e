package se.partnerskap.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The static files ({@code classpath:static/}: CSS and JavaScript) under versioned addresses: a page links
 * {@code /css/site.css} as {@link #url}{@code ("/css/site.css")}, which is {@code /css/site-<md5 of the content>.css}
 * (Spring's content version strategy, {@code spring.web.resources.chain.strategy.content.*}). A versioned address
 * never changes its content, so it is cached for a year and marked immutable
 * ({@code spring.web.resources.cache.cachecontrol.*}, plus {@code immutable} here); the plain address, which
 * changes with a release, is {@code no-cache} (kept, and asked again with its validators). Tomcat compresses
 * both (their ETag is weak).
 */
@Component
class StaticFiles extends OncePerRequestFilter {

    /** A file name with the content version before its extension: site-0123456789abcdef0123456789abcdef.css. */
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    private static volatile ResourceUrlProvider urls;
    private static final Map<String, String> VERSIONED_URLS = new ConcurrentHashMap<>();

    StaticFiles(ResourceUrlProvider mvcResourceUrlProvider) {
        urls = mvcResourceUrlProvider;
        VERSIONED_URLS.clear();
    }

    /** The versioned address of a static file, e.g. {@code /css/site.css} → {@code /css/site-<hash>.css}; the path itself if unknown. */
    public static String url(String path) {
        String known = VERSIONED_URLS.get(path);
        if (known != null) {
            return known;
        }
        ResourceUrlProvider provider = urls;
        String versioned = provider == null ? null : provider.getForLookupPath(path);
        if (versioned == null) {
            return path; // not (yet) known: the plain address works too
        }
        VERSIONED_URLS.put(path, versioned);
        return versioned;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/css/") && !path.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean versioned = VERSIONED.matcher(request.getRequestURI()).matches();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, cacheControl(name, value, versioned));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, cacheControl(name, value, versioned));
            }
        });
    }

    private static String cacheControl(String name, String value, boolean versioned) {
        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || value == null) {
            return value;
        }
        return versioned ? value + ", immutable" : "no-cache";
    }
}

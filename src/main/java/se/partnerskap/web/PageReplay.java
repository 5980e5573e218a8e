package se.partnerskap.web;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a cached public page ({@link RenderedPages}) to an anonymous visitor without going through
 * security, sessions, metrics and the dispatcher: the first anonymous GET of an address is answered by the
 * whole application, and its answer (status 200, the cached HTML, and the headers the application wrote,
 * security headers included) is kept; later GETs of the same address by a visitor without cookies get the
 * same bytes and headers again while the cached page is fresh (same content generation, before its
 * expiry on the application's clock), gzipped for a client that takes gzip, with the ETag of the encoding sent.
 * A conditional GET gets a 304 as from {@link RenderedPages}; a large page is sent as a file ({@link PageFiles}).
 * A request with any cookie (a session, a saved draft's token) always goes through the application. Runs after
 * {@link RequestIds} (a replayed page has its id too) and before the requests' observation ({@link RequestMetricsFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageReplay extends OncePerRequestFilter {

    /** Set by {@link RenderedPages} on a request whose answer is a cached anonymous page. */
    static final String ATTRIBUTE = PageReplay.class.getName() + ".entry";

    /**
     * What an answer wrote besides its body, kept to write it again; these vary per answer and are not kept
     * (the ETag and Content-Encoding follow the encoding each client takes, gzip or not).
     */
    private static final List<String> NOT_REPLAYED = List.of(HttpHeaders.DATE, HttpHeaders.SET_COOKIE,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, "Connection", "Keep-Alive", RequestIds.HEADER,
            HttpHeaders.ETAG, HttpHeaders.CONTENT_ENCODING);

    record Marked(String region, RenderedPages.Entry entry) {
    }

    private record Replay(String region, RenderedPages.Entry entry, List<String[]> headers) {
    }

    /** The counter of pages answered here, which the requests' observation does not see ({@link RequestMetricsFilter}). */
    static final String METRIC = "partnerskap.pages.replayed";

    private static final List<String> CONDITIONS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE,
            HttpHeaders.IF_MATCH, HttpHeaders.IF_UNMODIFIED_SINCE);

    private final RenderedPages pages;
    private final Clock clock;
    private final Counter replayed;
    private final PageFiles files;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    PageReplay(RenderedPages pages, Clock clock, MeterRegistry meters, PageFiles files) {
        this.pages = pages;
        this.clock = clock;
        this.files = files;
        this.replayed = Counter.builder(METRIC).description("Public pages answered from the cache before the application")
                .register(meters);
    }

    private static boolean conditional(HttpServletRequest request) {
        for (String header : CONDITIONS) {
            if (request.getHeader(header) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.COOKIE) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + "?" + request.getQueryString();
        Replay replay = replays.get(key);
        if (replay != null && pages.fresh(replay.region(), replay.entry(), clock.instant())) {
            for (String[] header : replay.headers()) {
                response.addHeader(header[0], header[1]);
            }
            boolean gzipped = RenderedPages.gzipped(request);
            response.setHeader(HttpHeaders.ETAG, replay.entry().etag(gzipped));
            replayed.increment();
            // only a conditional request is checked: Spring's check also parses the Last-Modified just written,
            // which was a fifth of the time of a replayed page
            if (!conditional(request) || !RenderedPages.notModified(request, response, replay.entry(), gzipped)) {
                if (gzipped) {
                    response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                }
                byte[] html = gzipped ? replay.entry().gzip() : replay.entry().html();
                response.setContentLength(html.length);
                if (!files.send(request, replay.entry().etag(gzipped), html)) {
                    response.getOutputStream().write(html);
                }
            }
            return;
        }
        chain.doFilter(request, response);
        if (request.getAttribute(ATTRIBUTE) instanceof Marked marked && response.getStatus() == 200
                && !response.containsHeader(HttpHeaders.SET_COOKIE)) {
            List<String[]> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (NOT_REPLAYED.stream().noneMatch(name::equalsIgnoreCase)) {
                    for (String value : response.getHeaders(name)) {
                        headers.add(new String[] {name, value});
                    }
                }
            }
            if (replays.size() >= RenderedPages.MAX_ENTRIES) {
                replays.clear();
            }
            replays.put(key, new Replay(marked.region(), marked.entry(), List.copyOf(headers)));
        }
    }
}

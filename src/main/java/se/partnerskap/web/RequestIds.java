package se.partnerskap.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A correlation id for every request: the proxy's {@code X-Request-Id} when it is a short id of safe
 * characters (nginx's {@code $request_id}, a UUID), otherwise a new UUID. It is sent back in the
 * response's {@code X-Request-Id} and is in the MDC as {@value #MDC_KEY} for every log line of the request
 * (plain and structured logs, docs/operations.md "Logs"). First of all filters, so that the session and
 * security filters' lines carry it too; an error page rendered after the request keeps the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Short, and nothing that could forge a log line or break a JSON or header value. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ATTRIBUTE = RequestIds.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String kept ? kept : of(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The container's error page for this request is logged under the same id. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String of(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A random (version 4) UUID from a fast generator: a correlation id must be unique, not unguessable, and
     * {@link UUID#randomUUID()}'s SecureRandom was a thirtieth of the time of a page answered from the cache.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}

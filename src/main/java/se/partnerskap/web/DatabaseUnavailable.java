package se.partnerskap.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.Set;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database is away or busy (no connection within the pool's timeout,
 * a statement or lock timeout, a connection lost) is answered here with the translated 503 page, "try
 * again in a moment". This filter sits outside Spring Session and Spring Security, so the answer needs
 * neither the session nor the database: the login session of a logged-in user cannot be looked up while
 * the database is down, and the container's error dispatch would try again (and wait again) before
 * showing its own untranslated page. The page is rendered for an anonymous viewer (who the user is
 * lives in that session); the language comes from the path. No stack trace is logged or shown.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** Seconds a client is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * PostgreSQL's SQL states of a database away or busy: connection exceptions (08), operator
     * intervention (57: statement timeout 57014, shutdown 57P01–57P03), insufficient resources (53: too
     * many connections), lock not available (55P03: lock timeout), serialization failure and deadlock.
     */
    private static final Set<String> STATE_PREFIXES = Set.of("08", "57", "53");
    private static final Set<String> STATES = Set.of("55P03", "40001", "40P01");

    /** The security headers of the failed answer are kept; where it had none yet, these strict ones. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin");

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final LanguagePaths paths;
    private final DemoMode demo;

    DatabaseUnavailable(TemplateEngine templates, MessageSource messages, LanguagePaths paths, DemoMode demo) {
        this.templates = templates;
        this.messages = messages;
        this.paths = paths;
        this.demo = demo;
    }

    /** Whether {@code failure} (or one of its causes) says the database is away or too busy to answer in time. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof PessimisticLockingFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException
                    // a commit or rollback that failed: the connection went away under the transaction
                    || t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (STATES.contains(state) || STATE_PREFIXES.contains(state.substring(0, Math.min(2, state.length())))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SessionLookupGuard.beginRequest();
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            answer(request, response);
        } finally {
            SessionLookupGuard.endRequest();
        }
    }

    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> kept = new java.util.LinkedHashMap<>(SECURITY_HEADERS);
        for (String name : SECURITY_HEADERS.keySet()) {
            if (response.getHeader(name) != null) {
                kept.put(name, response.getHeader(name));
            }
        }
        response.reset(); // what the failed answer had written (cookies, a download's headers) is not sent
        kept.forEach(response::setHeader);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        byte[] body;
        if (wantsJson(request)) {
            response.setContentType("application/json");
            body = "{\"status\":503,\"error\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            Ui ui = UiAdvice.anonymous(request, messages, paths, demo);
            Utf8ByteOutput output = new Utf8ByteOutput();
            templates.render("error.jte", Map.of("ui", ui, "status", 503, "kind", "503"), output);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(output.getContentLength());
            output.writeTo(bytes);
            body = bytes.toByteArray();
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestURI().startsWith("/api/")
                || accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

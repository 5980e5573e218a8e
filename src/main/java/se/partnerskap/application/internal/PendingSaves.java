package se.partnerskap.application.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import se.partnerskap.application.Answers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing typed is lost when the login session has expired (docs/autosave.md). A section form posted
 * with a session cookie whose session no longer exists would be refused by Spring Security (no CSRF
 * token in the session, no login). Before that, this filter keeps the posted fields in
 * {@code pending_save} under a random token, sets the token in a cookie and sends the browser back to
 * the section page, which asks for a login and then fills the form from the kept fields.
 * <p>
 * Only a request that carries a session cookie is kept: a form posted from another site does not
 * (the session cookie is SameSite=Lax), so nobody can plant answers in someone else's form.
 */
@Configuration(proxyBeanMethods = false)
class PendingSaves {

    static final String COOKIE = "PENDING_SAVE";
    static final Duration KEPT = Duration.ofDays(1);
    private static final Pattern SECTION_PATH = Pattern.compile(
            "/(ansokningar|en/applications)/[0-9a-fA-F-]{36}/[a-z-]{3,30}");
    private static final int MAX_FIELDS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    PendingSaves(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** The typed fields and the version they were based on. */
    record Pending(Answers answers, int version) {
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pendingSaveFilter() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (expiredSectionSave(request)) {
                    keep(request, response);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        bean.addUrlPatterns(ApplicationPaths.SV + "/*", ApplicationPaths.EN + "/*");
        // after Spring Session's filter (which tells whether the session exists), before Spring Security's
        bean.setOrder(-101);
        return bean;
    }

    private static boolean expiredSectionSave(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.startsWith("application/x-www-form-urlencoded")
                && SECTION_PATH.matcher(request.getRequestURI()).matches()
                && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    private void keep(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!"_csrf".equals(k) && fields.size() < MAX_FIELDS) {
                fields.put(k, List.of(v));
            }
        });
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM pending_save WHERE expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO pending_save (token, path, fields, created_at, expires_at) VALUES (?, ?, ?::jsonb, ?, ?)")
                .params(token, request.getRequestURI(), json.writeValueAsString(fields), Timestamp.from(now),
                        Timestamp.from(now.plus(KEPT))).update();
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        if (request.getHeader("HX-Request") != null) {
            // htmx: navigate the whole page (to the login, then back to the restored form)
            response.setHeader("HX-Redirect", request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getRequestURI());
        }
    }

    /** Takes (and removes) what was kept for {@code path} under {@code token}. */
    Optional<Pending> take(String token, String path) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("DELETE FROM pending_save WHERE token = ? AND path = ? AND expires_at > ? RETURNING fields::text")
                .params(token, path, Timestamp.from(clock.instant())).query(String.class).optional()
                .map(text -> json.readValue(text, new TypeReference<Map<String, List<String>>>() {
                }))
                .map(fields -> {
                    List<String> version = fields.getOrDefault("version", List.of("0"));
                    int v = version.isEmpty() || !version.getFirst().matches("\\d{1,9}") ? 0
                            : Integer.parseInt(version.getFirst());
                    return new Pending(new Answers(fields), v);
                });
    }

    static void forget(HttpServletResponse response) {
        Cookie cookie = new Cookie(COOKIE, "");
        cookie.setPath("/");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }
}

package se.partnerskap.application.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
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
import se.partnerskap.application.internal.Answers;
import se.partnerskap.identity.Memberships;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing typed is lost when the login session has expired (docs/autosave.md). A section form posted
 * with a session cookie whose session no longer exists would be refused by Spring Security (no CSRF
 * token in the session, no login). Before that, this filter keeps the posted fields in
 * {@code pending_save} under a random token, sets the token in a cookie and sends the browser back to
 * the section page, which asks for a login and then fills the form from the kept fields.
 * <p>
 * Only a request that carries the cookie of a real session that has expired is kept, and only for the
 * user whose session it was ({@link SessionOwners}) when that user may still edit the application:
 * a made-up cookie, another organisation's session or a form posted from another site (the session
 * cookie is SameSite=Lax) stores nothing and is sent to the login page. The fields are capped as a
 * normal save caps them, a session keeps at most one form per section and {@link #MAX_PER_SESSION} in
 * all, an application at most {@link #MAX_PER_APPLICATION}; rows expire after {@link #KEPT}
 * ({@link PendingSaveCleanup}).
 */
@Configuration(proxyBeanMethods = false)
class PendingSaves {

    static final String COOKIE = "PENDING_SAVE";
    static final Duration KEPT = Duration.ofDays(1);
    private static final Pattern SECTION_PATH = Pattern.compile(
            "/(ansokningar|en/applications)/([0-9a-fA-F-]{36})/[a-z-]{3,30}");
    private static final int MAX_FIELDS = 200;
    /** Values of one field (co-applicants, core areas): far more than any form has. */
    private static final int MAX_VALUES = 50;
    /** The longest answer a normal save takes (a round's own question, programme.RoundQuestionsAdmin). */
    static final int MAX_VALUE_LENGTH = 20_000;
    /** All fields together, as stored. */
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_PER_SESSION = 20;
    static final int MAX_PER_APPLICATION = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final SessionOwners owners;
    private final Memberships memberships;

    PendingSaves(JdbcClient jdbc, Clock clock, JsonMapper json, SessionOwners owners, Memberships memberships) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.owners = owners;
        this.memberships = memberships;
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
                    if (!keep(request, response)) {
                        toLogin(request, response);
                    }
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

    /** Keeps the posted form for the user whose expired session it was; false (nothing kept) otherwise. */
    private boolean keep(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = SECTION_PATH.matcher(request.getRequestURI());
        UUID applicationId = path.matches() ? uuid(path.group(2)) : null;
        String sessionId = request.getRequestedSessionId();
        Optional<UUID> owner = applicationId == null ? Optional.empty() : owners.ownerOf(sessionId);
        if (owner.isEmpty() || !mayEdit(owner.get(), applicationId)) {
            return false;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            if ("_csrf".equals(field.getKey())) {
                continue;
            }
            if (fields.size() >= MAX_FIELDS || field.getKey().length() > 100 || field.getValue().length > MAX_VALUES
                    || Arrays.stream(field.getValue()).anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
                return false;
            }
            fields.put(field.getKey(), List.of(field.getValue()));
        }
        String stored = json.writeValueAsString(fields);
        if (stored.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        String sessionHash = SessionOwners.hash(sessionId);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM pending_save WHERE expires_at < ?").param(Timestamp.from(now)).update();
        // a later post of the same section replaces the earlier one
        jdbc.sql("DELETE FROM pending_save WHERE session_hash = ? AND path = ?")
                .params(sessionHash, request.getRequestURI()).update();
        int ofSession = jdbc.sql("SELECT count(*) FROM pending_save WHERE session_hash = ?").param(sessionHash)
                .query(Integer.class).single();
        int ofApplication = jdbc.sql("SELECT count(*) FROM pending_save WHERE application_id = ?").param(applicationId)
                .query(Integer.class).single();
        if (ofSession >= MAX_PER_SESSION || ofApplication >= MAX_PER_APPLICATION) {
            return false;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO pending_save (token, path, fields, created_at, expires_at, session_hash, user_id, application_id)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                """).params(token, request.getRequestURI(), stored, Timestamp.from(now), Timestamp.from(now.plus(KEPT)),
                        sessionHash, owner.get(), applicationId).update();
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        redirect(request, response, request.getRequestURI());
        return true;
    }

    /** A draft of one of the user's organisations: what a normal save would let the user change. */
    private boolean mayEdit(UUID userId, UUID applicationId) {
        List<UUID> organisations = memberships.organisationsOf(userId);
        return !organisations.isEmpty() && jdbc.sql("""
                SELECT count(*) FROM application WHERE id = :id AND status = 'draft' AND lead_organisation_id IN (:orgs)
                """).param("id", applicationId).param("orgs", organisations)
                .query(Integer.class).single() > 0;
    }

    /** Nothing kept: the login page, as for any request of an expired session. */
    private static void toLogin(HttpServletRequest request, HttpServletResponse response) {
        boolean english = request.getRequestURI().startsWith(ApplicationPaths.EN);
        redirect(request, response, english ? "/en/login" : "/login");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String location) {
        if (request.getHeader("HX-Request") != null) {
            // htmx: navigate the whole page (to the login, then back to the restored form)
            response.setHeader("HX-Redirect", location);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", location);
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Takes (and removes) what was kept for {@code path} under {@code token} for {@code userId}. */
    Optional<Pending> take(String token, String path, UUID userId) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                DELETE FROM pending_save WHERE token = ? AND path = ? AND user_id = ? AND expires_at > ? RETURNING fields::text
                """).params(token, path, userId, Timestamp.from(clock.instant())).query(String.class).optional()
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

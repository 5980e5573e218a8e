package se.partnerskap.application.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.partnerskap.identity.SessionsEnded;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.shared.Sha256;

/**
 * Which user a login session belonged to, remembered beyond the session: Spring Session deletes an
 * expired session's row, and the rescue of a form posted after expiry ({@link PendingSaves}) must know
 * whose session it was. While an applicant uses the application pages, the session id's SHA-256 hash is
 * recorded with the user and kept {@link PendingSaves#KEPT} beyond the session's timeout (refreshed at
 * most every {@link #REFRESH}, so a long session costs one write per few minutes, not one per request).
 * The id itself is not stored: the table alone does not let anyone take a session over.
 */
@Configuration(proxyBeanMethods = false)
class SessionOwners {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final String SEEN = SessionOwners.class.getName() + ".seen";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration timeout;

    SessionOwners(JdbcClient jdbc, Clock clock, @Value("${spring.session.timeout:60m}") Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
    }

    static String hash(String sessionId) {
        return Sha256.hex(sessionId);
    }

    /** The user whose session {@code sessionId} was, while it is remembered. */
    Optional<UUID> ownerOf(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM session_owner WHERE session_hash = ? AND kept_until > ?")
                .params(hash(sessionId), Timestamp.from(clock.instant())).query(UUID.class).optional();
    }

    /**
     * The user's sessions were ended on purpose (disabled, password reset or changed, a role taken away):
     * a form posted with one of them afterwards is no longer the owner's, so it must not be kept for them.
     * In the ending transaction, so both happen or neither.
     */
    @EventListener
    void forget(SessionsEnded ended) {
        jdbc.sql("DELETE FROM session_owner WHERE user_id = ?").param(ended.userId()).update();
    }

    /** Records the signed-in user of the current session, once per session id and {@link #REFRESH}. */
    private void seen(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || auth == null || !(auth.getPrincipal() instanceof SignedIn me)) {
            return;
        }
        Instant now = clock.instant();
        String id = session.getId();
        // the attribute survives the id change at login; the id in it tells that the id changed. It holds the
        // session's own id (inside the session, where the id is anyway), so that the hash — 1 % of an
        // autosave's CPU — is computed only when the row is written
        if (session.getAttribute(SEEN) instanceof String s && s.startsWith(id + "|")
                && Instant.ofEpochSecond(Long.parseLong(s.substring(id.length() + 1))).plus(REFRESH).isAfter(now)) {
            return;
        }
        String hash = hash(id);
        jdbc.sql("""
                INSERT INTO session_owner (session_hash, user_id, seen_at, kept_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_hash) DO UPDATE SET seen_at = EXCLUDED.seen_at, kept_until = EXCLUDED.kept_until
                WHERE session_owner.user_id = EXCLUDED.user_id
                """).params(hash, me.userId(), Timestamp.from(now), Timestamp.from(now.plus(timeout).plus(PendingSaves.KEPT)))
                .update();
        session.setAttribute(SEEN, id + "|" + now.getEpochSecond());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionOwnerFilter() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                seen(request);
                chain.doFilter(request, response);
            }
        });
        bean.addUrlPatterns(ApplicationPaths.SV, ApplicationPaths.SV + "/*", ApplicationPaths.EN, ApplicationPaths.EN + "/*");
        // after Spring Security's filter (-100), which tells who is signed in
        bean.setOrder(-50);
        return bean;
    }
}

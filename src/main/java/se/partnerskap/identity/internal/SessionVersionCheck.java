package se.partnerskap.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each authenticated request asks the database whether its login still holds: the account is enabled
 * and its session version is the one this session was opened with (one lookup by primary key). If not,
 * the session ends here and the request goes on as anonymous: a protected page sends it to the login
 * page. Anonymous requests and static resources cost nothing. Registered inside the security filter
 * chain only (not a bean, so not a servlet filter of its own).
 */
final class SessionVersionCheck extends OncePerRequestFilter {

    private final SessionEnds sessions;

    SessionVersionCheck(SessionEnds sessions) {
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof VersionedLogin login) {
            HttpSession session = request.getSession(false);
            if (!sessions.valid(login.userId(), SessionEnds.expected(session, login))) {
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}

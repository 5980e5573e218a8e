package se.partnerskap.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.partnerskap.identity.SignedIn;

/**
 * The logged-in user's account id in the MDC as {@value #MDC_KEY} for every log line the request writes
 * after the security filters (controllers, services, the error page). The account id only, never the
 * e-mail address or the name: logs hold no personal data. Right after Spring Security's filter chain,
 * where the session's login is known and has passed {@link SessionVersionCheck}.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class SignedInLogging extends OncePerRequestFilter {

    static final String MDC_KEY = "userId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof SignedIn user)) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(MDC_KEY, user.userId().toString());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The container's error page for the request is logged with the user too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}

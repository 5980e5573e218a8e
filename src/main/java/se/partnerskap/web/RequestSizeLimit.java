package se.partnerskap.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.partnerskap.platform.PartnerskapProperties;

/**
 * Refuses an upload larger than the multipart limit before anything reads it (Spring Security reads
 * form parameters early, and the container's own refusal is an untranslated page): the answer is our
 * translated 413 page, and nothing is stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(PartnerskapProperties properties) {
        this.maxBytes = properties.upload().maxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/") && request.getContentLengthLong() > maxBytes) {
            request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            request.getRequestDispatcher("/error").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}

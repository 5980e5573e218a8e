package se.partnerskap.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The same 503 page as {@link DatabaseUnavailable} for a database failure inside a controller, answered
 * before Spring MVC's own resolvers see it: those take a failure whose cause says "connection reset by peer"
 * or is an {@code EOFException} (as a database connection cut by the network does) for a browser that went
 * away, and end the request with an empty 200.
 */
@Component
class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final DatabaseUnavailable pages;

    DatabaseUnavailableResolver(DatabaseUnavailable pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
            return null;
        }
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
        try {
            pages.answer(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView(); // answered
    }

    @Override
    public int getOrder() {
        // after Spring Boot's DefaultErrorAttributes (which only records the failure), before everything else
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

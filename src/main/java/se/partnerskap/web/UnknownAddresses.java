package se.partnerskap.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * An address whose path names something by an identifier that cannot be one ({@code /ansokningar/abc} where
 * a UUID belongs) is an address that does not exist: 404 with the error page, as for a record that is not
 * there or not the viewer's, so that controllers declare {@code @PathVariable UUID id} and parse nothing
 * themselves. A query parameter of the wrong type stays a bad request (400).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddresses {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void unreadable(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        response.sendError(inPath ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
    }
}

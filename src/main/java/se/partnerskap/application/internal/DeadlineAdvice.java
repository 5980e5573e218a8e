package se.partnerskap.application.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import se.partnerskap.application.internal.DeadlinePassedException;

/**
 * A change to a draft after the deadline (a section save, an attachment) ends on a page that says
 * the draft is now read-only (409), in the language of the request, instead of an error.
 */
@ControllerAdvice
class DeadlineAdvice {

    @ExceptionHandler(DeadlinePassedException.class)
    String deadlinePassed(DeadlinePassedException e, HttpServletRequest request) {
        boolean en = request.getRequestURI().startsWith("/en/");
        return "forward:" + (en ? "/en/applications/" + e.applicationId() + "/closed"
                : "/ansokningar/" + e.applicationId() + "/stangd");
    }
}

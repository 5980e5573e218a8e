package se.partnerskap.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Every error is a page in the user's language with the right status, never a stack trace. */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;
    private final LanguagePaths paths;
    private final DemoMode demo;

    ErrorPages(MessageSource messages, LanguagePaths paths, DemoMode demo) {
        this.messages = messages;
        this.paths = paths;
        this.demo = demo;
    }

    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", status.getReasonPhrase()));
    }

    @RequestMapping("/error")
    ModelAndView html(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        Ui ui = UiAdvice.build(request, messages, paths, demo);
        String kind = switch (status.value()) {
            case 400, 403, 404, 405, 409, 410, 413, 429, 503 -> String.valueOf(status.value());
            default -> status.is4xxClientError() ? "400" : "500";
        };
        ModelAndView mav = new ModelAndView("error", Map.of("ui", ui, "status", status.value(), "kind", kind));
        mav.setStatus(status);
        return mav;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}

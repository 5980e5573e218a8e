package se.partnerskap.web;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import se.partnerskap.shared.Language;

/** Puts the page context {@code ui} into every model. */
@ControllerAdvice
class UiAdvice {

    private final MessageSource messages;
    private final LanguagePaths paths;
    private final DemoMode demo;

    UiAdvice(MessageSource messages, LanguagePaths paths, DemoMode demo) {
        this.messages = messages;
        this.paths = paths;
        this.demo = demo;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request) {
        return build(request, messages, paths, demo);
    }

    static Ui build(HttpServletRequest request, MessageSource messages, LanguagePaths paths, DemoMode demo) {
        Language language = Languages.of(request);
        Object errorUri = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String alternate = errorUri != null
                ? (language == Language.SV ? "/en" : "/")
                : paths.alternate(path, language.other());
        if (request.getQueryString() != null && errorUri == null) {
            alternate = alternate + "?" + request.getQueryString();
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        String notice = flash != null && flash.get("notice") instanceof String key ? key : null;
        return new Ui(language, path, alternate, messages, paths, csrf, viewer(), notice, demo);
    }

    /**
     * The page context for an answer given outside Spring Security and Spring Session (the database is
     * away, so who is logged in cannot be known): an anonymous viewer, the language of the path.
     */
    static Ui anonymous(HttpServletRequest request, MessageSource messages, LanguagePaths paths, DemoMode demo) {
        Language language = Languages.of(request);
        String alternate = language == Language.SV ? "/en" : "/";
        return new Ui(language, request.getRequestURI(), alternate, messages, paths, null, Ui.Viewer.ANONYMOUS, null, demo);
    }

    static Ui.Viewer viewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Ui.Viewer.ANONYMOUS;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        String name = auth.getPrincipal() instanceof DisplayNamed named ? named.displayName() : auth.getName();
        return new Ui.Viewer(name, roles);
    }
}

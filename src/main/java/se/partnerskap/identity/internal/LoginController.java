package se.partnerskap.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.identity.internal.IdentityViews.LoginPage;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** The login page. The form posts to /login (Spring Security); a failure is rendered here with its status. */
@Controller
class LoginController {

    static final String FAILURE = LoginController.class.getName() + ".failure";

    private final boolean oidc;

    LoginController(PartnerskapProperties properties) {
        this.oidc = properties.oidc().enabled();
    }

    @GetMapping({"/login", "/en/login"})
    String login(Ui ui, @RequestParam(name = "oidc", required = false) String oidcError, Model model) {
        String error = oidcError == null ? null
                : "unknown".equals(oidcError) ? "identity.login.error.oidcUnknown" : "identity.login.error.oidcFailed";
        model.addAttribute("page", page(ui, "", error, null));
        return "identity/login";
    }

    /** Where Spring Security forwards a failed login: the same page, what was typed, the reason, the status. */
    @RequestMapping("/login/failed")
    String failed(Ui ui, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(FAILURE) instanceof AuthenticationException failure)) {
            return "redirect:" + SecurityConfiguration.loginPath(ui.language());
        }
        String email = request.getParameter("email");
        if (failure instanceof LoginRefusedException refused) {
            response.setStatus(429);
            model.addAttribute("page", page(ui, email, refused.refusal().scope().messageKey,
                    StockholmTime.dateTime(refused.refusal().until(), ui.language())));
        } else {
            response.setStatus(401);
            model.addAttribute("page", page(ui, email, "identity.login.error.bad", null));
        }
        return "identity/login";
    }

    /** Starts the OpenID Connect login, remembering the language to come back to. */
    @GetMapping("/login/oidc")
    String startOidc(@RequestParam(name = "lang", defaultValue = "sv") String lang, HttpSession session) {
        if (!oidc) {
            throw new NotFoundException();
        }
        session.setAttribute(OidcLogin.LANGUAGE, Language.ofCode(lang).code());
        return "redirect:/oauth2/authorization/oidc";
    }

    private LoginPage page(Ui ui, String email, String error, String errorArg) {
        return new LoginPage(email == null ? "" : email, error, errorArg, oidc, "/login/oidc?lang=" + ui.lang());
    }
}

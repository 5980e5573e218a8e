package se.partnerskap.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.identity.internal.IdentityViews.RegistrationPage;
import se.partnerskap.platform.MailLimits;
import se.partnerskap.web.Ui;

/**
 * Create an account: name and e-mail address; the link in the mail confirms the address and sets the password
 * ({@link InvitationController}). The page after it says the same whether or not the address has an account.
 */
@Controller
class RegistrationController {

    private final Registrations registrations;
    private final MailLimits mailLimits;

    RegistrationController(Registrations registrations, MailLimits mailLimits) {
        this.registrations = registrations;
        this.mailLimits = mailLimits;
    }

    @GetMapping({"/registrera", "/en/register"})
    String form(Ui ui, @AuthenticationPrincipal SignedIn me, Model model) {
        if (me != null) {
            return "redirect:" + ui.href("/konto"); // logged in: there is an account already
        }
        model.addAttribute("page", new RegistrationPage("", "", new FormErrors()));
        return "identity/register";
    }

    @PostMapping({"/registrera", "/en/register"})
    String register(Ui ui, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors().personName("name", name).emailAddress("email", email);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("page", new RegistrationPage(email, name, errors));
            return "identity/register";
        }
        if (mailLimits.allow("registration", email, request.getRemoteAddr())) {
            registrations.register(email, name, ui.language());
        }
        redirect.addFlashAttribute("registeredEmail", email.strip());
        return "redirect:" + ui.href("/registrera/skickat");
    }

    @GetMapping({"/registrera/skickat", "/en/register/sent"})
    String sent(Model model) {
        if (!model.containsAttribute("registeredEmail")) {
            model.addAttribute("registeredEmail", "");
        }
        return "identity/register-sent";
    }
}

package se.partnerskap.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.internal.IdentityViews.ForgotPage;
import se.partnerskap.identity.internal.IdentityViews.ResetPage;
import se.partnerskap.platform.MailLimits;
import se.partnerskap.web.Ui;

/**
 * Forgotten password: the answer is the same whether or not the e-mail has an account, so nobody can
 * find out who has one. The link in the mail is valid for an hour, once. Reset mail is limited per
 * recipient and per client address ({@link MailLimits}); over the limit the answer is the same, but no
 * mail goes out.
 */
@Controller
class PasswordResetController {

    private final Accounts accounts;
    private final MailLimits mailLimits;
    private final LoginLimits loginLimits;

    PasswordResetController(Accounts accounts, MailLimits mailLimits, LoginLimits loginLimits) {
        this.accounts = accounts;
        this.mailLimits = mailLimits;
        this.loginLimits = loginLimits;
    }

    @GetMapping({"/glomt-losenord", "/en/forgot-password"})
    String forgotForm(Model model) {
        model.addAttribute("page", new ForgotPage("", new FormErrors()));
        return "identity/forgot-password";
    }

    @PostMapping({"/glomt-losenord", "/en/forgot-password"})
    String forgot(Ui ui, @RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (email.isBlank() || email.length() > 254) {
            response.setStatus(400);
            model.addAttribute("page", new ForgotPage(email, new FormErrors().add("email",
                    email.isBlank() ? "identity.error.email.missing" : "identity.error.email.invalid")));
            return "identity/forgot-password";
        }
        if (mailLimits.allow("password-reset", email, request.getRemoteAddr())) {
            accounts.requestReset(email, ui.lang());
        }
        redirect.addFlashAttribute("notice", "identity.notice.resetSent");
        return "redirect:" + ui.href("/glomt-losenord");
    }

    @GetMapping({"/aterstall-losenord/{token}", "/en/reset-password/{token}"})
    String resetForm(@PathVariable String token, Model model) {
        Account account = accounts.resetLink(token);
        model.addAttribute("page", new ResetPage(token, account.email(), new FormErrors()));
        return "identity/reset-password";
    }

    @PostMapping({"/aterstall-losenord/{token}", "/en/reset-password/{token}"})
    String reset(Ui ui, @PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Account account = accounts.resetLink(token);
        FormErrors errors = new FormErrors().newPassword("password", password, "repeat", repeat);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("page", new ResetPage(token, account.email(), errors));
            return "identity/reset-password";
        }
        accounts.resetPassword(token, password);
        // the link proved the mailbox: this device may log in even while the account is limited elsewhere
        loginLimits.remember(account.email(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "identity.notice.passwordReset");
        return "redirect:" + ui.href("/login");
    }
}

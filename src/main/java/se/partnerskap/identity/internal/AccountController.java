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
import se.partnerskap.identity.internal.IdentityViews.AccountPage;
import se.partnerskap.registry.Registry;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** My account: who I am, my roles and organisations, my password and my language. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final Registry registry;
    private final SessionEnds sessions;

    AccountController(Accounts accounts, Registry registry, SessionEnds sessions) {
        this.accounts = accounts;
        this.registry = registry;
        this.sessions = sessions;
    }

    @GetMapping({"/konto", "/en/account"})
    String account(Ui ui, @AuthenticationPrincipal SignedIn me, Model model) {
        return page(me, new FormErrors(), model);
    }

    @PostMapping({"/konto/losenord", "/en/account/password"})
    String changePassword(Ui ui, @AuthenticationPrincipal SignedIn me,
            @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        if (current.isEmpty()) {
            errors.add("current", "identity.error.current.missing");
        }
        errors.newPassword("password", password, "repeat", repeat);
        if (!errors.any() && PasswordPolicy.tooLongForTheHash(current)) {
            errors.add("current", "identity.error.current.wrong"); // no password is that long; bcrypt would compare 72 bytes only
        }
        if (!errors.any() && !accounts.changePassword(me.userId(), current, password)) {
            errors.add("current", "identity.error.current.wrong");
        }
        if (errors.any()) {
            response.setStatus(400);
            return page(me, errors, model);
        }
        // every other session ends; this one stays, under a new id
        sessions.keepOnly(request, me.userId(), me.email());
        redirect.addFlashAttribute("notice", "identity.notice.passwordChanged");
        return "redirect:" + ui.href("/konto");
    }

    @PostMapping({"/konto/sprak", "/en/account/language"})
    String changeLanguage(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String language,
            RedirectAttributes redirect) {
        if (!language.equals("sv") && !language.equals("en")) {
            language = "sv";
        }
        accounts.changeLanguage(me.userId(), language);
        redirect.addFlashAttribute("notice", "identity.notice.languageChanged");
        return "redirect:" + (language.equals("en") ? "/en/account" : "/konto");
    }

    private String page(SignedIn me, FormErrors errors, Model model) {
        Account a = accounts.byId(me.userId()).orElseThrow(NotFoundException::new);
        model.addAttribute("page", new AccountPage(a.displayName(), a.email(),
                a.roles().stream().sorted().toList(), registry.swedishOrganisations(a.organisations()), a.language(),
                a.passwordHash() != null, errors));
        return "identity/account";
    }
}

package se.partnerskap.identity.internal;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.internal.IdentityViews.FirstAdministratorPage;
import se.partnerskap.web.Ui;

/** The one-time set-up link of a real deployment: the first administrator's e-mail, name and password. */
@Controller
class FirstAdministratorController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final FirstAdministrator firstAdministrator;

    FirstAdministratorController(FirstAdministrator firstAdministrator) {
        this.firstAdministrator = firstAdministrator;
    }

    @GetMapping({"/installation/{token}", "/en/setup/{token}"})
    String show(@PathVariable String token, Model model) {
        firstAdministrator.check(token);
        return page(new FirstAdministratorPage(token, "", "", new FormErrors()), model);
    }

    @PostMapping({"/installation/{token}", "/en/setup/{token}"})
    String create(Ui ui, @PathVariable String token, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        firstAdministrator.check(token);
        FormErrors errors = new FormErrors();
        String typedEmail = email.strip();
        if (typedEmail.isEmpty()) {
            errors.add("email", "identity.error.email.missing");
        } else if (typedEmail.length() > 254 || !EMAIL.matcher(typedEmail).matches()) {
            errors.add("email", "identity.error.email.invalid");
        }
        errors.personName("name", name);
        errors.newPassword("password", password, "repeat", repeat);
        if (!errors.any()) {
            try {
                firstAdministrator.create(token, typedEmail, name, password, ui.lang());
                redirect.addFlashAttribute("notice", "identity.notice.firstAdministrator");
                return "redirect:" + ui.href("/login");
            } catch (Accounts.EmailTaken taken) {
                errors.add("email", "identity.error.email.taken");
            }
        }
        response.setStatus(400);
        return page(new FirstAdministratorPage(token, email, name, errors), model);
    }

    private static String page(FirstAdministratorPage page, Model model) {
        model.addAttribute("page", page);
        return "identity/first-administrator";
    }
}

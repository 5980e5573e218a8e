package se.partnerskap.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.internal.IdentityViews.InvitationPage;
import se.partnerskap.web.Ui;

/**
 * The invitation link: shows who invited whom for which organisations; sets name and password once. A
 * registration's link ({@link Registrations}) is the same page under its own address: it confirms the address
 * the link was mailed to.
 */
@Controller
class InvitationController {

    private final Accounts accounts;

    InvitationController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping({"/inbjudan/{token}", "/en/invitation/{token}", "/registrera/{token}", "/en/register/{token}"})
    String show(@PathVariable String token, Model model) {
        Accounts.PendingInvitation pending = accounts.invitation(token);
        return page(token, pending, pending.invitee().displayName(), new FormErrors(), model);
    }

    @PostMapping({"/inbjudan/{token}", "/en/invitation/{token}", "/registrera/{token}", "/en/register/{token}"})
    String accept(Ui ui, @PathVariable String token, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Accounts.PendingInvitation pending = accounts.invitation(token);
        FormErrors errors = new FormErrors().personName("name", name);
        errors.newPassword("password", password, "repeat", repeat);
        if (errors.any()) {
            response.setStatus(400);
            return page(token, pending, name, errors, model);
        }
        accounts.accept(token, name, password);
        redirect.addFlashAttribute("notice", "identity.notice.invitationAccepted");
        return "redirect:" + ui.href("/login");
    }

    private String page(String token, Accounts.PendingInvitation pending, String name, FormErrors errors, Model model) {
        model.addAttribute("page", new InvitationPage(token, pending.invitee().email(), pending.invitedBy(),
                pending.organisations(), name, pending.registration(), errors));
        return "identity/invitation";
    }
}

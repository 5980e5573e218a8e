package se.partnerskap.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.Role;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.identity.internal.IdentityViews.UserForm;
import se.partnerskap.identity.internal.IdentityViews.UserFormPage;
import se.partnerskap.identity.internal.IdentityViews.UserRow;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** Administrators list users, invite new ones, and change roles, organisations and whether they may log in. */
@Controller
@Secured("ROLE_ADMINISTRATOR")
class UserAdminController {

    private final Accounts accounts;
    private final Registry registry;
    private final UserFormCheck check;

    UserAdminController(Accounts accounts, Registry registry, UserFormCheck check) {
        this.accounts = accounts;
        this.registry = registry;
        this.check = check;
    }

    @GetMapping({"/admin/anvandare", "/en/admin/users"})
    String list(Model model) {
        Map<UUID, String> names = registry.swedishOrganisations().stream()
                .collect(Collectors.toMap(SwedishOrganisation::id, SwedishOrganisation::name));
        model.addAttribute("users", accounts.all().stream()
                .map(a -> new UserRow(a.id(), a.displayName(), a.email(), a.roles().stream().sorted().toList(),
                        a.organisations().stream().map(names::get).sorted().toList(), a.status()))
                .toList());
        return "identity/users";
    }

    @GetMapping({"/admin/anvandare/bjud-in", "/en/admin/users/invite"})
    String inviteForm(Ui ui, Model model) {
        return formPage(new UserForm(null, "", "", ui.lang(), Set.of(), Set.of(), true, new FormErrors()), false, model);
    }

    @PostMapping({"/admin/anvandare/bjud-in", "/en/admin/users/invite"})
    String invite(Ui ui, @AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "sv") String language,
            @RequestParam(name = "roles", required = false) List<String> roleNames,
            @RequestParam(name = "organisations", required = false) List<String> organisationIds,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        UserForm form = check.invitation(email, name, language, roleNames, organisationIds);
        FormErrors errors = form.errors();
        if (!errors.any()) {
            try {
                accounts.invite(me(me), new Accounts.Invite(email.strip(), name, form.language(), form.roles(),
                        form.organisations()));
                redirect.addFlashAttribute("notice", "identity.notice.invited");
                return "redirect:" + ui.href("/admin/anvandare");
            } catch (Accounts.EmailTaken raced) {
                errors.add("email", "identity.error.email.taken");
            }
        }
        response.setStatus(400);
        return formPage(form, false, model);
    }

    @GetMapping({"/admin/anvandare/{id}", "/en/admin/users/{id}"})
    String editForm(@PathVariable UUID id, Model model) {
        Account a = accounts.byId(id).orElseThrow(NotFoundException::new);
        return formPage(new UserForm(a.id(), a.email(), a.displayName(), a.language(), a.roles(), a.organisations(),
                a.enabled(), new FormErrors()), true, model);
    }

    @PostMapping({"/admin/anvandare/{id}", "/en/admin/users/{id}"})
    String edit(Ui ui, @AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @RequestParam(name = "roles", required = false) List<String> roleNames,
            @RequestParam(name = "organisations", required = false) List<String> organisationIds,
            @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Account a = accounts.byId(id).orElseThrow(NotFoundException::new);
        UserForm form = check.change(a, me.userId(), roleNames, organisationIds, enabled);
        FormErrors errors = form.errors();
        if (!errors.any()) {
            try {
                accounts.update(me(me), a.id(), form.roles(), form.organisations(), enabled);
                redirect.addFlashAttribute("notice", "identity.notice.userSaved");
                return "redirect:" + ui.href("/admin/anvandare");
            } catch (Accounts.CannotDemoteSelf e) {
                errors.add("roles", "identity.error.roles.ownAdmin");
            }
        }
        response.setStatus(400);
        return formPage(form, true, model);
    }

    private Account me(SignedIn me) {
        return accounts.byId(me.userId()).orElseThrow(NotFoundException::new);
    }

    private String formPage(UserForm form, boolean editing, Model model) {
        model.addAttribute("page", new UserFormPage(form, List.of(Role.values()), registry.swedishOrganisations(),
                editing));
        return editing ? "identity/user-edit" : "identity/user-invite";
    }
}

package se.partnerskap.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
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
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UserAdminController {


    private final Accounts accounts;
    private final Registry registry;

    UserAdminController(Accounts accounts, Registry registry) {
        this.accounts = accounts;
        this.registry = registry;
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
        FormErrors errors = new FormErrors();
        String typedEmail = email.strip();
        if (typedEmail.isEmpty()) {
            errors.add("email", "identity.error.email.missing");
        } else if (!se.partnerskap.shared.EmailAddress.isValid(typedEmail)) {
            errors.add("email", "identity.error.email.invalid");
        } else if (accounts.byEmail(typedEmail).isPresent()) {
            errors.add("email", "identity.error.email.taken");
        }
        if (name.isBlank()) {
            errors.add("name", "identity.error.name.missing");
        } else if (name.length() > 200) {
            errors.add("name", "identity.error.name.long");
        }
        String lang = "en".equals(language) ? "en" : "sv";
        Set<Role> roles = roles(roleNames);
        Set<UUID> organisations = organisations(organisationIds, errors);
        checkRolesAndOrganisations(roles, organisations, errors);
        UserForm form = new UserForm(null, email, name, lang, roles, organisations, true, errors);
        if (!errors.any()) {
            try {
                accounts.invite(me(me), new Accounts.Invite(typedEmail, name, lang, roles, organisations));
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
        FormErrors errors = new FormErrors();
        Set<Role> roles = roles(roleNames);
        Set<UUID> organisations = organisations(organisationIds, errors);
        checkRolesAndOrganisations(roles, organisations, errors);
        if (a.id().equals(me.userId()) && !roles.contains(Role.ADMINISTRATOR)) {
            errors.add("roles", "identity.error.roles.ownAdmin");
        }
        if (a.id().equals(me.userId()) && !enabled) {
            errors.add("enabled", "identity.error.enabled.self");
        }
        if (!errors.any()) {
            try {
                accounts.update(me(me), a.id(), roles, organisations, enabled);
                redirect.addFlashAttribute("notice", "identity.notice.userSaved");
                return "redirect:" + ui.href("/admin/anvandare");
            } catch (Accounts.CannotDemoteSelf e) {
                errors.add("roles", "identity.error.roles.ownAdmin");
            }
        }
        response.setStatus(400);
        return formPage(new UserForm(a.id(), a.email(), a.displayName(), a.language(), roles, organisations, enabled,
                errors), true, model);
    }

    private Account me(SignedIn me) {
        return accounts.byId(me.userId()).orElseThrow(NotFoundException::new);
    }

    private String formPage(UserForm form, boolean editing, Model model) {
        model.addAttribute("page", new UserFormPage(form, List.of(Role.values()), registry.swedishOrganisations(),
                editing));
        return editing ? "identity/user-edit" : "identity/user-invite";
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String n : names) {
                for (Role r : Role.values()) {
                    if (r.name().equals(n)) {
                        roles.add(r);
                    }
                }
            }
        }
        return roles;
    }

    private Set<UUID> organisations(List<String> ids, FormErrors errors) {
        Set<UUID> out = new LinkedHashSet<>();
        if (ids == null) {
            return out;
        }
        Set<UUID> known = registry.swedishOrganisations().stream().map(SwedishOrganisation::id)
                .collect(Collectors.toSet());
        for (String id : ids) {
            if (id.isBlank()) {
                continue;
            }
            UUID u = parse(id);
            if (u == null || !known.contains(u)) {
                errors.add("organisations", "identity.error.organisations.unknown");
            } else {
                out.add(u);
            }
        }
        return out;
    }

    private static void checkRolesAndOrganisations(Set<Role> roles, Set<UUID> organisations, FormErrors errors) {
        if (roles.isEmpty()) {
            errors.add("roles", "identity.error.roles.missing");
        }
        if (roles.contains(Role.APPLICANT) && organisations.isEmpty()) {
            errors.add("organisations", "identity.error.organisations.missing");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

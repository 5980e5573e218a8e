package se.partnerskap.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.partnerskap.identity.Role;
import se.partnerskap.identity.internal.IdentityViews.UserForm;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.EmailAddress;

/**
 * The checks of the user administration's forms: an invitation (e-mail address, name, language, roles and
 * organisations) and a change of roles, organisations and login, with an error next to each field.
 * An applicant needs an organisation; an administrator cannot take away their own role or login.
 */
@Component
class UserFormCheck {

    private final Accounts accounts;
    private final Registry registry;

    UserFormCheck(Accounts accounts, Registry registry) {
        this.accounts = accounts;
        this.registry = registry;
    }

    /** An invitation as typed, with what is wrong with it (an address already in use, too). */
    UserForm invitation(String email, String name, String language, List<String> roleNames, List<String> organisationIds) {
        FormErrors errors = new FormErrors();
        String typedEmail = email.strip();
        if (typedEmail.isEmpty()) {
            errors.add("email", "identity.error.email.missing");
        } else if (!EmailAddress.isValid(typedEmail)) {
            errors.add("email", "identity.error.email.invalid");
        } else if (accounts.byEmail(typedEmail).isPresent()) {
            errors.add("email", "identity.error.email.taken");
        }
        errors.personName("name", name);
        String lang = "en".equals(language) ? "en" : "sv";
        Set<Role> roles = roles(roleNames);
        Set<UUID> organisations = organisations(organisationIds, errors);
        checkRolesAndOrganisations(roles, organisations, errors);
        return new UserForm(null, email, name, lang, roles, organisations, true, errors);
    }

    /** A change of {@code account} by the administrator {@code by}, with what is wrong with it. */
    UserForm change(Account account, UUID by, List<String> roleNames, List<String> organisationIds, boolean enabled) {
        FormErrors errors = new FormErrors();
        Set<Role> roles = roles(roleNames);
        Set<UUID> organisations = organisations(organisationIds, errors);
        checkRolesAndOrganisations(roles, organisations, errors);
        if (account.id().equals(by) && !roles.contains(Role.ADMINISTRATOR)) {
            errors.add("roles", "identity.error.roles.ownAdmin");
        }
        if (account.id().equals(by) && !enabled) {
            errors.add("enabled", "identity.error.enabled.self");
        }
        return new UserForm(account.id(), account.email(), account.displayName(), account.language(), roles,
                organisations, enabled, errors);
    }

    static Set<Role> roles(List<String> names) {
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

package se.partnerskap.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.partnerskap.identity.Role;
import se.partnerskap.registry.SwedishOrganisation;

/** The view models of the identity pages: made for the page, never an entity. */
public final class IdentityViews {

    private IdentityViews() {
    }

    /** The login page; {@code error} is a message key, {@code errorArg} its argument (the unlock time). */
    public record LoginPage(String email, String error, String errorArg, boolean oidc, String oidcHref) {
    }

    public record AccountPage(String name, String email, List<Role> roles, List<SwedishOrganisation> organisations,
            String language, boolean hasPassword, FormErrors errors) {
    }

    public record UserRow(UUID id, String name, String email, List<Role> roles, List<String> organisations,
            Account.Status status) {
    }

    /** The invite form and the edit form share this: what was typed, and the errors. */
    public record UserForm(UUID id, String email, String name, String language, Set<Role> roles,
            Set<UUID> organisations, boolean enabled, FormErrors errors) {
        public boolean has(Role role) {
            return roles.contains(role);
        }

        public boolean member(UUID organisation) {
            return organisations.contains(organisation);
        }
    }

    public record UserFormPage(UserForm form, List<Role> allRoles, List<SwedishOrganisation> allOrganisations,
            boolean editing) {
    }

    /** The page of an invitation's link, or of a registration's (which confirms the address it was sent to). */
    public record InvitationPage(String token, String email, String invitedBy, List<SwedishOrganisation> organisations,
            String name, boolean registration, FormErrors errors) {

        /** Where the form posts: the address the link came by. */
        public String action() {
            return (registration ? "/registrera/" : "/inbjudan/") + token;
        }
    }

    public record RegistrationPage(String email, String name, FormErrors errors) {
    }

    /** My organisations, my requests to join one, and the form to ask. */
    public record OrganisationsPage(List<SwedishOrganisation> mine, List<MembershipRequests.Request> requests,
            List<SwedishOrganisation> all, String organisation, String message, int waitingForMe, FormErrors errors) {
    }

    /** The open requests to join the organisations I may answer for. */
    public record RequestsPage(List<MembershipRequests.Request> open) {
    }

    public record ForgotPage(String email, FormErrors errors) {
    }

    public record ResetPage(String token, String email, FormErrors errors) {
    }

    /** The first administrator's set-up form: what was typed (never the password) and the errors. */
    public record FirstAdministratorPage(String token, String email, String name, FormErrors errors) {
    }
}

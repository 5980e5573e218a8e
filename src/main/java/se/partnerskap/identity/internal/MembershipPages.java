package se.partnerskap.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.identity.Memberships;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.identity.internal.IdentityViews.OrganisationsPage;
import se.partnerskap.registry.Registry;

/** The pages of joining an organisation, and the check of what the person typed into the request. */
@Component
class MembershipPages {

    private final MembershipRequests requests;
    private final Memberships memberships;
    private final Registry registry;

    MembershipPages(MembershipRequests requests, Memberships memberships, Registry registry) {
        this.requests = requests;
        this.memberships = memberships;
        this.registry = registry;
    }

    OrganisationsPage organisations(SignedIn me, boolean caseOfficer, String organisation, String message,
            FormErrors errors) {
        return new OrganisationsPage(registry.swedishOrganisations(memberships.organisationsOf(me.userId())),
                requests.mine(me.userId()), registry.swedishOrganisations(), organisation, message,
                requests.countOpenFor(me, caseOfficer), errors);
    }

    /** Asks to join the chosen organisation if the form is right; what is wrong with it otherwise (nothing written). */
    FormErrors ask(SignedIn me, String organisation, String message) {
        FormErrors errors = new FormErrors();
        if (message.length() > MembershipRequests.MESSAGE_MAX) {
            errors.add("message", "identity.error.membership.message.long");
        }
        Optional<UUID> id = uuid(organisation);
        if (id.isEmpty()) {
            errors.add("organisation", "identity.error.membership.organisation.missing");
        }
        if (errors.any()) {
            return errors;
        }
        requests.ask(me, id.get(), message).ifPresent(refusal -> errors.add("organisation", switch (refusal) {
            case NO_SUCH_ORGANISATION -> "identity.error.membership.organisation.missing";
            case ALREADY_MEMBER -> "identity.error.membership.organisation.member";
            case ALREADY_ASKED -> "identity.error.membership.organisation.asked";
            case TOO_MANY_OPEN -> "identity.error.membership.organisation.tooMany";
        }));
        return errors;
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return s.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

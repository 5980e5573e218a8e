package se.partnerskap.identity;

import java.util.UUID;

import se.partnerskap.web.DisplayNamed;

/** The logged-in user, whether by password or by OpenID Connect: the principal of the authentication. */
public interface SignedIn extends DisplayNamed {

    UUID userId();

    String email();
}

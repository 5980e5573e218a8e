package se.partnerskap.identity.internal;

import java.io.Serial;
import java.util.UUID;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import se.partnerskap.identity.SignedIn;

/** A user logged in through OpenID Connect, matched to our user by e-mail and given that user's roles. */
final class OidcPrincipal extends DefaultOidcUser implements SignedIn, VersionedLogin {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String email;
    private final String displayName;
    private final long sessionVersion;

    OidcPrincipal(Account account, long sessionVersion, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(UserPrincipal.authorities(account), idToken, userInfo);
        this.userId = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.sessionVersion = sessionVersion;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public long sessionVersion() {
        return sessionVersion;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** The principal name that Spring Session indexes: the same as a password login's (see {@link SessionEnds}). */
    @Override
    public String getName() {
        return email;
    }
}

package se.partnerskap.identity.internal;

import java.util.Map;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;

/**
 * OpenID Connect login: the provider says who it is by the e-mail claim, and that e-mail must belong to
 * an enabled user here, whose roles it gets. Nobody gets an account just by logging in.
 */
@Component
class OidcLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN_USER = "unknown_user";
    /** The language of the login page the OIDC login started from (session attribute). */
    static final String LANGUAGE = "identity.oidc.language";

    private final OidcUserService delegate = new OidcUserService();
    private final Accounts accounts;
    private final Audit audit;
    private final SessionEnds sessions;

    OidcLogin(Accounts accounts, Audit audit, SessionEnds sessions) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        String email = user.getEmail();
        long version = email == null ? 0 : sessions.current(email);
        Account account = email == null ? null : accounts.byEmail(email).filter(Account::enabled).orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER),
                    UNKNOWN_USER + ": no enabled user with that e-mail");
        }
        audit.record(account.email(), "user.logged-in-oidc", "user", account.id().toString(),
                Map.of("issuer", String.valueOf(user.getIssuer())));
        return new OidcPrincipal(account, version, user.getIdToken(), user.getUserInfo());
    }
}

package se.partnerskap.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import se.partnerskap.identity.Role;
import se.partnerskap.identity.SignedIn;

/** A user logged in with a password. Serializable: it lives in the session in PostgreSQL. */
final class UserPrincipal implements UserDetails, CredentialsContainer, SignedIn, VersionedLogin {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final List<SimpleGrantedAuthority> authorities;
    private final long sessionVersion;

    UserPrincipal(Account account, long sessionVersion) {
        this.userId = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
        this.enabled = account.canLogIn();
        this.authorities = authorities(account);
        this.sessionVersion = sessionVersion;
    }

    static List<SimpleGrantedAuthority> authorities(Account account) {
        return account.roles().stream().map(Role::authority).sorted().map(SimpleGrantedAuthority::new).toList();
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

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "UserPrincipal[" + email + "]";
    }
}

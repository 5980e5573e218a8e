package se.partnerskap.identity.internal;

import java.time.Instant;

import org.springframework.security.authentication.AccountStatusException;

/** Too many failed logins for this e-mail: refused until {@link #until()}. */
class LoginLockedException extends AccountStatusException {

    private final Instant until;

    LoginLockedException(Instant until) {
        super("Too many failed logins; locked until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}

package se.partnerskap.identity.internal;

import org.springframework.security.authentication.AccountStatusException;

/** A login limit refuses this login for now, whatever the password ({@link LoginLimits}). */
class LoginRefusedException extends AccountStatusException {

    private final LoginLimits.Refusal refusal;

    LoginRefusedException(LoginLimits.Refusal refusal) {
        super("Too many failed logins (" + refusal.scope() + "); refused until " + refusal.until());
        this.refusal = refusal;
    }

    LoginLimits.Refusal refusal() {
        return refusal;
    }
}

package se.partnerskap.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;

/**
 * What a new password must be, for every form that sets one (accepting an invitation, a reset link,
 * changing one's own, setting up the first administrator): call {@link #problem(String)}, or
 * {@link FormErrors#newPassword} for a password typed twice.
 * <ul>
 * <li>at least {@value #MIN_CHARACTERS} characters (code points, so an emoji counts as one);</li>
 * <li>at most {@value #MAX_BYTES} bytes in UTF-8: bcrypt ignores what comes after (Spring Security refuses
 * it with an exception), so a longer password is a field error, never a 500 and never silently cut;</li>
 * <li>not one of the most common, known-breached passwords ({@link BundledCompromisedPasswords}).</li>
 * </ul>
 */
public final class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;

    private static final CompromisedPasswordChecker BREACHED = BundledCompromisedPasswords.instance();

    private PasswordPolicy() {
    }

    /** The message key of what is wrong with the password as a new password, if anything. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("identity.error.password.missing");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("identity.error.password.short");
        }
        if (tooLongForTheHash(password)) {
            return Optional.of("identity.error.password.long");
        }
        if (BREACHED.check(password).isCompromised()) {
            return Optional.of("identity.error.password.common");
        }
        return Optional.empty();
    }

    /** Longer than bcrypt takes: such a password can neither be set nor be right at login. */
    static boolean tooLongForTheHash(String password) {
        return password != null && (password.length() > MAX_BYTES
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES);
    }
}

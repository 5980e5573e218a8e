package se.partnerskap.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;

/**
 * Known-breached passwords from a list shipped with the application ({@code passwords/common-passwords.txt},
 * about 49 000 of the most common leaked passwords; source and licence in {@code passwords/README.md}), so
 * the check needs no network. Compared in lower case, so "Password1234" counts as "password1234".
 */
final class BundledCompromisedPasswords implements CompromisedPasswordChecker {

    static final String LIST = "passwords/common-passwords.txt";

    private static final BundledCompromisedPasswords INSTANCE = new BundledCompromisedPasswords(load());

    private final Set<String> passwords;

    private BundledCompromisedPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    static BundledCompromisedPasswords instance() {
        return INSTANCE;
    }

    @Override
    public CompromisedPasswordDecision check(String password) {
        return new CompromisedPasswordDecision(password != null && passwords.contains(password.strip().toLowerCase(Locale.ROOT)));
    }

    private static Set<String> load() {
        try (InputStream in = BundledCompromisedPasswords.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords is missing: " + LIST);
            }
            Set<String> set = new HashSet<>(65_536);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(set::add);
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

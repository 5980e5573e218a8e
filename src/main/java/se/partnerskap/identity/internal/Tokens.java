package se.partnerskap.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import se.partnerskap.shared.Sha256;

/** Random link tokens (256 bits, URL-safe) and the SHA-256 hash that is all the database keeps of them. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}

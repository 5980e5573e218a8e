package se.partnerskap.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: how link tokens, session ids and rate-limit subjects are kept without their
 * secret, and how file contents and pages are fingerprinted. One place instead of a copy per module.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** The hash of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 16 bytes of the hash (32 hex digits): enough to tell contents apart, for keys and ETags. */
    public static String shortHex(byte[] content) {
        return hex(content).substring(0, 32);
    }
}

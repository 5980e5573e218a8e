package se.partnerskap.shared;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Whether a typed e-mail address is one we can send to, checked the same way wherever an address is
 * entered (subscriptions, invitations, contacts in an application, news contacts). Strict: a bare
 * address only (no display name, no angle brackets, no quotes, no spaces, no comments), a domain with
 * at least one dot, at most 254 characters, and accepted by jakarta.mail's strict parser, which is the
 * one that sends it later. An address accepted here does not fail for ever in a mail listener.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    /** Local part of letters, digits and the unquoted specials of RFC 5322 but no quote; domain labels of letters, digits and hyphens. */
    private static final Pattern SANE = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}");

    private EmailAddress() {
    }

    /** Whether {@code typed} (surrounding spaces ignored) is a valid address. */
    public static boolean isValid(String typed) {
        if (typed == null) {
            return false;
        }
        String s = typed.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH || s.indexOf('@') > 64 || !SANE.matcher(s).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(s, true);
            parsed.validate();
            return s.equals(parsed.getAddress()) && parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * The address as logs may show it: the domain (an organisation, not a person) and nothing of the
     * mailbox, so that no personal data ends up in the logs ({@code …@karlstad.se}).
     */
    public static String forLog(String address) {
        if (address == null) {
            return "…";
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? "…" : "…" + address.substring(at).strip().toLowerCase(java.util.Locale.ROOT);
    }
}

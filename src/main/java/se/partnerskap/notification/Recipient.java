package se.partnerskap.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import se.partnerskap.shared.Language;

/**
 * Someone a mail goes to: the address (lower case), the name to greet them by (blank when nobody typed
 * one) and the language they read. A mail about an application goes to its submitter's account and to the
 * contacts typed in its form, each in their own language.
 */
public record Recipient(String email, String name, Language language) {

    public Recipient {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        name = name == null ? "" : name.strip();
        language = language == null ? Language.SV : language;
    }

    /**
     * Each address once, in the order given: the first one named for an address wins (so put the accounts
     * first, whose language is the person's own choice), and a later one only lends its name when the first
     * had none. Blank addresses are dropped.
     */
    public static List<Recipient> distinct(Collection<Recipient> all) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Recipient r : all) {
            if (r.email().isEmpty()) {
                continue;
            }
            byAddress.merge(r.email(), r, (first, later) -> first.name().isEmpty() && !later.name().isEmpty()
                    ? new Recipient(first.email(), later.name(), first.language()) : first);
        }
        return new ArrayList<>(byAddress.values());
    }

    /** "Hej Anna Lindqvist!" / "Hello Anna Lindqvist," — or without a name when none is known. */
    public String greeting(MessageSource messages) {
        return name.isEmpty() ? messages.getMessage("mail.hello", null, language.locale())
                : messages.getMessage("mail.hello.named", new Object[] {name}, language.locale());
    }
}

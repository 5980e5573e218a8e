package se.partnerskap.grant.internal;

import java.util.Map;

/**
 * A command of the follow-up refused because of what was typed or the state of the project: field (or
 * {@code "form"}) to message key. Nothing has changed when it is thrown.
 */
class Refused extends RuntimeException {

    private final Map<String, String> errors;

    Refused(Map<String, String> errors) {
        super(errors.toString(), null, false, false);
        this.errors = Map.copyOf(errors);
    }

    static Refused of(String field, String key) {
        return new Refused(Map.of(field, key));
    }

    Map<String, String> errors() {
        return errors;
    }
}

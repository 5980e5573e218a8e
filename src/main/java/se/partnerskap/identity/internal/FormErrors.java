package se.partnerskap.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form's errors in the order of its fields: field name (the id of its input) to message key. Pages
 * show them in the error summary at the top, linking to the field, and next to the field.
 */
public final class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormErrors add(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** The message key of a field's error, or null. */
    public String of(String field) {
        return errors.get(field);
    }

    public Map<String, String> all() {
        return errors;
    }

    /** Checks the name a person shows to others: given, and at most 200 characters. */
    FormErrors personName(String field, String name) {
        if (name.isBlank()) {
            add(field, "identity.error.name.missing");
        } else if (name.length() > 200) {
            add(field, "identity.error.name.long");
        }
        return this;
    }

    /** Checks an e-mail address as typed: given, and one that mail can be sent to. */
    FormErrors emailAddress(String field, String email) {
        if (email.isBlank()) {
            add(field, "identity.error.email.missing");
        } else if (!se.partnerskap.shared.EmailAddress.isValid(email.strip())) {
            add(field, "identity.error.email.invalid");
        }
        return this;
    }

    /** Checks a new password typed twice: what {@link PasswordPolicy} asks, and the same both times. */
    FormErrors newPassword(String field, String password, String repeatField, String repeat) {
        var problem = PasswordPolicy.problem(password);
        if (problem.isPresent()) {
            add(field, problem.get());
        } else if (!password.equals(repeat)) {
            add(repeatField, "identity.error.password.mismatch");
        }
        return this;
    }
}

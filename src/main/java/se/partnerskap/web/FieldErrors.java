package se.partnerskap.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.Errors;

/**
 * A form's {@code BindingResult} as the pages show it: the first finding of each field, field name → message key
 * (a form record's {@code Validator} rejects with message keys as its error codes), in the order of the fields.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static Map<String, String> byField(Errors errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(e -> byField.putIfAbsent(e.getField(), e.getCode()));
        return byField;
    }
}

package se.partnerskap.web;

import java.util.List;
import java.util.Map;

/**
 * One line of a form's error summary ({@code components/form/error-summary.jte}): the id of the field it
 * leads to and its text, already in the page's language.
 */
public record FormErrorLink(String anchor, String text) {

    /** The links of a form whose errors are message keys by field name (the field's id). */
    public static List<FormErrorLink> translated(Map<String, String> errors, Ui ui) {
        return errors.entrySet().stream().map(e -> new FormErrorLink(e.getKey(), ui.t(e.getValue()))).toList();
    }
}

package se.partnerskap.application.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * What a section form posts: the version the form was read at (-1 when missing or not a number), the answers
 * typed (every field but the form's own: the CSRF token, the version and the row buttons), and the row button
 * pressed, if any ("add" or "remove" a partner or budget line).
 */
record SectionPost(int version, Answers typed, String add, String remove) {

    static SectionPost of(MultiValueMap<String, String> params) {
        String v = params.getFirst("version");
        int version = v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
        Map<String, List<String>> fields = new LinkedHashMap<>(params);
        fields.remove("_csrf");
        fields.remove("version");
        fields.remove("add");
        fields.remove("remove");
        return new SectionPost(version, new Answers(fields), params.getFirst("add"), params.getFirst("remove"));
    }

    /** A row button was pressed: the form comes back with a row more or less instead of being saved only. */
    boolean rowChange() {
        return add != null || remove != null;
    }

    /** The change of rows asked for, in the section's form, or null when none (or one that changes nothing). */
    RowChange change(Section section, int maxPartners) {
        return RowChange.of(section, add, remove, typed, maxPartners);
    }
}

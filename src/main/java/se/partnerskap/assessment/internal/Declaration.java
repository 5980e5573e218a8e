package se.partnerskap.assessment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reviewer's declaration of a conflict of interest as its form posts it: {@code conflict} "yes" or "no", and
 * for a yes the reason (at most {@link #MAX_REASON} characters).
 */
record Declaration(String conflict, String reason) {

    static final int MAX_REASON = 2000;

    Declaration {
        conflict = conflict == null ? "" : conflict;
        reason = reason == null ? "" : reason;
    }

    boolean conflicted() {
        return conflict.equals("yes");
    }

    /** The field with a problem and its message key; empty when the declaration can be stored. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!conflict.equals("yes") && !conflict.equals("no")) {
            errors.put("conflict", "assessment.declare.error.choose");
        } else if (conflicted() && reason.isBlank()) {
            errors.put("reason", "assessment.declare.error.reason");
        } else if (reason.length() > MAX_REASON) {
            errors.put("reason", "assessment.error.tooLong");
        }
        return errors;
    }
}

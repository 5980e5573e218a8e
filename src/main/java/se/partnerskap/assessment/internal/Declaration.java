package se.partnerskap.assessment.internal;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * A reviewer's declaration of a conflict of interest as its form posts it ({@link ReviewController} binds it with
 * {@code @ModelAttribute}): {@code conflict} "yes" or "no", and for a yes the reason.
 */
record Declaration(String conflict, String reason) {

    static final int MAX_REASON = 2000;

    /** What a declaration must be, as a Spring {@link Validator} into the form's {@code BindingResult}. */
    static final Validator RULES = new Rules();

    Declaration {
        conflict = conflict == null ? "" : conflict;
        reason = reason == null ? "" : reason;
    }

    boolean conflicted() {
        return conflict.equals("yes");
    }

    /**
     * Yes or no; for a yes a reason; a reason of at most {@value #MAX_REASON} characters. Error codes are message
     * keys.
     */
    private static final class Rules implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return Declaration.class.equals(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            Declaration d = (Declaration) target;
            if (!d.conflict().equals("yes") && !d.conflict().equals("no")) {
                errors.rejectValue("conflict", "assessment.declare.error.choose");
            } else if (d.conflicted() && d.reason().isBlank()) {
                errors.rejectValue("reason", "assessment.declare.error.reason");
            } else if (d.reason().length() > MAX_REASON) {
                errors.rejectValue("reason", "assessment.error.tooLong");
            }
        }
    }
}

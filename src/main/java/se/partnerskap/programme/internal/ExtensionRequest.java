package se.partnerskap.programme.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The extension form as typed ({@link RoundExtensionAdmin} binds it with {@code @ModelAttribute}): the new
 * deadline in Stockholm time, the reason in Swedish and in English, and the version of the round it was based on.
 */
record ExtensionRequest(String until, String reasonSv, String reasonEn, Integer version) {

    static final int REASON_MAX = 2000;

    ExtensionRequest {
        until = until == null ? "" : until;
        reasonSv = reasonSv == null ? "" : reasonSv;
        reasonEn = reasonEn == null ? "" : reasonEn;
        version = version == null ? 0 : version;
    }

    /** The new deadline, once {@link Rules} found it valid. */
    Instant deadline() {
        return RoundForms.instant(until, "until", new LinkedHashMap<>());
    }

    /**
     * What an extension must be (a Spring {@link Validator}, so that its findings go to the form's
     * {@code BindingResult}): a date and time, later than the round's deadline and not in the past, and a reason in
     * both languages of at most {@value #REASON_MAX} characters. Error codes are message keys.
     */
    record Rules(Instant currentDeadline, Instant now) implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return ExtensionRequest.class.equals(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            ExtensionRequest form = (ExtensionRequest) target;
            Map<String, String> parsing = new LinkedHashMap<>();
            Instant until = RoundForms.instant(form.until(), "until", parsing);
            parsing.forEach(errors::rejectValue);
            if (until != null && !until.isAfter(currentDeadline)) {
                errors.rejectValue("until", "rounds.error.until.notLater");
            } else if (until != null && !until.isAfter(now)) {
                errors.rejectValue("until", "rounds.error.until.past");
            }
            reason(form.reasonSv(), "reasonSv", errors);
            reason(form.reasonEn(), "reasonEn", errors);
        }

        private static void reason(String value, String field, Errors errors) {
            if (value.isBlank()) {
                errors.rejectValue(field, "rounds.error." + field + ".missing");
            } else if (value.length() > REASON_MAX) {
                errors.rejectValue(field, "rounds.error.reason.tooLong");
            }
        }
    }
}

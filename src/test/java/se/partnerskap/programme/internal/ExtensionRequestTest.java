package se.partnerskap.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import se.partnerskap.web.FieldErrors;

/** An extension moves the deadline later, not into the past, with a reason in both languages. */
class ExtensionRequestTest {

    private static final Instant DEADLINE = Instant.parse("2027-03-15T13:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");

    private static java.util.Map<String, String> check(ExtensionRequest form) {
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "extension");
        new ExtensionRequest.Rules(DEADLINE, NOW).validate(form, binding);
        return FieldErrors.byField(binding);
    }

    @Test
    void aLaterDeadlineWithBothReasonsIsAccepted() {
        ExtensionRequest form = new ExtensionRequest("2027-03-22T14:00", "Förlängd", "Extended", 3);

        assertThat(check(form)).isEmpty();
        assertThat(form.deadline()).isEqualTo(Instant.parse("2027-03-22T13:00:00Z"));
    }

    @Test
    void eachMistakeIsNamedAtItsField() {
        assertThat(check(new ExtensionRequest("2027-03-14T12:00", "", "x".repeat(2001), 3)))
                .containsEntry("until", "rounds.error.until.notLater")
                .containsEntry("reasonSv", "rounds.error.reasonSv.missing")
                .containsEntry("reasonEn", "rounds.error.reason.tooLong");
        assertThat(check(new ExtensionRequest("imorgon", "a", "b", 3))).containsEntry("until", "rounds.error.dateTime.invalid");
        assertThat(check(new ExtensionRequest(null, null, null, null)))
                .containsEntry("until", "rounds.error.until.missing").containsKeys("reasonSv", "reasonEn");
    }
}

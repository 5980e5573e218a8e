package se.partnerskap.newsroom.internal;

import java.util.List;
import java.util.Set;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The subscription form as typed ({@link SubscriptionController} binds it with {@code @ModelAttribute}): the
 * address, the language of the mail, press releases or not, and the tags chosen ({@code tag}, one per box).
 */
record SubscriptionRequest(String email, String language, String pressReleases, List<String> tag) {

    /** Longer than any tag's key: not one of ours, and not kept for the form either. */
    static final int MAX_TAG = 100;

    SubscriptionRequest {
        email = email == null ? "" : email;
        language = language == null ? "" : language;
        tag = tag == null ? List.of() : tag.stream().filter(t -> t.length() <= MAX_TAG).distinct().toList();
    }

    boolean press() {
        return "true".equals(pressReleases);
    }

    /** The language asked for, or the page's when it is neither Swedish nor English. */
    String language(String pageLanguage) {
        return "en".equals(language) || "sv".equals(language) ? language : pageLanguage;
    }

    /** The tags chosen that exist. */
    List<String> tags(Set<String> known) {
        return tag.stream().filter(known::contains).toList();
    }

    /**
     * What a subscription request must be, as a Spring {@link Validator} into the form's {@code BindingResult}: an
     * e-mail address, and press releases or at least one tag of {@code known}. Error codes are message keys.
     */
    record Rules(Set<String> known) implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return SubscriptionRequest.class.equals(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            SubscriptionRequest r = (SubscriptionRequest) target;
            if (r.email().isBlank()) {
                errors.rejectValue("email", "newsfeeds.subscription.error.email.missing");
            } else if (!Subscriptions.validEmail(r.email())) {
                errors.rejectValue("email", "newsfeeds.subscription.error.email.invalid");
            }
            if (!r.press() && r.tags(known).isEmpty()) {
                errors.rejectValue("pressReleases", "newsfeeds.subscription.error.nothing");
            }
        }
    }
}

package se.partnerskap.newsroom.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.partnerskap.web.Ui;

/**
 * The subscription pages as records ({@link SubscriptionController} and {@link SubscriptionLinksController} bind and pick the template): the form
 * with the tags grouped by kind and sorted by name in the page's language, and a subscription summed up in
 * a line ("press releases, Kenya, democracy").
 */
@Component
public class SubscriptionPages {

    private final Subscriptions subscriptions;

    SubscriptionPages(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** A choice of the form. */
    public record SubscriptionOption(String value, String label, boolean checked) {
    }

    /** A group of tags (themes, countries, regions). */
    public record SubscriptionTagGroup(String id, String legend, List<SubscriptionOption> tags) {
    }

    /** The form, with what was typed and the errors: field id to message key, in the order of the fields. */
    public record SubscriptionFormPage(String email, String language, boolean pressReleases,
            List<SubscriptionTagGroup> groups, Map<String, String> errors) {
        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /** A page reached by a link: the confirmation or the unsubscribe button, or its result. */
    public record SubscriptionLinkPage(String action, String email, String summary) {
    }

    String summary(Ui ui, boolean pressReleases, List<String> tagKeys) {
        List<String> parts = new ArrayList<>();
        if (pressReleases) {
            parts.add(ui.t("newsfeeds.subscription.pressReleases"));
        }
        for (Subscriptions.SubscriptionTag t : subscriptions.tags()) {
            if (tagKeys.contains(t.key())) {
                parts.add(t.name(ui.language()));
            }
        }
        return String.join(", ", parts);
    }

    SubscriptionFormPage form(Ui ui, String email, String lang, boolean press, List<String> chosen,
            Map<String, String> errors) {
        Map<String, List<SubscriptionOption>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("theme", "country", "region")) {
            byKind.put(kind, new ArrayList<>());
        }
        java.text.Collator collator = java.text.Collator.getInstance(ui.language().locale());
        subscriptions.tags().stream()
                .sorted(java.util.Comparator.comparing((Subscriptions.SubscriptionTag t) -> t.name(ui.language()), collator))
                .forEach(t -> byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>())
                        .add(new SubscriptionOption(t.key(), t.name(ui.language()), chosen.contains(t.key()))));
        List<SubscriptionTagGroup> groups = byKind.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new SubscriptionTagGroup("tags-" + e.getKey(), ui.t("newsfeeds.subscription.tags." + e.getKey()),
                        e.getValue()))
                .toList();
        return new SubscriptionFormPage(email, lang, press, groups, errors);
    }
}

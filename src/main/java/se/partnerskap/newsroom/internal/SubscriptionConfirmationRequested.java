package se.partnerskap.newsroom.internal;

/**
 * Someone asked to subscribe: the confirmation mail with its link goes out through the event
 * publication registry. The event holds the link's token (the database only its hash); the link
 * expires after a week and works once.
 */
public record SubscriptionConfirmationRequested(String email, String language, String token) {
}

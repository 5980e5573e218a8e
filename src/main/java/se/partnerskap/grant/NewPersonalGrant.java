package se.partnerskap.grant;

import java.time.Instant;
import java.util.UUID;

/**
 * A grant to a person as assessment records it when the round's decisions are published: the application, the
 * grantee, what the public list may show (title, affiliation, country, and whether they consented) and the amount.
 */
public record NewPersonalGrant(UUID applicationId, String programme, UUID roundId, UUID grantee, String reference,
        String title, String affiliation, String country, long amountSek, boolean listingConsent, Instant decidedAt) {
}

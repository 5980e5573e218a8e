package se.partnerskap.assessment;

import java.time.Instant;
import java.util.UUID;

import se.partnerskap.shared.Language;

/** The draft announcement of a published round, in both languages, for the newsroom to take over. */
public record PressReleaseDraft(UUID id, UUID roundId, String titleSv, String leadSv, String bodySv, String titleEn,
        String leadEn, String bodyEn, Instant createdAt, String status) {

    public String title(Language language) {
        return language.pick(titleSv, titleEn);
    }

    public String lead(Language language) {
        return language.pick(leadSv, leadEn);
    }

    /** Paragraphs separated by blank lines. */
    public String body(Language language) {
        return language.pick(bodySv, bodyEn);
    }
}

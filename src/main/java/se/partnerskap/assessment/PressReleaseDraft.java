package se.partnerskap.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * The draft announcement of a published round, in both languages, for the newsroom to take over. The text
 * names its contacts; their phone numbers and addresses are the programme's contact persons
 * ({@code programme.ContactPersons}) with {@code contactKeys}, shown from there and stored nowhere else.
 */
public record PressReleaseDraft(UUID id, UUID roundId, String titleSv, String leadSv, String bodySv, String titleEn,
        String leadEn, String bodyEn, Instant createdAt, String status, String programme, List<String> contactKeys) {

    public PressReleaseDraft {
        contactKeys = List.copyOf(contactKeys);
    }

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

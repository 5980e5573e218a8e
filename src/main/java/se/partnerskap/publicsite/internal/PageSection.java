package se.partnerskap.publicsite.internal;

import java.time.Instant;

/** One editable section of a public page in one language; {@code bodyHtml} is already sanitised. */
public record PageSection(String pageKey, String sectionKey, String language, int position, String heading,
        String bodyHtml, int version, Instant updatedAt, String updatedBy) {
}

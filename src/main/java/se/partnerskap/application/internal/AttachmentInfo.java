package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.UUID;

/** An attachment without its content. */
public record AttachmentInfo(UUID id, String fileName, long sizeBytes, String sha256, String addedBy,
        Instant addedAt) {
}

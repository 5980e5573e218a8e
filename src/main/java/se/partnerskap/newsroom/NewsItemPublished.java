package se.partnerskap.newsroom;

import java.time.Instant;
import java.util.UUID;

/**
 * A news item became public (published now, or its scheduled time arrived): its subscribers get it
 * by e-mail, once. Published through the event publication registry.
 */
public record NewsItemPublished(UUID itemId, String language, String type, Instant publishedAt) {
}

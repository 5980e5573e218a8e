package se.partnerskap.newsroom.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * A news item in one language, as stored: public when {@code published} and its {@code publishAt} has
 * come. Its translation shares the {@code translationGroup}.
 */
public record NewsItem(UUID id, String type, String language, UUID translationGroup, String slug, String title,
        String lead, String bodyHtml, String status, Instant publishAt, boolean dateOnly, boolean undated,
        String imageUrl, String imageAlt, String imageCaption, String imageCredit, Instant eventStartsAt,
        String eventLocation, List<String> authors, Integer publicationYear, String citation, String abstractText,
        String pdfFileName, String sourceKey, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt, int version, List<String> tags, List<NewsContact> contacts, List<String> projects) {

    public static final List<String> TYPES = List.of("press-release", "blog-post", "article", "event", "portrait",
            "publication", "page");

    /** One of {@link #TYPES} (null is none). */
    public static boolean isType(String type) {
        return type != null && TYPES.contains(type);
    }

    public NewsItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /** A person in the contact box: typed in, or one of the programme's contact persons by key. */
    public record NewsContact(String name, String role, String phone, String email, String programme, String key) {
        public boolean keyed() {
            return key != null;
        }
    }

    public Language lang() {
        return Language.ofCode(language);
    }

    public boolean publicAt(Instant now) {
        return "published".equals(status) && publishAt != null && !publishAt.isAfter(now);
    }

    public boolean scheduledAt(Instant now) {
        return "published".equals(status) && publishAt != null && publishAt.isAfter(now);
    }

    /** draft, scheduled, published or unpublished, as the editor shows it. */
    public String state(Instant now) {
        return scheduledAt(now) ? "scheduled" : status;
    }

    /** The public address: /nyheter/{slug} for a Swedish item, /en/news/{slug} for an English one. */
    public String path() {
        return NewsPaths.item(language, slug);
    }

    public boolean hasPdf() {
        return pdfFileName != null;
    }
}

package se.partnerskap.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import se.partnerskap.newsroom.internal.NewsImporter;

/**
 * Takes published items from elsewhere (the demo content) into the newsroom, once each by a source key.
 * Imported items count as announced already: no subscriber is ever sent one.
 */
@Service
public class NewsImport {

    /**
     * An item as its source gives it. {@code publishAt} null with {@code undated}: the source prints no
     * date ({@code order} then places it after the dated ones). Regions by name ("Kronoberg"), countries
     * by ISO code, contacts by the programme's contact person keys.
     */
    public record Item(String sourceKey, String type, String language, String slug, String title, String lead,
            String bodyHtml, Instant publishAt, boolean dateOnly, int order, String imageCaption, String eventLocation,
            List<String> regions, List<String> countries, String contactProgramme, List<String> contactKeys,
            List<String> authors, Integer publicationYear, String citation, String abstractText) {
    }

    private final NewsImporter importer;

    NewsImport(NewsImporter importer) {
        this.importer = importer;
    }

    /** @return the new item's id, or empty when an item with this source key exists already */
    public Optional<UUID> importPublished(Item item, String actor) {
        return importer.importPublished(item, actor);
    }

    /** Makes two imported items each other's translation (by their source keys); false if one is missing. */
    public boolean linkTranslations(String sourceKey, String otherSourceKey) {
        return importer.linkTranslations(sourceKey, otherSourceKey);
    }
}

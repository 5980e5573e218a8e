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

        /**
         * An item of text: no image caption, event, tags, contacts or publication details until the methods
         * below add them.
         */
        public static Item of(String sourceKey, String type, String language, String slug, String title, String lead,
                String bodyHtml, Instant publishAt, boolean dateOnly, int order) {
            return new Item(sourceKey, type, language, slug, title, lead, bodyHtml, publishAt, dateOnly, order, null,
                    null, List.of(), List.of(), null, List.of(), List.of(), null, null, null);
        }

        /** With the caption of its image and the place of its event (either may be null). */
        public Item captionAndPlace(String caption, String place) {
            return new Item(sourceKey, type, language, slug, title, lead, bodyHtml, publishAt, dateOnly, order, caption,
                    place, regions, countries, contactProgramme, contactKeys, authors, publicationYear, citation,
                    abstractText);
        }

        /** Tagged with regions (by name) and countries (by ISO code). */
        public Item tagged(List<String> regions, List<String> countries) {
            return new Item(sourceKey, type, language, slug, title, lead, bodyHtml, publishAt, dateOnly, order,
                    imageCaption, eventLocation, regions, countries, contactProgramme, contactKeys, authors,
                    publicationYear, citation, abstractText);
        }

        /** With the programme's contact persons, by their keys (none: no programme). */
        public Item contacts(String programme, List<String> keys) {
            return new Item(sourceKey, type, language, slug, title, lead, bodyHtml, publishAt, dateOnly, order,
                    imageCaption, eventLocation, regions, countries, keys.isEmpty() ? null : programme, keys, authors,
                    publicationYear, citation, abstractText);
        }

        /** A publication's authors, year and citation as printed (the abstract may be null). */
        public Item publication(List<String> authors, Integer year, String citation, String abstractText) {
            return new Item(sourceKey, type, language, slug, title, lead, bodyHtml, publishAt, dateOnly, order,
                    imageCaption, eventLocation, regions, countries, contactProgramme, contactKeys, authors, year,
                    citation, abstractText);
        }
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

    /** Tags the imported item {@code sourceKey} with a programme (its key is the tag's); false if either is unknown. */
    public boolean tagWithProgramme(String sourceKey, String programme) {
        return importer.tagWithProgramme(sourceKey, programme);
    }
}

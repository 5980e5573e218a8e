package se.partnerskap.newsroom.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.newsroom.NewsImport;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.RenderedPages;

/**
 * Stores imported items (see {@link NewsImport}) as published, announced items with a revision each, dated
 * (created and last changed) when their source published them.
 */
@Component
public class NewsImporter {

    /** Undated items are ordered after everything dated, in the order of their source. */
    static final Instant UNDATED_BEFORE = LocalDate.of(2018, 1, 1).atStartOfDay(StockholmTime.ZONE).toInstant();

    private final NewsItems items;
    private final NewsTagSeeder tags;
    private final Registry registry;
    private final ContactPersons contactPersons;
    private final JdbcClient jdbc;
    private final RenderedPages pages;

    NewsImporter(NewsItems items, NewsTagSeeder tags, Registry registry, ContactPersons contactPersons, JdbcClient jdbc,
            RenderedPages pages) {
        this.pages = pages;
        this.items = items;
        this.tags = tags;
        this.registry = registry;
        this.contactPersons = contactPersons;
        this.jdbc = jdbc;
    }

    @Transactional
    public Optional<UUID> importPublished(NewsImport.Item i, String actor) {
        tags.ensure();
        List<String> tagKeys = new ArrayList<>();
        for (String region : i.regions()) {
            String key = NewsTagSeeder.regionKey(region);
            items.tag(key).ifPresent(t -> tagKeys.add(t.key()));
        }
        for (String iso2 : i.countries()) {
            registry.country(iso2).map(NewsTagSeeder::countryKey).flatMap(items::tag).ifPresent(t -> tagKeys.add(t.key()));
        }
        List<NewsItem.NewsContact> contacts = new ArrayList<>();
        if (i.contactProgramme() != null) {
            List<ContactPerson> people = contactPersons.of(i.contactProgramme());
            for (String key : i.contactKeys()) {
                people.stream().filter(p -> p.key().equals(key)).findFirst().ifPresent(p -> contacts.add(
                        new NewsItem.NewsContact(p.name(), "", "", "", i.contactProgramme(), p.key())));
            }
        }
        Language language = Language.ofCode(i.language());
        items.lockSlugs();
        String slug = i.slug();
        for (int n = 2; items.slugTaken(language, slug, null); n++) {
            slug = i.slug() + "-" + n;
        }
        boolean undated = i.publishAt() == null;
        Instant at = undated ? UNDATED_BEFORE.minusSeconds(60L * (i.order() + 1)) : i.publishAt();
        NewsItems.Content content = new NewsItems.Content(i.type(), language, null, slug, i.title(),
                i.lead() == null ? "" : i.lead(), i.bodyHtml(), null, null, i.imageCaption(), null, null,
                i.eventLocation(), i.authors(), i.publicationYear(), i.citation(), i.abstractText(), tagKeys, contacts,
                List.of());
        UUID id = items.insert(content, actor, "published", at, i.dateOnly(), undated, i.sourceKey(), items.now(),
                "imported");
        if (id != null) {
            // the item last changed when its source published it, not when it was taken in: feeds and the
            // sitemap tell readers so (its revision keeps the moment of the import)
            jdbc.sql("UPDATE news_item SET created_at = ?, updated_at = ? WHERE id = ? AND updated_at > ?")
                    .params(Timestamp.from(at), Timestamp.from(at), id, Timestamp.from(at)).update();
        }
        return Optional.ofNullable(id);
    }

    @Transactional
    public boolean tagWithProgramme(String sourceKey, String programme) {
        tags.ensure();
        return jdbc.sql("""
                INSERT INTO news_item_tag (item_id, tag_key)
                SELECT i.id, t.key FROM news_item i JOIN news_tag t ON t.key = ? AND t.kind = 'programme'
                WHERE i.source_key = ? ON CONFLICT DO NOTHING
                """).params(programme, sourceKey).update() == 1;
    }

    @Transactional
    public boolean linkTranslations(String sourceKey, String otherSourceKey) {
        int rows = jdbc.sql("""
                UPDATE news_item SET translation_group = (SELECT translation_group FROM news_item WHERE source_key = ?)
                WHERE source_key = ? AND language <> (SELECT language FROM news_item WHERE source_key = ?)
                  AND EXISTS (SELECT 1 FROM news_item WHERE source_key = ?)
                """).params(sourceKey, otherSourceKey, sourceKey, sourceKey).update();
        pages.invalidate(NewsItems.CACHE_REGION);
        return rows == 1;
    }
}

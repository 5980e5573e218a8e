package se.partnerskap.newsroom.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.partnerskap.newsroom.internal.NewsItem.NewsContact;
import se.partnerskap.shared.Language;

/**
 * The news items as stored (JdbcClient: the lists are searches with optional filters, and an item is read with
 * its tags, contacts and projects from three more tables, for a whole page of items at once): an item, the
 * editor's and the public lists, the years, publications, tags and an item's PDF. What may change, and its
 * revisions, are in {@link NewsItems} and its statements in {@link NewsChangeRows}.
 */
@Repository
class NewsItemRows {

    static final String COLUMNS = """
            i.id, i.type, i.language, i.translation_group, i.slug, i.title, i.lead, i.body_html, i.status, i.publish_at,
            i.date_only, i.undated, i.image_url, i.image_alt, i.image_caption, i.image_credit, i.event_starts_at,
            i.event_location, i.authors, i.publication_year, i.citation, i.abstract, i.pdf_file_name, i.source_key,
            i.created_by, i.created_at, i.updated_by, i.updated_at, i.version
            """;

    /** Visible to the public at :now. */
    static final String PUBLIC = "i.status = 'published' AND i.publish_at <= :now";

    private final JdbcClient jdbc;

    NewsItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NewsItem> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM news_item i WHERE i.id = :id", Map.of("id", id));
    }

    Optional<NewsItem> bySlug(Language language, String slug) {
        return one("SELECT " + COLUMNS + " FROM news_item i WHERE i.language = :lang AND i.slug = :slug",
                Map.of("lang", language.code(), "slug", slug));
    }

    /** The item in the other language, whatever its state. */
    Optional<NewsItem> translation(NewsItem item) {
        return one("SELECT " + COLUMNS + " FROM news_item i WHERE i.translation_group = :g AND i.language <> :lang",
                Map.of("g", item.translationGroup(), "lang", item.language()));
    }

    List<NewsItem> all(NewsItems.AdminFilter f, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM news_item i WHERE true");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("now", Timestamp.from(now));
        if (f.type() != null) {
            sql.append(" AND i.type = :type");
            p.put("type", f.type());
        }
        if (f.language() != null) {
            sql.append(" AND i.language = :lang");
            p.put("lang", f.language());
        }
        if (f.state() != null) {
            sql.append(switch (f.state()) {
                case "scheduled" -> " AND i.status = 'published' AND i.publish_at > :now";
                case "published" -> " AND " + PUBLIC;
                default -> " AND i.status = :state";
            });
            p.put("state", f.state());
        }
        if (f.text() != null) {
            sql.append(" AND (i.title ILIKE :text OR i.slug ILIKE :text)");
            p.put("text", "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY i.updated_at DESC, i.title");
        return list(sql.toString(), p);
    }

    /**
     * The public list of a language: its own items and those of the other language that have no public
     * translation in this one, newest first.
     */
    NewsItems.Found published(NewsItems.Query q, Instant now) {
        StringBuilder where = new StringBuilder(" FROM news_item i WHERE " + PUBLIC + """
                 AND (i.language = :lang OR NOT EXISTS (SELECT 1 FROM news_item t WHERE t.translation_group = i.translation_group
                      AND t.language = :lang AND t.status = 'published' AND t.publish_at <= :now))
                """);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("now", Timestamp.from(now));
        p.put("lang", q.language().code());
        if (q.type() != null) {
            where.append(" AND i.type = :type");
            p.put("type", q.type());
        }
        if (q.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM news_item_tag x WHERE x.item_id = i.id AND x.tag_key = :tag)");
            p.put("tag", q.tag());
        }
        if (q.year() != null) {
            where.append(" AND NOT i.undated AND extract(year FROM i.publish_at AT TIME ZONE 'Europe/Stockholm') = :year");
            p.put("year", q.year());
        }
        int total = jdbc.sql("SELECT count(*)" + where).params(p).query(Integer.class).single();
        p.put("limit", q.size());
        p.put("offset", (q.page() - 1) * q.size());
        List<NewsItem> items = list("SELECT " + COLUMNS + where
                + " ORDER BY i.publish_at DESC, i.title LIMIT :limit OFFSET :offset", p);
        return new NewsItems.Found(items, total);
    }

    /** The years in which something public was published, newest first. */
    List<Integer> years(Instant now) {
        return jdbc.sql("SELECT DISTINCT extract(year FROM i.publish_at AT TIME ZONE 'Europe/Stockholm')::int AS y FROM news_item i WHERE "
                + PUBLIC + " AND NOT i.undated ORDER BY y DESC").param("now", Timestamp.from(now)).query(Integer.class).list();
    }

    /** Public publications, newest first. */
    List<NewsItem> publications(Language language, Instant now) {
        return list("SELECT " + COLUMNS + " FROM news_item i WHERE " + PUBLIC + """
                 AND i.type = 'publication'
                 AND (i.language = :lang OR NOT EXISTS (SELECT 1 FROM news_item t WHERE t.translation_group = i.translation_group
                      AND t.language = :lang AND t.status = 'published' AND t.publish_at <= :now))
                ORDER BY i.publication_year DESC NULLS LAST, i.publish_at DESC, i.title
                """, Map.of("now", Timestamp.from(now), "lang", language.code()));
    }

    /** The next time at which a scheduled item becomes public, if any: no cached page may outlive it. */
    Optional<Instant> nextScheduled(Instant now) {
        return jdbc.sql("SELECT publish_at FROM news_item WHERE status = 'published' AND publish_at > ? ORDER BY publish_at LIMIT 1")
                .param(Timestamp.from(now)).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** When the public newsroom last changed: an edit (of any item), or an item that became public. */
    Optional<Instant> lastChange(Instant now) {
        // every item's last edit (an unpublished one left the list then), and the latest arrival of a scheduled one
        return jdbc.sql("""
                SELECT greatest((SELECT max(updated_at) FROM news_item),
                                (SELECT max(publish_at) FROM news_item WHERE status = 'published' AND publish_at <= :now)) AS changed
                """).param("now", Timestamp.from(now)).query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                .single().map(Timestamp::toInstant);
    }

    List<NewsTag> tags() {
        return jdbc.sql("SELECT key, kind, name_sv, name_en FROM news_tag ORDER BY kind DESC, name_sv")
                .query(NewsTag.class).list();
    }

    Optional<NewsTag> tag(String key) {
        return jdbc.sql("SELECT key, kind, name_sv, name_en FROM news_tag WHERE key = ?").param(key)
                .query(NewsTag.class).optional();
    }

    Optional<NewsItems.Pdf> pdf(UUID id) {
        return jdbc.sql("SELECT pdf_file_name, pdf FROM news_item WHERE id = ? AND pdf IS NOT NULL").param(id)
                .query((rs, i) -> new NewsItems.Pdf(rs.getString(1), rs.getBytes(2))).optional();
    }

    boolean slugTaken(Language language, String slug, UUID except) {
        return jdbc.sql("SELECT count(*) FROM news_item WHERE language = ? AND slug = ? AND id IS DISTINCT FROM ?")
                .params(language.code(), slug, except).query(Integer.class).single() > 0;
    }

    Optional<NewsItem> one(String sql, Map<String, ?> params) {
        List<NewsItem> found = list(sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    List<NewsItem> list(String sql, Map<String, ?> params) {
        List<NewsItem> bare = jdbc.sql(sql).params(params).query(NewsItemRows::row).list();
        if (bare.isEmpty()) {
            return bare;
        }
        UUID[] ids = bare.stream().map(NewsItem::id).toArray(UUID[]::new);
        Map<UUID, List<String>> tags = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, tag_key FROM news_item_tag WHERE item_id = ANY(?) ORDER BY tag_key").param(ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<UUID, List<NewsContact>> contacts = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, name, role, phone, email, contact_programme, contact_key FROM news_item_contact WHERE item_id = ANY(?) ORDER BY position")
                .param(ids).query(rs -> {
                    contacts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new NewsContact(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                });
        Map<UUID, List<String>> projects = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, project_key FROM news_item_project WHERE item_id = ANY(?) ORDER BY project_key").param(ids)
                .query(rs -> {
                    projects.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return bare.stream().map(i -> new NewsItem(i.id(), i.type(), i.language(), i.translationGroup(), i.slug(),
                i.title(), i.lead(), i.bodyHtml(), i.status(), i.publishAt(), i.dateOnly(), i.undated(), i.imageUrl(),
                i.imageAlt(), i.imageCaption(), i.imageCredit(), i.eventStartsAt(), i.eventLocation(), i.authors(),
                i.publicationYear(), i.citation(), i.abstractText(), i.pdfFileName(), i.sourceKey(), i.createdBy(),
                i.createdAt(), i.updatedBy(), i.updatedAt(), i.version(), tags.get(i.id()), contacts.get(i.id()),
                projects.get(i.id()))).toList();
    }

    private static NewsItem row(ResultSet rs, int n) throws SQLException {
        Array authors = rs.getArray("authors");
        return new NewsItem(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("language"),
                rs.getObject("translation_group", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("lead"), rs.getString("body_html"), rs.getString("status"), instant(rs, "publish_at"),
                rs.getBoolean("date_only"), rs.getBoolean("undated"), rs.getString("image_url"),
                rs.getString("image_alt"), rs.getString("image_caption"), rs.getString("image_credit"),
                instant(rs, "event_starts_at"), rs.getString("event_location"),
                authors == null ? List.of() : List.of((String[]) authors.getArray()),
                (Integer) rs.getObject("publication_year"), rs.getString("citation"), rs.getString("abstract"),
                rs.getString("pdf_file_name"), rs.getString("source_key"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("updated_by"), instant(rs, "updated_at"), rs.getInt("version"),
                null, null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

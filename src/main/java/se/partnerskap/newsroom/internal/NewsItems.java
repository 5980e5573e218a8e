package se.partnerskap.newsroom.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.newsroom.internal.NewsItem.NewsContact;
import se.partnerskap.shared.Language;
import se.partnerskap.web.RenderedPages;
import tools.jackson.databind.json.JsonMapper;

/**
 * The news items: reading them for the public pages and the editor, and every change a communicator
 * makes (each one a revision with a full snapshot, audited, and the end of the cached public pages).
 */
@Service
@Transactional(readOnly = true)
public class NewsItems {

    /** The region of the rendered-page cache that every newsroom write empties. */
    public static final String CACHE_REGION = "newsroom";

    static final String COLUMNS = """
            i.id, i.type, i.language, i.translation_group, i.slug, i.title, i.lead, i.body_html, i.status, i.publish_at,
            i.date_only, i.undated, i.image_url, i.image_alt, i.image_caption, i.image_credit, i.event_starts_at,
            i.event_location, i.authors, i.publication_year, i.citation, i.abstract, i.pdf_file_name, i.source_key,
            i.created_by, i.created_at, i.updated_by, i.updated_at, i.version
            """;

    /** Visible to the public at :now. */
    static final String PUBLIC = "i.status = 'published' AND i.publish_at <= :now";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final JsonMapper json;
    private final RenderedPages pages;

    NewsItems(JdbcClient jdbc, Clock clock, Audit audit, JsonMapper json, RenderedPages pages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
        this.pages = pages;
    }

    /** Needs no database (no connection is taken): cached pages ask it while the database may be away. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- reading

    public Optional<NewsItem> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM news_item i WHERE i.id = :id", Map.of("id", id));
    }

    public Optional<NewsItem> bySlug(Language language, String slug) {
        return one("SELECT " + COLUMNS + " FROM news_item i WHERE i.language = :lang AND i.slug = :slug",
                Map.of("lang", language.code(), "slug", slug));
    }

    /** The item in the other language, whatever its state. */
    public Optional<NewsItem> translation(NewsItem item) {
        return one("SELECT " + COLUMNS + " FROM news_item i WHERE i.translation_group = :g AND i.language <> :lang",
                Map.of("g", item.translationGroup(), "lang", item.language()));
    }

    /** What the editor's list asks for; null for "any". */
    public record AdminFilter(String type, String language, String state, String text) {
    }

    public List<NewsItem> all(AdminFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM news_item i WHERE true");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("now", Timestamp.from(now()));
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

    /** What the public list asks for; null for "any". */
    public record Query(Language language, String type, String tag, Integer year, int page, int size) {
    }

    public record Found(List<NewsItem> items, int total) {
    }

    /**
     * The public list of a language: its own items and those of the other language that have no public
     * translation in this one, newest first.
     */
    public Found published(Query q, Instant now) {
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
        return new Found(items, total);
    }

    /** The years in which something public was published, newest first. */
    public List<Integer> years(Instant now) {
        return jdbc.sql("SELECT DISTINCT extract(year FROM i.publish_at AT TIME ZONE 'Europe/Stockholm')::int AS y FROM news_item i WHERE "
                + PUBLIC + " AND NOT i.undated ORDER BY y DESC").param("now", Timestamp.from(now)).query(Integer.class).list();
    }

    /** Public publications, newest first. */
    public List<NewsItem> publications(Language language, Instant now) {
        return list("SELECT " + COLUMNS + " FROM news_item i WHERE " + PUBLIC + """
                 AND i.type = 'publication'
                 AND (i.language = :lang OR NOT EXISTS (SELECT 1 FROM news_item t WHERE t.translation_group = i.translation_group
                      AND t.language = :lang AND t.status = 'published' AND t.publish_at <= :now))
                ORDER BY i.publication_year DESC NULLS LAST, i.publish_at DESC, i.title
                """, Map.of("now", Timestamp.from(now), "lang", language.code()));
    }

    /** The next time at which a scheduled item becomes public, if any: no cached page may outlive it. */
    public Optional<Instant> nextScheduled(Instant now) {
        return jdbc.sql("SELECT publish_at FROM news_item WHERE status = 'published' AND publish_at > ? ORDER BY publish_at LIMIT 1")
                .param(Timestamp.from(now)).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** When the public newsroom last changed: an edit (of any item), or an item that became public. */
    public Optional<Instant> lastChange(Instant now) {
        // every item's last edit (an unpublished one left the list then), and the latest arrival of a scheduled one
        return jdbc.sql("""
                SELECT greatest((SELECT max(updated_at) FROM news_item),
                                (SELECT max(publish_at) FROM news_item WHERE status = 'published' AND publish_at <= :now)) AS changed
                """).param("now", Timestamp.from(now)).query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                .single().map(Timestamp::toInstant);
    }

    public List<NewsTag> tags() {
        return jdbc.sql("SELECT key, kind, name_sv, name_en FROM news_tag ORDER BY kind DESC, name_sv")
                .query(NewsTag.class).list();
    }

    public Optional<NewsTag> tag(String key) {
        return jdbc.sql("SELECT key, kind, name_sv, name_en FROM news_tag WHERE key = ?").param(key)
                .query(NewsTag.class).optional();
    }

    public record Pdf(String fileName, byte[] content) {
    }

    public Optional<Pdf> pdf(UUID id) {
        return jdbc.sql("SELECT pdf_file_name, pdf FROM news_item WHERE id = ? AND pdf IS NOT NULL").param(id)
                .query((rs, i) -> new Pdf(rs.getString(1), rs.getBytes(2))).optional();
    }

    public boolean slugTaken(Language language, String slug, UUID except) {
        return jdbc.sql("SELECT count(*) FROM news_item WHERE language = ? AND slug = ? AND id IS DISTINCT FROM ?")
                .params(language.code(), slug, except).query(Integer.class).single() > 0;
    }

    // ---------------------------------------------------------------- writing

    /** Everything an editor or an import sets on an item (not its state). */
    public record Content(String type, Language language, UUID translationOf, String slug, String title, String lead,
            String bodyHtml, String imageUrl, String imageAlt, String imageCaption, String imageCredit,
            Instant eventStartsAt, String eventLocation, List<String> authors, Integer publicationYear, String citation,
            String abstractText, List<String> tags, List<NewsContact> contacts, List<String> projects) {
    }

    /** Creates a draft. */
    @Transactional
    public UUID create(Content c, String actor) {
        return insert(c, actor, "draft", null, false, false, null, null, "created");
    }

    /**
     * Inserts an item; with a {@code sourceKey} only once (a second call with the same key adds nothing).
     *
     * @return the new item's id, or null when the source key was there already
     */
    @Transactional
    public UUID insert(Content c, String actor, String status, Instant publishAt, boolean dateOnly, boolean undated,
            String sourceKey, Instant announcedAt, String action) {
        UUID id = UUID.randomUUID();
        UUID group = c.translationOf() == null ? UUID.randomUUID()
                : find(c.translationOf()).map(NewsItem::translationGroup).orElse(UUID.randomUUID());
        Timestamp now = Timestamp.from(now());
        int rows = jdbc.sql("""
                INSERT INTO news_item (id, type, language, translation_group, slug, title, lead, body_html, status, publish_at,
                    date_only, undated, image_url, image_alt, image_caption, image_credit, event_starts_at, event_location,
                    authors, publication_year, citation, abstract, source_key, announced_at, created_by, created_at,
                    updated_by, updated_at)
                VALUES (:id, :type, :lang, :group, :slug, :title, :lead, :body, :status, :publishAt, :dateOnly, :undated,
                    :imageUrl, :imageAlt, :imageCaption, :imageCredit, :eventStartsAt, :eventLocation, :authors, :year,
                    :citation, :abstract, :sourceKey, :announcedAt, :actor, :now, :actor, :now)
                """ + (sourceKey == null ? "" : onceBySource())).params(contentParams(c)).param("id", id).param("group", group)
                .param("status", status).param("publishAt", ts(publishAt)).param("dateOnly", dateOnly)
                .param("undated", undated).param("sourceKey", sourceKey).param("announcedAt", ts(announcedAt))
                .param("actor", actor).param("now", now).update();
        if (rows == 0) {
            return null;
        }
        writeLinks(id, c);
        revise(id, actor, action);
        return id;
    }

    /** An item from a source goes in once: a second delivery adds nothing. */
    private static String onceBySource() {
        return " ON CONFLICT (source_key) DO NOTHING";
    }

    /**
     * Until the caller's transaction ends, nobody else picks a slug: importers that run at once (two press
     * releases, or one delivered twice) would otherwise both find the same slug free.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockSlugs() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('news_item.slug'))").query().singleRow();
    }

    /**
     * Saves what the editor typed if nobody saved the item since {@code expectedVersion}.
     *
     * @return false when someone else saved first (nothing is changed then)
     */
    @Transactional
    public boolean update(UUID id, int expectedVersion, Content c, String actor) {
        NewsItem before = find(id).orElseThrow();
        UUID group = before.translationGroup();
        if (c.translationOf() != null) {
            group = find(c.translationOf()).map(NewsItem::translationGroup).orElse(group);
        } else if (translation(before).isPresent()) {
            // the link is dropped: this item goes on alone
            group = UUID.randomUUID();
        }
        int rows = jdbc.sql("""
                UPDATE news_item SET type = :type, language = :lang, translation_group = :group, slug = :slug, title = :title,
                    lead = :lead, body_html = :body, image_url = :imageUrl, image_alt = :imageAlt,
                    image_caption = :imageCaption, image_credit = :imageCredit, event_starts_at = :eventStartsAt,
                    event_location = :eventLocation, authors = :authors, publication_year = :year, citation = :citation,
                    abstract = :abstract, updated_by = :actor, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """).params(contentParams(c)).param("group", group).param("actor", actor)
                .param("now", Timestamp.from(now())).param("id", id).param("version", expectedVersion).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM news_item_tag WHERE item_id = ?").param(id).update();
        jdbc.sql("DELETE FROM news_item_contact WHERE item_id = ?").param(id).update();
        jdbc.sql("DELETE FROM news_item_project WHERE item_id = ?").param(id).update();
        writeLinks(id, c);
        revise(id, actor, "saved");
        return true;
    }

    /** Publishes now (an item published before keeps its first publishing time). */
    @Transactional
    public boolean publish(UUID id, int expectedVersion, String actor) {
        NewsItem item = find(id).orElseThrow();
        Instant now = now();
        Instant at = item.publishAt() != null && !item.publishAt().isAfter(now) && !"draft".equals(item.status())
                ? item.publishAt() : now;
        return changeState(id, expectedVersion, "published", at, actor, "published");
    }

    /** Makes the item public at {@code at} (in the future), without anybody having to do anything then. */
    @Transactional
    public boolean schedule(UUID id, int expectedVersion, Instant at, String actor) {
        return changeState(id, expectedVersion, "published", at, actor, "scheduled");
    }

    @Transactional
    public boolean unpublish(UUID id, int expectedVersion, String actor) {
        NewsItem item = find(id).orElseThrow();
        return changeState(id, expectedVersion, "unpublished", item.publishAt(), actor, "unpublished");
    }

    @Transactional
    public void attachPdf(UUID id, String fileName, byte[] content, String actor) {
        jdbc.sql("UPDATE news_item SET pdf = ?, pdf_file_name = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(content, fileName, actor, Timestamp.from(now()), id).update();
        revise(id, actor, "pdf-attached");
    }

    private boolean changeState(UUID id, int expectedVersion, String status, Instant publishAt, String actor,
            String action) {
        int rows = jdbc.sql("""
                UPDATE news_item SET status = ?, publish_at = ?, updated_by = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                """).params(status, ts(publishAt), actor, Timestamp.from(now()), id, expectedVersion).update();
        if (rows == 1) {
            revise(id, actor, action);
        }
        return rows == 1;
    }

    private void writeLinks(UUID id, Content c) {
        for (String tag : c.tags()) {
            jdbc.sql("INSERT INTO news_item_tag (item_id, tag_key) VALUES (?, ?) ON CONFLICT DO NOTHING").params(id, tag).update();
        }
        int position = 1;
        for (NewsContact contact : c.contacts()) {
            jdbc.sql("""
                    INSERT INTO news_item_contact (item_id, position, name, role, phone, email, contact_programme, contact_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(id, position++, contact.name(), nz(contact.role()), nz(contact.phone()),
                    nz(contact.email()), contact.programme(), contact.key()).update();
        }
        for (String project : c.projects()) {
            jdbc.sql("INSERT INTO news_item_project (item_id, project_key) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, project).update();
        }
    }

    // ---------------------------------------------------------------- revisions

    public record Revision(int number, String action, Map<String, Object> snapshot, String savedBy, Instant savedAt) {
    }

    public List<Revision> revisions(UUID id) {
        return jdbc.sql("SELECT number, action, snapshot::text, saved_by, saved_at FROM news_item_revision WHERE item_id = ? ORDER BY number DESC")
                .param(id).query(this::revision).list();
    }

    public Optional<Revision> revision(UUID id, int number) {
        return jdbc.sql("SELECT number, action, snapshot::text, saved_by, saved_at FROM news_item_revision WHERE item_id = ? AND number = ?")
                .params(id, number).query(this::revision).optional();
    }

    @SuppressWarnings("unchecked")
    private Revision revision(ResultSet rs, int i) throws SQLException {
        return new Revision(rs.getInt(1), rs.getString(2), json.readValue(rs.getString(3), Map.class), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    /** Writes the item as it is now as its next revision, audits it and empties the cached public pages. */
    private void revise(UUID id, String actor, String action) {
        NewsItem item = find(id).orElseThrow();
        Map<String, Object> snapshot = snapshot(item);
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM news_item_revision WHERE item_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("INSERT INTO news_item_revision (item_id, number, action, snapshot, saved_by, saved_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)")
                .params(id, number, action, json.writeValueAsString(snapshot), actor, Timestamp.from(now())).update();
        audit.record(actor, "news-item-" + action, "news-item", id.toString(),
                Map.of("revision", number, "title", item.title(), "language", item.language(), "status", item.status()));
        invalidateAfterCommit();
    }

    /** For tests and maintenance that change the tables directly: the public pages are rendered again. */
    public void forgetRenderedPages() {
        pages.invalidate(CACHE_REGION);
    }

    private void invalidateAfterCommit() {
        // on every instance once committed (RenderedPages), so that no page rendered from the old rows survives
        pages.invalidate(CACHE_REGION);
    }

    /** The fields a communicator edits, in the order the comparison shows them. */
    static Map<String, Object> snapshot(NewsItem i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", i.title());
        s.put("type", i.type());
        s.put("language", i.language());
        s.put("slug", i.slug());
        s.put("status", i.status());
        s.put("publishAt", i.publishAt() == null ? "" : i.publishAt().toString());
        s.put("lead", i.lead());
        s.put("body", i.bodyHtml());
        s.put("imageUrl", nz(i.imageUrl()));
        s.put("imageAlt", nz(i.imageAlt()));
        s.put("imageCaption", nz(i.imageCaption()));
        s.put("imageCredit", nz(i.imageCredit()));
        s.put("eventStartsAt", i.eventStartsAt() == null ? "" : i.eventStartsAt().toString());
        s.put("eventLocation", nz(i.eventLocation()));
        s.put("authors", String.join("; ", i.authors()));
        s.put("publicationYear", i.publicationYear() == null ? "" : i.publicationYear().toString());
        s.put("citation", nz(i.citation()));
        s.put("abstract", nz(i.abstractText()));
        s.put("pdf", nz(i.pdfFileName()));
        s.put("tags", String.join(", ", i.tags()));
        s.put("contacts", String.join("; ", i.contacts().stream()
                .map(c -> c.keyed() ? c.name() + " [" + c.key() + "]"
                        : String.join(", ", List.of(c.name(), c.role(), c.phone(), c.email()).stream()
                                .filter(x -> x != null && !x.isBlank()).toList()))
                .toList()));
        s.put("projects", String.join(", ", i.projects()));
        return s;
    }

    // ---------------------------------------------------------------- rows

    private Map<String, Object> contentParams(Content c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", c.type());
        p.put("lang", c.language().code());
        p.put("slug", c.slug());
        p.put("title", c.title());
        p.put("lead", nz(c.lead()));
        p.put("body", NewsSanitiser.sanitise(c.bodyHtml()));
        p.put("imageUrl", c.imageUrl());
        p.put("imageAlt", c.imageAlt());
        p.put("imageCaption", c.imageCaption());
        p.put("imageCredit", c.imageCredit());
        p.put("eventStartsAt", ts(c.eventStartsAt()));
        p.put("eventLocation", c.eventLocation());
        p.put("authors", c.authors() == null ? new String[0] : c.authors().toArray(String[]::new));
        p.put("year", c.publicationYear());
        p.put("citation", c.citation());
        p.put("abstract", c.abstractText());
        return p;
    }

    private Optional<NewsItem> one(String sql, Map<String, ?> params) {
        List<NewsItem> found = list(sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<NewsItem> list(String sql, Map<String, ?> params) {
        List<NewsItem> bare = jdbc.sql(sql).params(params).query(NewsItems::row).list();
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

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

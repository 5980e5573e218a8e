package se.partnerskap.newsroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.web.PdfUpload;
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


    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final JsonMapper json;
    private final RenderedPages pages;
    private final NewsItemRows rows;

    NewsItems(JdbcClient jdbc, Clock clock, Audit audit, JsonMapper json, RenderedPages pages, NewsItemRows rows) {
        this.rows = rows;
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

    // ---------------------------------------------------------------- reading (NewsItemRows)

    /** What the editor's list asks for; null for "any". */
    public record AdminFilter(String type, String language, String state, String text) {
    }

    /** What the public list asks for; null for "any". */
    public record Query(Language language, String type, String tag, Integer year, int page, int size) {
    }

    public record Found(List<NewsItem> items, int total) {
    }

    public record Pdf(String fileName, byte[] content) {
    }

    public Optional<NewsItem> find(UUID id) {
        return rows.find(id);
    }

    public Optional<NewsItem> bySlug(Language language, String slug) {
        return rows.bySlug(language, slug);
    }

    /** The item in the other language, whatever its state. */
    public Optional<NewsItem> translation(NewsItem item) {
        return rows.translation(item);
    }

    public List<NewsItem> all(AdminFilter f) {
        return rows.all(f, now());
    }

    /**
     * The public list of a language: its own items and those of the other language that have no public
     * translation in this one, newest first.
     */
    public Found published(Query q, Instant now) {
        return rows.published(q, now);
    }

    /** The years in which something public was published, newest first. */
    public List<Integer> years(Instant now) {
        return rows.years(now);
    }

    /** Public publications, newest first. */
    public List<NewsItem> publications(Language language, Instant now) {
        return rows.publications(language, now);
    }

    /** The next time at which a scheduled item becomes public, if any: no cached page may outlive it. */
    public Optional<Instant> nextScheduled(Instant now) {
        return rows.nextScheduled(now);
    }

    /** When the public newsroom last changed: an edit (of any item), or an item that became public. */
    public Optional<Instant> lastChange(Instant now) {
        return rows.lastChange(now);
    }

    public List<NewsTag> tags() {
        return rows.tags();
    }

    public Optional<NewsTag> tag(String key) {
        return rows.tag(key);
    }

    public Optional<Pdf> pdf(UUID id) {
        return rows.pdf(id);
    }

    public boolean slugTaken(Language language, String slug, UUID except) {
        return rows.slugTaken(language, slug, except);
    }

    // ---------------------------------------------------------------- writing

    /** Everything an editor or an import sets on an item (not its state). */
    public record Content(String type, Language language, UUID translationOf, String slug, String title, String lead,
            String bodyHtml, String imageUrl, String imageAlt, String imageCaption, String imageCredit,
            Instant eventStartsAt, String eventLocation, List<String> authors, Integer publicationYear, String citation,
            String abstractText, List<String> tags, List<NewsContact> contacts, List<String> projects) {

        /** An item of text only, with its contacts: no image, event, publication details, tags or projects. */
        public static Content text(String type, Language language, UUID translationOf, String slug, String title,
                String lead, String bodyHtml, List<NewsContact> contacts) {
            return new Content(type, language, translationOf, slug, title, lead, bodyHtml, null, null, null, null, null,
                    null, List.of(), null, null, null, List.of(), contacts, List.of());
        }
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
    /**
     * Attaches a PDF to the item (replacing one attached before), named as uploaded or after the item's slug;
     * {@link PdfUpload.Refused} when it is empty, too large or not a PDF we keep.
     */
    public void attachPdf(NewsItem item, String fileName, byte[] content, String actor) {
        PdfUpload pdf = PdfUpload.of(fileName == null || fileName.isBlank() ? item.slug() + ".pdf" : fileName, content);
        jdbc.sql("UPDATE news_item SET pdf = ?, pdf_file_name = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(pdf.content(), pdf.fileName(), actor, Timestamp.from(now()), item.id()).update();
        revise(item.id(), actor, "pdf-attached");
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

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

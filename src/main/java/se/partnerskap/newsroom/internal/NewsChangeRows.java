package se.partnerskap.newsroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.partnerskap.newsroom.internal.NewsItem.NewsContact;
import se.partnerskap.web.PdfUpload;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statements that change a news item (JdbcClient, as its reads in {@link NewsItemRows}): insert, update,
 * state, PDF, its tags, contacts and projects, and its revisions. Each change of state is guarded by the
 * item's version; what is allowed, and when, is {@link NewsItems}'.
 */
@Repository
class NewsChangeRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NewsChangeRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts an item with its links; with a {@code sourceKey} only once.
     *
     * @return false when an item with that source key was there already (nothing is written then)
     */
    boolean insert(UUID id, UUID group, NewsItems.Content c, String body, String status, Instant publishAt,
            boolean dateOnly, boolean undated, String sourceKey, Instant announcedAt, String actor, Instant now) {
        int rows = jdbc.sql("""
                INSERT INTO news_item (id, type, language, translation_group, slug, title, lead, body_html, status, publish_at,
                    date_only, undated, image_url, image_alt, image_caption, image_credit, event_starts_at, event_location,
                    authors, publication_year, citation, abstract, source_key, announced_at, created_by, created_at,
                    updated_by, updated_at)
                VALUES (:id, :type, :lang, :group, :slug, :title, :lead, :body, :status, :publishAt, :dateOnly, :undated,
                    :imageUrl, :imageAlt, :imageCaption, :imageCredit, :eventStartsAt, :eventLocation, :authors, :year,
                    :citation, :abstract, :sourceKey, :announcedAt, :actor, :now, :actor, :now)
                """ + (sourceKey == null ? "" : " ON CONFLICT (source_key) DO NOTHING")).params(contentParams(c, body))
                .param("id", id).param("group", group).param("status", status).param("publishAt", ts(publishAt))
                .param("dateOnly", dateOnly).param("undated", undated).param("sourceKey", sourceKey)
                .param("announcedAt", ts(announcedAt)).param("actor", actor).param("now", Timestamp.from(now)).update();
        if (rows == 0) {
            return false;
        }
        writeLinks(id, c);
        return true;
    }

    /** Until the caller's transaction ends, nobody else picks a slug. */
    void lockSlugs() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('news_item.slug'))").query().singleRow();
    }

    /**
     * Stores what the editor typed, with its links, if the item is still at {@code expectedVersion}.
     *
     * @return false when someone else saved first (nothing is written then)
     */
    boolean update(UUID id, int expectedVersion, UUID group, NewsItems.Content c, String body, String actor, Instant now) {
        int rows = jdbc.sql("""
                UPDATE news_item SET type = :type, language = :lang, translation_group = :group, slug = :slug, title = :title,
                    lead = :lead, body_html = :body, image_url = :imageUrl, image_alt = :imageAlt,
                    image_caption = :imageCaption, image_credit = :imageCredit, event_starts_at = :eventStartsAt,
                    event_location = :eventLocation, authors = :authors, publication_year = :year, citation = :citation,
                    abstract = :abstract, updated_by = :actor, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """).params(contentParams(c, body)).param("group", group).param("actor", actor)
                .param("now", Timestamp.from(now)).param("id", id).param("version", expectedVersion).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM news_item_tag WHERE item_id = ?").param(id).update();
        jdbc.sql("DELETE FROM news_item_contact WHERE item_id = ?").param(id).update();
        jdbc.sql("DELETE FROM news_item_project WHERE item_id = ?").param(id).update();
        writeLinks(id, c);
        return true;
    }

    /** The item's state and publishing time, if it is still at {@code expectedVersion}; false when it is not. */
    boolean changeState(UUID id, int expectedVersion, String status, Instant publishAt, String actor, Instant now) {
        return jdbc.sql("""
                UPDATE news_item SET status = ?, publish_at = ?, updated_by = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                """).params(status, ts(publishAt), actor, Timestamp.from(now), id, expectedVersion).update() == 1;
    }

    void attachPdf(UUID id, PdfUpload pdf, String actor, Instant now) {
        jdbc.sql("UPDATE news_item SET pdf = ?, pdf_file_name = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(pdf.content(), pdf.fileName(), actor, Timestamp.from(now), id).update();
    }

    private void writeLinks(UUID id, NewsItems.Content c) {
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

    List<NewsItems.Revision> revisions(UUID id) {
        return jdbc.sql("SELECT number, action, snapshot::text, saved_by, saved_at FROM news_item_revision WHERE item_id = ? ORDER BY number DESC")
                .param(id).query(this::revision).list();
    }

    Optional<NewsItems.Revision> revision(UUID id, int number) {
        return jdbc.sql("SELECT number, action, snapshot::text, saved_by, saved_at FROM news_item_revision WHERE item_id = ? AND number = ?")
                .params(id, number).query(this::revision).optional();
    }

    /** Stores {@code snapshot} as the item's next revision and answers its number. */
    int addRevision(UUID id, String action, Map<String, Object> snapshot, String actor, Instant now) {
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM news_item_revision WHERE item_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("INSERT INTO news_item_revision (item_id, number, action, snapshot, saved_by, saved_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)")
                .params(id, number, action, json.writeValueAsString(snapshot), actor, Timestamp.from(now)).update();
        return number;
    }

    @SuppressWarnings("unchecked")
    private NewsItems.Revision revision(ResultSet rs, int i) throws SQLException {
        return new NewsItems.Revision(rs.getInt(1), rs.getString(2), json.readValue(rs.getString(3), Map.class),
                rs.getString(4), rs.getTimestamp(5).toInstant());
    }

    private static Map<String, Object> contentParams(NewsItems.Content c, String body) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", c.type());
        p.put("lang", c.language().code());
        p.put("slug", c.slug());
        p.put("title", c.title());
        p.put("lead", nz(c.lead()));
        p.put("body", body);
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

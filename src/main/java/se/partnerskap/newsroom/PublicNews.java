package se.partnerskap.newsroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of the site may know of the public news items (the sitemap lists them): how many are
 * public, a version that moves on with any publication or change, and their addresses in publishing
 * order, a page at a time, with the translation's where it is public too.
 */
@Service
@Transactional(readOnly = true)
public class PublicNews {

    private static final String PUBLIC = "status = 'published' AND publish_at <= ?";

    /** A public item: its language and slug, when it last changed, and its public translation's (or nulls). */
    public record Entry(String language, String slug, Instant changed, String otherLanguage, String otherSlug) {
    }

    /** The rendered-page cache region that the newsroom empties when an item is published or changed. */
    public static final String PAGES_REGION = se.partnerskap.newsroom.internal.NewsItems.CACHE_REGION;

    /** A public item as another page links it: title, language, slug, when it was published. */
    public record Story(String title, String language, String slug, Instant publishedAt) {
    }

    private final JdbcClient jdbc;

    PublicNews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many items are public at {@code now}. */
    public int count(Instant now) {
        return jdbc.sql("SELECT count(*) FROM news_item WHERE " + PUBLIC).param(Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** A version of the public items at {@code now}: it changes with any publication, change or removal. */
    public String version(Instant now) {
        return jdbc.sql("SELECT count(*) || '-' || coalesce(extract(epoch FROM max(greatest(updated_at, publish_at))), 0)"
                + " || '-' || (SELECT coalesce(extract(epoch FROM max(updated_at)), 0) FROM news_item)"
                + " FROM news_item WHERE " + PUBLIC).param(Timestamp.from(now)).query(String.class).single();
    }

    /** The public items from {@code offset} on (at most {@code limit}), in the order they were published, as read. */
    public void forEach(Instant now, int offset, int limit, Consumer<Entry> each) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                SELECT i.language, i.slug, greatest(i.updated_at, i.publish_at), o.language, o.slug FROM news_item i
                LEFT JOIN news_item o ON o.translation_group = i.translation_group AND o.language <> i.language
                     AND o.status = 'published' AND o.publish_at <= ?
                WHERE i.status = 'published' AND i.publish_at <= ?
                ORDER BY i.publish_at, i.id LIMIT ? OFFSET ?
                """).params(at, at, limit, offset).query(rs -> {
                    each.accept(new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(5)));
                });
    }

    /** The newest public items tagged {@code tagKey} (e.g. a programme's key), at most {@code limit}. */
    public List<Story> tagged(String tagKey, Instant now, int limit) {
        return jdbc.sql("""
                SELECT i.title, i.language, i.slug, i.publish_at FROM news_item i
                JOIN news_item_tag t ON t.item_id = i.id AND t.tag_key = ?
                WHERE i.status = 'published' AND i.publish_at <= ? ORDER BY i.publish_at DESC, i.id LIMIT ?
                """).params(tagKey, Timestamp.from(now), limit)
                .query((rs, n) -> new Story(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }
}

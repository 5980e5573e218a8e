package se.partnerskap.newsroom;

import java.sql.Timestamp;
import java.time.Instant;
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
}

package se.partnerskap.newsroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.shared.Language;

/** The public news items a feed lists: newest first, in one language, optionally of one type or tag. */
@Service
@Transactional(readOnly = true)
class FeedItems {

    /** The type keys of V70__newsroom.sql. */
    static final Set<String> TYPES = Set.of("press-release", "blog-post", "article", "event", "portrait", "publication", "page");

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedItems(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An item as a feed shows it; {@code summary} is plain text, {@code bodyHtml} the sanitised body. */
    record FeedItem(UUID id, String type, String slug, String title, String summary, String bodyHtml,
            Instant published, Instant updated, List<Tag> tags) {
    }

    record Tag(String key, String name) {
    }

    Optional<Tag> tag(String key, Language lang) {
        return jdbc.sql("SELECT key, name_sv, name_en FROM news_tag WHERE key = ?").param(key)
                .query((rs, i) -> new Tag(rs.getString(1), lang.pick(rs.getString(2), rs.getString(3)))).optional();
    }

    /**
     * @param type null for every type but pages
     * @param tag  null for any tag
     */
    List<FeedItem> latest(Language lang, String type, String tag, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.type, n.slug, n.title, n.lead, search_plain_text(n.body_html), n.body_html, n.publish_at,
                       greatest(n.updated_at, n.publish_at),
                       coalesce((SELECT array_agg(t.key || chr(1) || CASE WHEN :lang = 'en' THEN t.name_en ELSE t.name_sv END
                                                   ORDER BY t.key)
                                 FROM news_item_tag it JOIN news_tag t ON t.key = it.tag_key WHERE it.item_id = n.id), '{}')
                FROM news_item n
                WHERE n.status = 'published' AND n.publish_at <= :now AND n.language = :lang
                  AND (CAST(:type AS TEXT) IS NULL AND n.type <> 'page' OR n.type = :type)
                  AND (CAST(:tag AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM news_item_tag it WHERE it.item_id = n.id AND it.tag_key = :tag))
                ORDER BY n.publish_at DESC, n.id
                LIMIT :limit
                """)
                .param("lang", lang.code()).param("now", Timestamp.from(clock.instant()))
                .param("type", type, java.sql.Types.VARCHAR).param("tag", tag, java.sql.Types.VARCHAR)
                .param("limit", limit)
                .query((rs, i) -> {
                    String lead = rs.getString(5);
                    String summary = lead == null || lead.isBlank() ? excerpt(SearchResults.decode(rs.getString(6))) : lead;
                    String[] tags = (String[]) rs.getArray(10).getArray();
                    return new FeedItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            summary, rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                            Arrays.stream(tags).map(t -> {
                                int sep = t.indexOf('\u0001');
                                return new Tag(t.substring(0, sep), t.substring(sep + 1));
                            }).toList());
                })
                .list();
    }

    /** The first words of a text, about 300 characters. */
    static String excerpt(String text) {
        if (text.length() <= 300) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 300);
        return text.substring(0, cut > 200 ? cut : 300) + " …";
    }
}

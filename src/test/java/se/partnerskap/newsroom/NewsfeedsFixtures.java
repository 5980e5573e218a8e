package se.partnerskap.newsroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * News items and tags written straight into the newsroom's tables for the search, feed and
 * subscription tests (the editor is another part of the module); {@link #clean()} removes them again.
 */
final class NewsfeedsFixtures {

    private final JdbcClient jdbc;
    private final List<UUID> items = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    NewsfeedsFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unique word for this test run, to find exactly one's own items. */
    String unique(String word) {
        StringBuilder w = new StringBuilder(word);
        for (char c : suffix.toCharArray()) {
            w.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return w.toString();
    }

    String slug(String base) {
        return base + "-" + suffix;
    }

    String tag(String key, String kind, String nameSv, String nameEn) {
        String k = key + "-" + suffix;
        jdbc.sql("INSERT INTO news_tag (key, kind, name_sv, name_en) VALUES (?, ?, ?, ?)")
                .params(k, kind, nameSv, nameEn).update();
        tags.add(k);
        return k;
    }

    record Item(UUID id, UUID group, String slug) {
    }

    Item item(String type, String language, String slug, String title, String lead, String bodyHtml, String status,
            Instant publishAt, String... tagKeys) {
        return item(UUID.randomUUID(), type, language, slug, title, lead, bodyHtml, status, publishAt, tagKeys);
    }

    Item item(UUID group, String type, String language, String slug, String title, String lead, String bodyHtml,
            String status, Instant publishAt, String... tagKeys) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO news_item (id, type, language, translation_group, slug, title, lead, body_html, status,
                                       publish_at, created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test', ?)
                """).params(id, type, language, group, slug, title, lead, bodyHtml, status,
                publishAt == null ? null : Timestamp.from(publishAt), now, now).update();
        for (String t : tagKeys) {
            jdbc.sql("INSERT INTO news_item_tag (item_id, tag_key) VALUES (?, ?)").params(id, t).update();
        }
        items.add(id);
        return new Item(id, group, slug);
    }

    void publish(UUID id, Instant at) {
        jdbc.sql("UPDATE news_item SET status = 'published', publish_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    void unpublish(UUID id) {
        jdbc.sql("UPDATE news_item SET status = 'unpublished' WHERE id = ?").param(id).update();
    }

    /** An address of this run, removed with its subscription afterwards. */
    String email(String name) {
        String e = name + "-" + suffix + "@subscriber.example";
        emails.add(e);
        return e;
    }

    void clean() {
        for (String e : emails) {
            jdbc.sql("DELETE FROM subscription_request WHERE email = ?").param(e).update();
            jdbc.sql("DELETE FROM subscription WHERE email = ?").param(e).update();
        }
        for (UUID id : items) {
            jdbc.sql("DELETE FROM subscription_delivery WHERE item_id = ?").param(id).update();
            jdbc.sql("DELETE FROM news_item WHERE id = ?").param(id).update();
        }
        for (String t : tags) {
            jdbc.sql("DELETE FROM news_tag WHERE key = ?").param(t).update();
        }
    }
}

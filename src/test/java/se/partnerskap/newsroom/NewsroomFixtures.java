package se.partnerskap.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.newsroom.internal.NewsItems;
import se.partnerskap.shared.Language;

/** Items that tests write through the newsroom itself (so that its cached pages hear of them), and remove. */
class NewsroomFixtures {

    private final NewsItems items;
    private final JdbcClient jdbc;
    private final List<UUID> created = new ArrayList<>();

    NewsroomFixtures(NewsItems items, JdbcClient jdbc) {
        this.items = items;
        this.jdbc = jdbc;
    }

    static NewsItems.Content content(String slug, String title, Language language) {
        return new NewsItems.Content("press-release", language, null, slug, title, "Ingressen till " + title,
                "<p>Brödtext.</p>", null, null, null, null, null, null, List.of(), null, null, null, List.of(),
                List.of(), List.of());
    }

    UUID published(String slug, String title, Instant at) {
        UUID id = items.insert(content(slug, title, Language.SV), "test", "published", at, false, false, null, at,
                "created");
        created.add(id);
        return id;
    }

    UUID track(UUID id) {
        created.add(id);
        return id;
    }

    void removeAll() {
        for (UUID id : created) {
            jdbc.sql("DELETE FROM news_item WHERE id = ?").param(id).update();
        }
        created.clear();
        // the public pages must not show what was removed behind the newsroom's back
        items.forgetRenderedPages();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

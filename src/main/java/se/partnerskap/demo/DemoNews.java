package se.partnerskap.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import se.partnerskap.audit.Audit;
import se.partnerskap.newsroom.NewsImport;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.StockholmTime;

/**
 * Every news item and the publication of {@code classpath:demo/seed-announcements.yaml} in the newsroom,
 * with its original title, lead, date and time, type and language. Once per database (its own row in
 * {@code demo_load}), and each item once by its source key. The seed's types the newsroom does not have
 * are mapped: news and opinion to article, social-post to blog-post, conference to event.
 */
@Service
class DemoNews {

    static final String DATA_SET = "seed-announcements/news";
    static final String SOURCE = "demo/";

    private static final Logger log = LoggerFactory.getLogger(DemoNews.class);
    private static final Map<String, String> TYPES = Map.of("news", "article", "opinion", "article",
            "social-post", "blog-post", "conference", "event");

    private final NewsImport news;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;

    DemoNews(NewsImport news, JdbcClient jdbc, Audit audit, Clock clock) {
        this.news = news;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public boolean loadOnce() {
        int marked = jdbc.sql("INSERT INTO demo_load (data_set, loaded_at) VALUES (?, ?) ON CONFLICT (data_set) DO NOTHING")
                .params(DATA_SET, Timestamp.from(clock.instant())).update();
        if (marked == 0) {
            return false;
        }
        int count = load(DemoLoader.yaml("demo/seed-announcements.yaml"));
        audit.record(DemoLoader.ACTOR, "demo-news-loaded", "demo-load", DATA_SET, Map.of("items", count));
        log.info("Loaded {} demo news items", count);
        return true;
    }

    int load(Map<String, Object> seed) {
        int count = 0;
        int order = 0;
        List<String[]> translations = new ArrayList<>();
        for (Map<String, Object> n : list(seed.get("news_items"))) {
            String key = string(n.get("key"));
            String type = string(n.get("type"));
            Object published = n.get("published");
            Instant at = null;
            boolean dateOnly = false;
            if (published != null) {
                String p = published.toString();
                if (p.length() == 10) {
                    at = LocalDate.parse(p).atStartOfDay(StockholmTime.ZONE).toInstant();
                    dateOnly = true;
                } else {
                    at = OffsetDateTime.parse(p).toInstant();
                }
            }
            Map<String, Object> tags = map(n.get("tags"));
            Map<String, Object> event = map(n.get("event"));
            String place = event.get("place_sv") != null ? string(event.get("place_sv")) : null;
            List<String> contacts = strings(n.get("contacts"));
            NewsImport.Item item = NewsImport.Item.of(SOURCE + key, TYPES.getOrDefault(type, type),
                    string(n.get("language")), key, string(n.get("title")), string(n.get("lead")),
                    body(strings(n.get("body_sv"))), at, dateOnly, order++)
                    .captionAndPlace(string(n.get("image_caption")), place)
                    .tagged(strings(tags.get("regions")), strings(n.get("countries")))
                    .contacts(Programmes.MUNICIPAL_PARTNERSHIP, contacts);
            if (news.importPublished(item, DemoLoader.ACTOR).isPresent()) {
                count++;
            }
            if (n.get("programme") != null) { // a grantee's story of a programme other than the partnerships
                news.tagWithProgramme(SOURCE + key, string(n.get("programme")));
            }
            if (n.get("translation") != null) {
                translations.add(new String[] {SOURCE + key, SOURCE + string(n.get("translation"))});
            }
        }
        for (Map<String, Object> p : list(seed.get("publications"))) {
            String key = string(p.get("key"));
            int year = ((Number) p.get("year")).intValue();
            NewsImport.Item publication = NewsImport.Item.of(SOURCE + key, "publication", string(p.get("language")), key,
                    string(p.get("title")), "", "", LocalDate.of(year, 1, 1).atStartOfDay(StockholmTime.ZONE).toInstant(),
                    true, order++)
                    .tagged(List.of(), strings(p.get("countries")))
                    .publication(strings(p.get("authors")), year, string(p.get("as_printed")), null);
            if (news.importPublished(publication, DemoLoader.ACTOR).isPresent()) {
                count++;
            }
        }
        for (String[] t : translations) {
            news.linkTranslations(t[1], t[0]);
        }
        return count;
    }

    /** The paragraphs of a body printed whole, as HTML paragraphs. */
    private static String body(List<String> paragraphs) {
        StringBuilder b = new StringBuilder();
        paragraphs.forEach(p -> b.append("<p>").append(HtmlUtils.htmlEscape(p)).append("</p>\n"));
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static List<String> strings(Object o) {
        return o == null ? List.of() : ((List<?>) o).stream().map(String::valueOf).toList();
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}

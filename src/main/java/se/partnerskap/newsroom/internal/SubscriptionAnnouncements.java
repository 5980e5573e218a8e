package se.partnerskap.newsroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.audit.Audit;
import se.partnerskap.newsroom.NewsItemPublished;
import se.partnerskap.platform.PartnerskapProperties;

/**
 * Announces news items once they are public: every minute (once across instances), and at once when
 * the editor calls {@link #announceNow()} after publishing. Each due item gets {@code announced_at}
 * and a {@link NewsItemPublished} in the same transaction, so the event publication registry holds
 * the event exactly when the item counts as announced. An item that became public more than
 * {@code partnerskap.newsroom.announce-max-age} ago (imported, back-dated or demo content) is marked
 * as announced without mailing anyone.
 */
@Component
public class SubscriptionAnnouncements {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final TransactionTemplate transaction;
    private final Duration maxAge;

    SubscriptionAnnouncements(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, Audit audit,
            PlatformTransactionManager transactions,
            PartnerskapProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.maxAge = properties.newsroom().announceMaxAge();
    }

    @Scheduled(fixedDelayString = "${partnerskap.newsroom.announce-every:PT1M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "news-announcements")
    void scheduled() {
        announceNow();
    }

    private record Due(UUID id, String language, String type, Instant publishedAt) {
    }

    /**
     * Announces every item that is public now and not yet announced. The editor may call it inside the
     * transaction that publishes (it joins it) or after the commit.
     *
     * @return how many items were announced to subscribers
     */
    public int announceNow() {
        Integer announced = transaction.execute(status -> {
            Instant now = clock.instant();
            List<Due> due = jdbc.sql("""
                    UPDATE news_item SET announced_at = :now
                    WHERE status = 'published' AND publish_at <= :now AND announced_at IS NULL
                    RETURNING id, language, type, publish_at
                    """).param("now", Timestamp.from(now))
                    .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()))
                    .list();
            int mailed = 0;
            for (Due d : due) {
                boolean old = d.publishedAt().isBefore(now.minus(maxAge));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("type", d.type());
                details.put("language", d.language());
                details.put("mailed", !old);
                audit.record("news-announcements", "news-item-announced", "news-item", d.id().toString(), details);
                if (!old) {
                    events.publishEvent(new NewsItemPublished(d.id(), d.language(), d.type(), d.publishedAt()));
                    mailed++;
                }
            }
            return mailed;
        });
        return announced == null ? 0 : announced;
    }
}

package se.partnerskap.newsroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.newsroom.NewsItemPublished;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * The subscribers' mail: the confirmation link, and every newly public item to its confirmed
 * subscribers (press releases to those who chose press releases, tagged items to those who chose one
 * of its tags), in the subscriber's language where the item has a public translation. At most once per
 * subscriber and item: a row in {@code subscription_delivery} (unique per translation group and
 * subscriber) is inserted in the same transaction that sends, so a re-delivered event or an item
 * announced again sends nothing more, and a failed send rolls its row back and leaves the event
 * publication incomplete, to be retried. Every mail carries List-Unsubscribe (RFC 2369) and
 * List-Unsubscribe-Post (RFC 8058) and the unsubscribe link in its text. This is the same record-then-send
 * in one transaction as {@link Mail#sendOnce}, kept in its own table because it says more: one mail per
 * translation group, only to a subscription still confirmed. The confirmation mail goes through
 * {@link Mail#sendOnce}.
 */
@Component
class SubscriptionMails {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionMails.class);

    private final JdbcClient jdbc;
    private final Mail mail;
    private final MessageSource messages;
    private final Clock clock;
    private final Links links;
    private final TransactionTemplate eachRecipient;

    SubscriptionMails(JdbcClient jdbc, Mail mail, MessageSource messages, Clock clock,
            Links links, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.links = links;
        this.eachRecipient = new TransactionTemplate(transactions);
        this.eachRecipient.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(SubscriptionConfirmationRequested event) {
        Language lang = Language.ofCode(event.language());
        String link = links.absolute(lang, "/prenumeration/bekrafta/" + event.token(),
                "/en/subscription/confirm/" + event.token());
        // keyed by the token's hash (the secret itself stays out of the table): each request once
        mail.sendOnce("subscription-confirmation:" + Subscriptions.hash(event.token()), new OutgoingMail(event.email(),
                t("newsfeeds.mail.confirm.subject", lang),
                t("newsfeeds.mail.confirm.text", lang, link, Subscriptions.LINK_VALID.toDays())));
    }

    private record Item(UUID id, String type, String language, UUID group, String slug, String title, String lead,
            java.time.Instant publishedAt) {
    }

    private record Recipient(UUID id, String email, Language language, String unsubscribeToken, boolean pressReleases,
            List<String> matchingTags) {
    }

    @ApplicationModuleListener
    void on(NewsItemPublished event) {
        Optional<Item> published = item(event.itemId());
        if (published.isEmpty()) {
            log.info("News item {} is no longer public; nothing announced", event.itemId());
            return;
        }
        Item item = published.get();
        String[] tags = jdbc.sql("SELECT tag_key FROM news_item_tag WHERE item_id = ? ORDER BY tag_key").param(item.id())
                .query(String.class).list().toArray(String[]::new);
        List<Recipient> recipients = jdbc.sql("""
                SELECT s.id, s.email, s.language, s.unsubscribe_token, s.press_releases,
                       coalesce((SELECT array_agg(st.tag_key ORDER BY st.tag_key) FROM subscription_tag st
                                 WHERE st.subscription_id = s.id AND st.tag_key = ANY(:tags)), '{}')
                FROM subscription s
                WHERE s.status = 'confirmed'
                  AND ((:press AND s.press_releases)
                       OR EXISTS (SELECT 1 FROM subscription_tag st WHERE st.subscription_id = s.id AND st.tag_key = ANY(:tags)))
                ORDER BY s.email
                """).param("tags", tags).param("press", "press-release".equals(item.type()))
                .query((rs, i) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2),
                        Language.ofCode(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                        Arrays.asList((String[]) rs.getArray(6).getArray())))
                .list();
        List<String> failed = new ArrayList<>();
        for (Recipient r : recipients) {
            try {
                eachRecipient.executeWithoutResult(status -> deliver(item, r));
            } catch (RuntimeException e) {
                log.warn("Could not send news item {} to subscription {}: {}", item.id(), r.id(), e.getMessage());
                failed.add(r.id().toString());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("News item " + item.id() + " not sent to " + failed.size()
                    + " subscribers; the publication stays incomplete and is retried");
        }
    }

    private Optional<Item> item(UUID id) {
        return jdbc.sql("""
                SELECT id, type, language, translation_group, slug, title, lead, publish_at FROM news_item
                WHERE id = ? AND status = 'published' AND publish_at <= ?
                """).params(id, Timestamp.from(clock.instant()))
                .query((rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** The public version of an item in a language (its translation), if there is one. */
    private Optional<Item> translation(Item item, Language lang) {
        if (item.language().equals(lang.code())) {
            return Optional.of(item);
        }
        return jdbc.sql("""
                SELECT id, type, language, translation_group, slug, title, lead, publish_at FROM news_item
                WHERE translation_group = ? AND language = ? AND status = 'published' AND publish_at <= ?
                """).params(item.group(), lang.code(), Timestamp.from(clock.instant()))
                .query((rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .optional();
    }

    private void deliver(Item announced, Recipient r) {
        Item item = translation(announced, r.language()).orElse(announced);
        int recorded = jdbc.sql("""
                INSERT INTO subscription_delivery (translation_group, subscription_id, item_id, sent_at)
                SELECT ?, s.id, ?, ? FROM subscription s WHERE s.id = ? AND s.status = 'confirmed'
                ON CONFLICT DO NOTHING
                """).params(item.group(), item.id(), Timestamp.from(clock.instant()), r.id()).update();
        if (recorded == 0) {
            return; // sent before, or unsubscribed meanwhile
        }
        Language lang = r.language();
        Language itemLang = Language.ofCode(item.language());
        String link = links.absolute(itemLang, "/nyheter/" + item.slug(), "/en/news/" + item.slug());
        String unsubscribe = unsubscribeLink(lang, r.unsubscribeToken());
        String type = t("newsfeeds.type." + item.type(), lang);
        List<String> why = new ArrayList<>();
        if (r.pressReleases() && "press-release".equals(item.type())) {
            why.add(t("newsfeeds.mail.why.pressReleases", lang));
        }
        if (!r.matchingTags().isEmpty()) {
            why.add(jdbc.sql("SELECT name_sv, name_en FROM news_tag WHERE key = ANY(?) ORDER BY name_sv")
                    .param(r.matchingTags().toArray(String[]::new))
                    .query((rs, i) -> lang.pick(rs.getString(1), rs.getString(2))).list().stream()
                    .collect(Collectors.joining(", ")));
        }
        String subject = type + ": " + item.title();
        String text = t("newsfeeds.mail.item.text", lang, item.title(),
                StockholmTime.date(StockholmTime.at(item.publishedAt()).toLocalDate(), lang),
                item.lead() == null ? "" : item.lead(), link, String.join("; ", why), unsubscribe);
        mail.send(new OutgoingMail(r.email(), subject, text, Map.of(
                "List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                "X-Partnerskap-News-Item", item.id().toString())));
    }

    String unsubscribeLink(Language lang, String token) {
        return links.absolute(lang, "/prenumeration/avsluta/" + token, "/en/subscription/unsubscribe/" + token);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}

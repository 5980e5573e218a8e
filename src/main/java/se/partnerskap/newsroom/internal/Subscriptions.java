package se.partnerskap.newsroom.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sha256;

/**
 * E-mail subscriptions to press releases and tags. Double opt-in: a request waits, with its choices,
 * until the link mailed to the address is used; asking again with the same address replaces the
 * request, and confirming updates the one subscription of that address. Whatever the address, the
 * visitor gets the same answer, so nobody learns who subscribes.
 */
@Service
@Transactional
public class Subscriptions {

    static final Duration LINK_VALID = Duration.ofDays(7);
    /** A new request for the same address within this time updates the choices but sends no second mail. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    Subscriptions(JdbcClient jdbc, Clock clock, Audit audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** A tag one can subscribe to. */
    public record SubscriptionTag(String key, String kind, String nameSv, String nameEn) {
        public String name(Language lang) {
            return lang.pick(nameSv, nameEn);
        }
    }

    /** A confirmed (or ended) subscription as its owner sees it through the link. */
    public record Subscription(UUID id, String email, Language language, boolean pressReleases, List<String> tags,
            String status, String unsubscribeToken) {
        public boolean confirmed() {
            return "confirmed".equals(status);
        }
    }

    /** A waiting request, found by its link. */
    public record Request(String email, Language language, boolean pressReleases, List<String> tags) {
    }

    @Transactional(readOnly = true)
    public List<SubscriptionTag> tags() {
        return jdbc.sql("SELECT key, kind, name_sv, name_en FROM news_tag ORDER BY kind, name_sv")
                .query((rs, i) -> new SubscriptionTag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    static boolean validEmail(String email) {
        return se.partnerskap.shared.EmailAddress.isValid(email);
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Records a request and mails its link; a new request of the same address replaces the old one. */
    public void request(String rawEmail, Language language, boolean pressReleases, List<String> tagKeys) {
        String email = normalise(rawEmail);
        List<String> known = tags().stream().map(SubscriptionTag::key).filter(tagKeys::contains).toList();
        Instant now = clock.instant();
        Optional<Instant> mailed = jdbc.sql("SELECT mailed_at FROM subscription_request WHERE email = ? AND expires_at > ?")
                .params(email, Timestamp.from(now)).query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("language", language.code());
        details.put("pressReleases", pressReleases);
        details.put("tags", known);
        if (mailed.isPresent() && mailed.get().isAfter(now.minus(RESEND_AFTER))) {
            jdbc.sql("""
                    UPDATE subscription_request SET language = ?, press_releases = ?, tag_keys = ?, requested_at = ?
                    WHERE email = ?
                    """).params(language.code(), pressReleases, known.toArray(String[]::new), Timestamp.from(now), email)
                    .update();
            details.put("mailed", false);
        } else {
            String token = token();
            jdbc.sql("""
                    INSERT INTO subscription_request (email, token_hash, language, press_releases, tag_keys, requested_at,
                                                      mailed_at, expires_at)
                    VALUES (:email, :hash, :lang, :press, :tags, :now, :now, :expires)
                    ON CONFLICT (email) DO UPDATE SET token_hash = EXCLUDED.token_hash, language = EXCLUDED.language,
                        press_releases = EXCLUDED.press_releases, tag_keys = EXCLUDED.tag_keys,
                        requested_at = EXCLUDED.requested_at, mailed_at = EXCLUDED.mailed_at, expires_at = EXCLUDED.expires_at
                    """)
                    .param("email", email).param("hash", hash(token)).param("lang", language.code())
                    .param("press", pressReleases).param("tags", known.toArray(String[]::new))
                    .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(LINK_VALID)))
                    .update();
            events.publishEvent(new SubscriptionConfirmationRequested(email, language.code(), token));
            details.put("mailed", true);
        }
        audit.record(email, "subscription-requested", "subscription", email, details);
    }

    /** The waiting request of a confirmation link, if the link is valid. */
    @Transactional(readOnly = true)
    public Optional<Request> pending(String token) {
        return jdbc.sql("""
                SELECT email, language, press_releases, tag_keys FROM subscription_request
                WHERE token_hash = ? AND expires_at > ?
                """).params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, i) -> new Request(rs.getString(1), Language.ofCode(rs.getString(2)), rs.getBoolean(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray())))
                .optional();
    }

    /** Confirms a request: the address's subscription now holds its choices. Empty when the link is not valid. */
    public Optional<Subscription> confirm(String token) {
        Optional<Request> request = pending(token);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Request r = request.get();
        Instant now = clock.instant();
        UUID id = jdbc.sql("""
                INSERT INTO subscription (id, email, language, press_releases, status, unsubscribe_token, confirmed_at,
                                          updated_at)
                VALUES (:id, :email, :lang, :press, 'confirmed', :unsubscribe, :now, :now)
                ON CONFLICT (email) DO UPDATE SET language = EXCLUDED.language, press_releases = EXCLUDED.press_releases,
                    status = 'confirmed', confirmed_at = EXCLUDED.confirmed_at, unsubscribed_at = NULL,
                    updated_at = EXCLUDED.updated_at
                RETURNING id
                """)
                .param("id", UUID.randomUUID()).param("email", r.email()).param("lang", r.language().code())
                .param("press", r.pressReleases()).param("unsubscribe", token()).param("now", Timestamp.from(now))
                .query(UUID.class).single();
        jdbc.sql("DELETE FROM subscription_tag WHERE subscription_id = ?").param(id).update();
        for (String tag : r.tags()) {
            jdbc.sql("""
                    INSERT INTO subscription_tag (subscription_id, tag_key) SELECT ?, key FROM news_tag WHERE key = ?
                    ON CONFLICT DO NOTHING
                    """).params(id, tag).update();
        }
        jdbc.sql("DELETE FROM subscription_request WHERE email = ?").param(r.email()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("language", r.language().code());
        details.put("pressReleases", r.pressReleases());
        details.put("tags", r.tags());
        audit.record(r.email(), "subscription-confirmed", "subscription", id.toString(), details);
        return byUnsubscribeToken(tokenOf(id));
    }

    private String tokenOf(UUID id) {
        return jdbc.sql("SELECT unsubscribe_token FROM subscription WHERE id = ?").param(id).query(String.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Subscription> byUnsubscribeToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT s.id, s.email, s.language, s.press_releases,
                       coalesce((SELECT array_agg(t.tag_key ORDER BY t.tag_key) FROM subscription_tag t WHERE t.subscription_id = s.id), '{}'),
                       s.status, s.unsubscribe_token
                FROM subscription s WHERE s.unsubscribe_token = ?
                """).param(token)
                .query((rs, i) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                        Language.ofCode(rs.getString(3)), rs.getBoolean(4),
                        Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6), rs.getString(7)))
                .optional();
    }

    /**
     * Ends a subscription by its unsubscribe link: nothing more is sent to it. Idempotent.
     *
     * @return false when the link is unknown
     */
    public boolean unsubscribe(String token) {
        Optional<Subscription> s = byUnsubscribeToken(token);
        if (s.isEmpty()) {
            return false;
        }
        if (s.get().confirmed()) {
            jdbc.sql("UPDATE subscription SET status = 'unsubscribed', unsubscribed_at = ?, updated_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), s.get().id()).update();
            audit.record(s.get().email(), "subscription-ended", "subscription", s.get().id().toString(), Map.of());
        }
        return true;
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}

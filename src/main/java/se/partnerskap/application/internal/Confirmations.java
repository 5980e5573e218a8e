package se.partnerskap.application.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.application.ApplicationSubmitted;
import se.partnerskap.audit.Audit;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sha256;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * Confirmations by a person an application names (the form's rule {@code confirmBy}; the fieldwork grant's
 * supervisor): when the application is submitted, that person is mailed a link, valid for 30 days, on which they
 * say once whether they support it. The database keeps only the link token's hash; each mail mints a new token.
 */
@Component
public class Confirmations {

    static final Duration VALID = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationRows stored;
    private final Applicants applicants;
    private final Mail mail;
    private final MessageSource messages;
    private final Links links;
    private final Audit audit;
    private final TransactionTemplate own;

    Confirmations(JdbcClient jdbc, Clock clock, ApplicationRows stored, Applicants applicants, Mail mail,
            MessageSource messages, Links links, Audit audit, PlatformTransactionManager transactions) {
        // a minted token's hash is committed before the mail carrying it goes out, whatever happens after
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.clock = clock;
        this.stored = stored;
        this.applicants = applicants;
        this.mail = mail;
        this.messages = messages;
        this.links = links;
        this.audit = audit;
    }

    /** A request as the page and the officers see it. */
    public record Request(UUID id, UUID applicationId, String name, String email, Language language, Instant expiresAt,
            Instant answeredAt, Boolean supports) {
        public boolean answered() {
            return answeredAt != null;
        }
    }

    /** Asks the person the submitted application names, once per application and address (a redelivery asks nothing more). */
    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        Application a = stored.find(event.applicationId()).orElseThrow();
        ApplicationForm.ConfirmBy rule = a.form().rules().confirmBy();
        if (rule == null) {
            return;
        }
        String name = answer(a, rule.name());
        String email = answer(a, rule.email());
        if (email.isBlank()) {
            return; // a required question: the submission had it; nothing to ask otherwise
        }
        Instant now = clock.instant();
        // committed at once, so that the token minted for the mail below (in a transaction of its own) finds it
        own.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO confirmation_request (id, application_id, email, name, token_hash, language, created_at, expires_at)
                VALUES (?, ?, lower(?), ?, ?, ?, ?, ?) ON CONFLICT (application_id, email) DO NOTHING
                """).params(UUID.randomUUID(), a.id(), email, name, Sha256.hex(token()), event.language(),
                Timestamp.from(now), Timestamp.from(now.plus(VALID))).update());
        Request request = byApplicationAndEmail(a.id(), email).orElseThrow();
        if (request.answered()) {
            return; // submitted again after a withdrawal: the answer given stands
        }
        String applicant = applicants.name(a);
        mail.sendOnce("confirmation:" + request.id() + ":v" + event.version(), email, () -> mint(request.id()).map(token -> {
            Language lang = request.language();
            String link = links.absolute(lang, "/handledare/" + token, "/en/supervisor/" + token);
            return new OutgoingMail(email, t(lang, "confirmation.mail.subject", applicant), t(lang, "confirmation.mail.body",
                    name, applicant, a.title(), event.reference(), link, StockholmTime.dateTime(request.expiresAt(), lang)));
        }));
        audit.record("system", "application.confirmation-requested", "application", a.id().toString(), Map.of(
                "request", request.id().toString(), "email", email));
    }

    /** A fresh token for a request not yet answered and not expired; its hash replaces the earlier link's. */
    Optional<String> mint(UUID requestId) {
        String token = token();
        Integer minted = own.execute(status -> jdbc.sql("""
                UPDATE confirmation_request SET token_hash = ? WHERE id = ? AND answered_at IS NULL AND expires_at > ?
                """).params(Sha256.hex(token), requestId, Timestamp.from(clock.instant())).update());
        if (minted == null || minted == 0) {
            log.info("Confirmation request {} is answered or expired: no mail", requestId);
        }
        return minted != null && minted == 1 ? Optional.of(token) : Optional.empty();
    }

    /** The request a link's token names while it is valid (answered or not); empty for any other token. */
    public Optional<Request> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE token_hash = ? AND expires_at > ?")
                .params(Sha256.hex(token), Timestamp.from(clock.instant())).query(this::request).optional();
    }

    /** What became of an answer. */
    public enum Answer {
        RECORDED, ALREADY_ANSWERED, NOT_FOUND
    }

    /** Records the answer of the link's holder, once; a second answer changes nothing. */
    @Transactional
    public Answer answer(String token, boolean supports) {
        Optional<Request> request = byToken(token);
        if (request.isEmpty()) {
            return Answer.NOT_FOUND;
        }
        int rows = jdbc.sql("""
                UPDATE confirmation_request SET answered_at = ?, supports = ? WHERE id = ? AND answered_at IS NULL
                """).params(Timestamp.from(clock.instant()), supports, request.get().id()).update();
        if (rows == 0) {
            return Answer.ALREADY_ANSWERED;
        }
        audit.record(request.get().email(), "application.confirmation-answered", "application",
                request.get().applicationId().toString(), Map.of("request", request.get().id().toString(), "supports", supports));
        return Answer.RECORDED;
    }

    /** An application's requests, for the officers. */
    public List<Request> of(UUID applicationId) {
        return jdbc.sql(SELECT + " WHERE application_id = ? ORDER BY created_at").param(applicationId)
                .query(this::request).list();
    }

    private Optional<Request> byApplicationAndEmail(UUID applicationId, String email) {
        return jdbc.sql(SELECT + " WHERE application_id = ? AND email = lower(?)").params(applicationId, email)
                .query(this::request).optional();
    }

    private static final String SELECT = """
            SELECT id, application_id, name, email, language, expires_at, answered_at, supports FROM confirmation_request
            """;

    private Request request(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Request(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("name"), rs.getString("email"), Language.ofCode(rs.getString("language")),
                rs.getTimestamp("expires_at").toInstant(), answered == null ? null : answered.toInstant(),
                answered == null ? null : rs.getBoolean("supports"));
    }

    private static String answer(Application a, String questionKey) {
        return a.form().sectionAsking(questionKey).map(s -> a.section(s).answers().one("q." + questionKey).strip())
                .orElse("");
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String t(Language lang, String key, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}

package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.MembershipDecided;
import se.partnerskap.identity.MembershipRequested;
import se.partnerskap.identity.Role;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.registry.Registry;
import se.partnerskap.web.NotFoundException;

/**
 * A registered person asks to act for a Swedish organisation; a member of that organisation or a case officer
 * approves (the person becomes a member, and an applicant) or declines. One open request per person and
 * organisation (a unique index); an answer is given once, by whoever is first, so two members answering at the
 * same moment cannot both count. Every step is audited, and told by mail from the events ({@link IdentityMails}).
 */
@Service
@Transactional
public class MembershipRequests {

    /** The longest message a request may carry (the column's check). */
    static final int MESSAGE_MAX = 1000;

    /** A request as the pages show it. */
    public record Request(UUID id, UUID userId, String name, String email, UUID organisationId,
            String organisation, String message, Instant createdAt, String decision, Instant decidedAt) {

        public boolean open() {
            return decision == null;
        }
    }

    /** How many requests one person may have waiting at a time (each mails the organisation's members). */
    static final int OPEN_MAX = 5;

    /** Why a request cannot be made. */
    enum Refusal { NO_SUCH_ORGANISATION, ALREADY_MEMBER, ALREADY_ASKED, TOO_MANY_OPEN }

    /** The answer to a decision: given now, or given before by someone else. */
    enum Decision { DECIDED, ALREADY_DECIDED }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Registry registry;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    MembershipRequests(JdbcClient jdbc, Clock clock, Registry registry, Audit audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
    }

    /** Asks to join {@code organisationId}; empty when done, else why not (nothing is written then). */
    public Optional<Refusal> ask(SignedIn me, UUID organisationId, String message) {
        if (registry.swedishOrganisation(organisationId).isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_ORGANISATION);
        }
        if (isMember(me.userId(), organisationId)) {
            return Optional.of(Refusal.ALREADY_MEMBER);
        }
        if (jdbc.sql("SELECT count(*) FROM membership_request WHERE user_id = ? AND decided_at IS NULL")
                .param(me.userId()).query(Integer.class).single() >= OPEN_MAX) {
            return Optional.of(Refusal.TOO_MANY_OPEN);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO membership_request (id, user_id, organisation_id, message, created_at)
                    VALUES (?, ?, ?, ?, ?)
                    """).params(id, me.userId(), organisationId, message.strip(), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException openOneExists) {
            return Optional.of(Refusal.ALREADY_ASKED);
        }
        audit.record(me.email(), "membership.requested", "membership-request", id.toString(),
                Map.of("organisation", organisationId.toString()));
        events.publishEvent(new MembershipRequested(id, me.userId(), organisationId));
        return Optional.empty();
    }

    /** My requests, newest first. */
    @Transactional(readOnly = true)
    public List<Request> mine(UUID userId) {
        return select("r.user_id = ?", userId);
    }

    /** The open requests {@code me} may answer: every one for a case officer, else those to my organisations. */
    @Transactional(readOnly = true)
    public List<Request> openFor(SignedIn me, boolean caseOfficer) {
        return caseOfficer ? select("r.decided_at IS NULL", null)
                : select("r.decided_at IS NULL AND " + MEMBER_OF_ITS_ORGANISATION, me.userId());
    }

    /** How many open requests {@code me} may answer (as {@link #openFor} lists them). */
    @Transactional(readOnly = true)
    public int countOpenFor(SignedIn me, boolean caseOfficer) {
        return caseOfficer
                ? jdbc.sql("SELECT count(*) FROM membership_request r WHERE r.decided_at IS NULL")
                        .query(Integer.class).single()
                : jdbc.sql("SELECT count(*) FROM membership_request r WHERE r.decided_at IS NULL AND "
                        + MEMBER_OF_ITS_ORGANISATION).param(me.userId()).query(Integer.class).single();
    }

    /** One request, answered or not, whoever may answer it. */
    @Transactional(readOnly = true)
    Optional<Request> one(UUID requestId) {
        return select("r.id = ?", requestId).stream().findFirst();
    }

    /**
     * Approves or declines an open request {@code me} may answer (404 otherwise, as for one that does not
     * exist); a request answered before is left as it was.
     */
    public Decision decide(SignedIn me, boolean caseOfficer, UUID requestId, boolean approve) {
        Request request = one(requestId).orElseThrow(NotFoundException::new);
        if (!caseOfficer && !isMember(me.userId(), request.organisationId())) {
            throw new NotFoundException();
        }
        Instant now = clock.instant();
        int decided = jdbc.sql("""
                UPDATE membership_request SET decision = ?, decided_by = ?, decided_at = ?
                WHERE id = ? AND decided_at IS NULL
                """).params(approve ? "approved" : "declined", me.userId(), Timestamp.from(now), requestId).update();
        if (decided == 0) {
            return Decision.ALREADY_DECIDED;
        }
        if (approve) {
            jdbc.sql("INSERT INTO membership (user_id, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(request.userId(), request.organisationId()).update();
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(request.userId(), Role.APPLICANT.name()).update();
        }
        audit.record(me.email(), approve ? "membership.approved" : "membership.declined", "membership-request",
                requestId.toString(), Map.of("user", request.userId().toString(),
                        "organisation", request.organisationId().toString()));
        events.publishEvent(new MembershipDecided(requestId, request.userId(), request.organisationId(), approve));
        return Decision.DECIDED;
    }

    private static final String MEMBER_OF_ITS_ORGANISATION =
            "EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = r.organisation_id AND m.user_id = ?)";

    private boolean isMember(UUID userId, UUID organisationId) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE user_id = ? AND organisation_id = ?")
                .params(userId, organisationId).query(Integer.class).single() > 0;
    }

    private List<Request> select(String where, Object param) {
        var statement = jdbc.sql("""
                SELECT r.id, r.user_id, u.display_name, u.email, r.organisation_id, o.name, r.message, r.created_at,
                       r.decision, r.decided_at
                FROM membership_request r JOIN app_user u ON u.id = r.user_id
                JOIN swedish_organisation o ON o.id = r.organisation_id
                WHERE %s ORDER BY r.created_at DESC, r.id LIMIT 500
                """.formatted(where));
        if (param != null) {
            statement = statement.param(param);
        }
        return statement.query((rs, i) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant())).list();
    }
}

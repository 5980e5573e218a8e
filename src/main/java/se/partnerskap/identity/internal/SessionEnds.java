package se.partnerskap.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.SessionsEnded;
import se.partnerskap.shared.EmailAddress;

/**
 * Ends a user's sessions when the account says so: disabled, password reset, password changed.
 * Two locks on the same door. The sessions are deleted through Spring Session's index by principal
 * name (the e-mail address, for form and OpenID Connect login alike: {@link UserPrincipal#getUsername()},
 * {@link OidcPrincipal#getName()}). And the user's {@code session_version} is raised: every session
 * remembers the version it was opened with, and {@link SessionVersionCheck} treats a session whose
 * version is no longer the account's (or whose account is disabled) as logged out, whatever survived.
 */
@Component
class SessionEnds {

    /**
     * Session attribute {@code <user id>/<version>}: the version this session is valid for after a password
     * change in it. Names the user, so that a later login as someone else in the same session ignores it.
     */
    static final String VERSION = "identity.session-version";

    private static final Logger log = LoggerFactory.getLogger(SessionEnds.class);

    private final JdbcClient jdbc;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    SessionEnds(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions, Audit audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The version a login starts with. Read before the password hash is checked, so that a reset in
     * between ends this login as well, never the other way round.
     */
    long current(String email) {
        return jdbc.sql("SELECT session_version FROM app_user WHERE email = ?").param(Account.normalise(email))
                .query(Long.class).optional().orElse(0L);
    }

    /**
     * One lookup by primary key: is a session opened with {@code version} still valid for that user?
     * Only {@code enabled} counts: an invited user who never set a password may log in by OpenID Connect.
     */
    boolean valid(UUID userId, long version) {
        Optional<Long> current = jdbc.sql("SELECT session_version FROM app_user WHERE id = ? AND enabled")
                .param(userId).query(Long.class).optional();
        return current.isPresent() && current.get() == version;
    }

    /**
     * Ends every session of the user: raises the version in the caller's transaction (with its audit
     * entry) and deletes the sessions once that transaction has committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void endAll(UUID userId, String email, String actor, String reason) {
        raise(userId, actor, reason);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delete(email, null);
            }
        });
    }

    /** The first half of a password change: every session opened so far is no longer valid. */
    @Transactional(propagation = Propagation.MANDATORY)
    void raise(UUID userId, String actor, String reason) {
        jdbc.sql("UPDATE app_user SET session_version = session_version + 1 WHERE id = ?").param(userId).update();
        audit.record(actor, "user.sessions-ended", "user", userId.toString(), Map.of("reason", reason));
        events.publishEvent(new SessionsEnded(userId, reason));
    }

    /**
     * The second half of a password change, after its commit: this session stays (under a new id, and
     * valid for the new version), every other session of the user is deleted.
     */
    void keepOnly(HttpServletRequest request, UUID userId, String email) {
        HttpSession session = request.getSession();
        long version = jdbc.sql("SELECT session_version FROM app_user WHERE id = ?").param(userId)
                .query(Long.class).single();
        session.setAttribute(VERSION, userId + "/" + version);
        delete(email, session.getId());
        request.changeSessionId();
    }

    /** The version a session of that login is valid for: set by a password change in it, else the login's. */
    static long expected(HttpSession session, VersionedLogin login) {
        if (session != null && session.getAttribute(VERSION) instanceof String kept
                && kept.startsWith(login.userId() + "/")) {
            return Long.parseLong(kept.substring(kept.indexOf('/') + 1));
        }
        return login.sessionVersion();
    }

    private void delete(String email, String keep) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(Account.normalise(email)).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        log.info("Ended {} session(s) of {}", ended, EmailAddress.forLog(email));
    }
}

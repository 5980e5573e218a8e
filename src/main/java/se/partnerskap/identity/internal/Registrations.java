package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.RegistrationForExistingAccount;
import se.partnerskap.identity.RegistrationRequested;
import se.partnerskap.identity.Role;
import se.partnerskap.shared.Language;

/**
 * People create their own account: a name and an e-mail address make an applicant account that cannot log in
 * yet, and an {@code invitation} row of kind {@code registration} whose link (mailed by {@link IdentityMails})
 * confirms the address and sets the password, as an invitation's does. The answer is the same whatever the
 * address: an active account's owner gets a mail saying they already have one; a not yet activated account gets
 * a new link, which replaces its earlier ones; a disabled account gets nothing. The caller counts the mail
 * against {@code MailLimits} first (anyone can ask for this mail).
 */
@Service
class Registrations {

    /** What a registration did; the page says the same for each. */
    enum Outcome { NEW_ACCOUNT, NEW_LINK, EXISTING_ACCOUNT, NOTHING }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Accounts accounts;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Registrations(JdbcClient jdbc, Clock clock, Accounts accounts, Audit audit, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
    }

    /** Registers {@code name} at {@code email} (both checked by the caller), mails in {@code language}. */
    Outcome register(String email, String name, Language language) {
        String address = Account.normalise(email);
        try {
            return transaction.execute(t -> registerInTransaction(address, name.strip(), language));
        } catch (DuplicateKeyException sameAddressAtTheSameTime) {
            return Outcome.NOTHING; // the other request made the account and sends its link
        }
    }

    private Outcome registerInTransaction(String address, String name, Language language) {
        Instant now = clock.instant();
        Optional<Account> existing = accounts.byEmail(address);
        if (existing.isPresent() && !existing.get().enabled()) {
            audit.record(address, "user.registration-refused", "user", existing.get().id().toString(),
                    Map.of("reason", "disabled"));
            return Outcome.NOTHING;
        }
        if (existing.isPresent() && existing.get().activatedAt() != null) {
            Account a = existing.get();
            audit.record(address, "user.registration-for-existing-account", "user", a.id().toString(), Map.of());
            events.publishEvent(new RegistrationForExistingAccount(UUID.randomUUID(), a.id(), a.email(),
                    a.displayName(), language.code()));
            return Outcome.EXISTING_ACCOUNT;
        }
        UUID userId;
        Outcome outcome;
        if (existing.isPresent()) {
            userId = existing.get().id();
            int replaced = jdbc.sql("""
                    UPDATE invitation SET expires_at = ? WHERE user_id = ? AND used_at IS NULL AND expires_at > ?
                    """).params(Timestamp.from(now), userId, Timestamp.from(now)).update();
            audit.record(address, "user.registration-repeated", "user", userId.toString(), Map.of("replaced", replaced));
            outcome = Outcome.NEW_LINK;
        } else {
            userId = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO app_user (id, email, display_name, password_hash, language, enabled, activated_at, created_at,
                                          self_registered)
                    VALUES (?, ?, ?, NULL, ?, true, NULL, ?, true)
                    """).params(userId, address, name, language.code(), Timestamp.from(now)).update();
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(userId, Role.APPLICANT.name()).update();
            audit.record(address, "user.registered", "user", userId.toString(), Map.of("email", address));
            outcome = Outcome.NEW_ACCOUNT;
        }
        UUID invitationId = UUID.randomUUID();
        Instant expires = now.plus(Accounts.INVITATION_VALIDITY);
        // the link's token is minted when the mail goes out (LinkTokens), so the event holds no secret
        jdbc.sql("""
                INSERT INTO invitation (id, user_id, token_hash, invited_by, created_at, expires_at, kind)
                VALUES (?, ?, ?, NULL, ?, ?, 'registration')
                """).params(invitationId, userId, LinkTokens.unusableHash(), Timestamp.from(now), Timestamp.from(expires))
                .update();
        String shownName = existing.map(Account::displayName).filter(n -> !n.isBlank()).orElse(name);
        events.publishEvent(new RegistrationRequested(invitationId, userId, address, shownName, language.code(), expires));
        return outcome;
    }
}

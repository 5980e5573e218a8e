package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.InvitationCreated;
import se.partnerskap.identity.PasswordResetRequested;
import se.partnerskap.identity.Role;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.web.NotFoundException;

/**
 * The users of the platform and every change to them. Each change writes its audit entry in the same
 * transaction; mail goes out from the events published here, after the commit.
 */
@Service
@Transactional
public class Accounts {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final Registry registry;
    private final ApplicationEventPublisher events;
    private final SessionEnds sessions;

    Accounts(JdbcClient jdbc, Clock clock, PasswordEncoder encoder, Audit audit, Registry registry,
            ApplicationEventPublisher events, SessionEnds sessions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = encoder;
        this.audit = audit;
        this.registry = registry;
        this.events = events;
        this.sessions = sessions;
    }

    /** The e-mail address is already used by another user. */
    public static class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("E-mail already in use");
        }
    }

    /** An administrator tried to take away their own administrator role or account. */
    public static class CannotDemoteSelf extends RuntimeException {
        CannotDemoteSelf() {
            super("An administrator cannot remove their own administrator role");
        }
    }

    public record Invite(String email, String name, String language, Set<Role> roles, Set<UUID> organisations) {
    }

    /**
     * What the invitation page shows: who is invited, by whom, for which organisations; or, for a registration
     * ({@link Registrations}), whose address the link confirms.
     */
    public record PendingInvitation(UUID invitationId, Account invitee, String invitedBy,
            List<SwedishOrganisation> organisations, boolean registration) {
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Optional<Account> byEmail(String email) {
        return one("WHERE u.email = ?", Account.normalise(email));
    }

    @Transactional(readOnly = true)
    public Optional<Account> byId(UUID id) {
        return one("WHERE u.id = ?", id);
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return load("", List.of());
    }

    private Optional<Account> one(String where, Object param) {
        return load(where, List.of(param)).stream().findFirst();
    }

    private List<Account> load(String where, List<Object> params) {
        record Row(UUID id, String email, String displayName, String passwordHash, String language, boolean enabled,
                Timestamp activatedAt, Timestamp createdAt, boolean selfRegistered) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT u.id, u.email, u.display_name, u.password_hash, u.language, u.enabled, u.activated_at, u.created_at,
                       u.self_registered
                FROM app_user u %s ORDER BY lower(u.display_name), u.email
                """.formatted(where)).params(params).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM user_role WHERE user_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        Map<UUID, Set<UUID>> orgs = new HashMap<>();
        jdbc.sql("SELECT user_id, organisation_id FROM membership WHERE user_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> orgs.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return rows.stream().map(r -> new Account(r.id(), r.email(), r.displayName(), r.passwordHash(),
                r.language().strip(), r.enabled(), instant(r.activatedAt()), instant(r.createdAt()),
                Set.copyOf(roles.getOrDefault(r.id(), Set.of())), Set.copyOf(orgs.getOrDefault(r.id(), Set.of())),
                r.selfRegistered()))
                .toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // ---------------------------------------------------------------- invitations

    /** Creates the user (not yet active) and its invitation; the mail goes out from {@link InvitationCreated}. */
    public Account invite(Account admin, Invite invite) {
        String email = Account.normalise(invite.email());
        if (byEmail(email).isPresent()) {
            throw new EmailTaken();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        insertUser(id, email, invite.name().strip(), null, invite.language(), null, now);
        writeRolesAndOrganisations(id, invite.roles(), invite.organisations());
        UUID invitationId = UUID.randomUUID();
        Instant expires = now.plus(INVITATION_VALIDITY);
        // the link's token is minted when the mail goes out (LinkTokens), so the event holds no secret
        jdbc.sql("""
                INSERT INTO invitation (id, user_id, token_hash, invited_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(invitationId, id, LinkTokens.unusableHash(), admin.id(), ts(now), ts(expires)).update();
        audit.record(admin.email(), "user.invited", "user", id.toString(), Map.of("email", email,
                "roles", sorted(invite.roles()), "organisations", invite.organisations().stream().map(UUID::toString).sorted().toList()));
        List<String> orgNames = registry.swedishOrganisations(invite.organisations()).stream()
                .map(SwedishOrganisation::name).toList();
        events.publishEvent(new InvitationCreated(invitationId, id, email, invite.name().strip(), invite.language(),
                admin.displayName(), orgNames, expires));
        return byId(id).orElseThrow();
    }

    /** The invitation of a link: 404 for an unknown token, 410 for a used or expired one. */
    @Transactional(readOnly = true)
    public PendingInvitation invitation(String token) {
        record Row(UUID id, UUID userId, UUID invitedBy, Timestamp expiresAt, Timestamp usedAt, String kind) {
        }
        Row row = jdbc.sql("SELECT id, user_id, invited_by, expires_at, used_at, kind FROM invitation WHERE token_hash = ?")
                .param(Tokens.hash(token)).query(Row.class).optional().orElseThrow(NotFoundException::new);
        Account invitee = byId(row.userId()).orElseThrow(NotFoundException::new);
        if (row.usedAt() != null || !row.expiresAt().toInstant().isAfter(clock.instant()) || !invitee.enabled()
                || invitee.activatedAt() != null) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        String by = row.invitedBy() == null ? "" : byId(row.invitedBy()).map(Account::displayName).orElse("");
        return new PendingInvitation(row.id(), invitee, by, registry.swedishOrganisations(invitee.organisations()),
                "registration".equals(row.kind()));
    }

    /** Accepts an invitation once: sets name and password and activates the user. */
    public Account accept(String token, String displayName, String password) {
        PendingInvitation pending = invitation(token);
        int used = jdbc.sql("UPDATE invitation SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(ts(clock.instant()), pending.invitationId()).update();
        if (used != 1) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        UUID id = pending.invitee().id();
        jdbc.sql("UPDATE app_user SET display_name = ?, password_hash = ?, activated_at = ? WHERE id = ?")
                .params(displayName.strip(), encoder.encode(password), ts(clock.instant()), id).update();
        audit.record(pending.invitee().email(), pending.registration() ? "user.registration-confirmed"
                : "user.invitation-accepted", "user", id.toString(), Map.of());
        return byId(id).orElseThrow();
    }

    // ---------------------------------------------------------------- administration

    /** Sets a user's roles, organisations and whether it may log in. */
    public void update(Account admin, UUID userId, Set<Role> roles, Set<UUID> organisations, boolean enabled) {
        Account before = byId(userId).orElseThrow(NotFoundException::new);
        if (admin.id().equals(userId) && (!roles.contains(Role.ADMINISTRATOR) || !enabled)) {
            throw new CannotDemoteSelf();
        }
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM membership WHERE user_id = ?").param(userId).update();
        writeRolesAndOrganisations(userId, roles, organisations);
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, userId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        if (!before.roles().equals(roles)) {
            details.put("rolesBefore", sorted(before.roles()));
            details.put("roles", sorted(roles));
            audit.record(admin.email(), "user.roles-changed", "user", userId.toString(), details);
        }
        if (!before.organisations().equals(organisations)) {
            audit.record(admin.email(), "user.organisations-changed", "user", userId.toString(), Map.of(
                    "organisations", organisations.stream().map(UUID::toString).sorted().toList()));
        }
        if (before.enabled() != enabled) {
            audit.record(admin.email(), enabled ? "user.enabled" : "user.disabled", "user", userId.toString(), Map.of());
        }
        if (before.enabled() && !enabled) {
            sessions.endAll(userId, before.email(), admin.email(), "disabled");
        } else if (enabled && !roles.containsAll(before.roles())) {
            // a session keeps the roles it logged in with: a role taken away must not outlive the change
            sessions.endAll(userId, before.email(), admin.email(), "role-removed");
        }
    }

    // ---------------------------------------------------------------- own account

    /** Changes the password if {@code current} is right; false otherwise (nothing changes). */
    public boolean changePassword(UUID userId, String current, String next) {
        Account account = byId(userId).orElseThrow(NotFoundException::new);
        if (account.passwordHash() == null || current == null || !encoder.matches(current, account.passwordHash())) {
            return false;
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(encoder.encode(next), userId).update();
        audit.record(account.email(), "user.password-changed", "user", userId.toString(), Map.of());
        // the other sessions end; the caller keeps its own (SessionEnds#keepOnly)
        sessions.raise(userId, account.email(), "password-changed");
        return true;
    }

    public void changeLanguage(UUID userId, String language) {
        Account account = byId(userId).orElseThrow(NotFoundException::new);
        jdbc.sql("UPDATE app_user SET language = ? WHERE id = ?").params(language, userId).update();
        audit.record(account.email(), "user.language-changed", "user", userId.toString(), Map.of("language", language));
    }

    // ---------------------------------------------------------------- password reset

    /** Sends a reset link if an active user has that e-mail; says nothing either way. */
    public void requestReset(String email, String pageLanguage) {
        Optional<Account> account = byEmail(email).filter(Account::canLogIn);
        if (account.isEmpty()) {
            return;
        }
        Account a = account.get();
        UUID resetId = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(RESET_VALIDITY);
        int replaced = revokeOpenResets(a.id(), now);
        // the link's token is minted when the mail goes out (LinkTokens), so the event holds no secret
        jdbc.sql("INSERT INTO password_reset (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(resetId, a.id(), LinkTokens.unusableHash(), ts(now), ts(expires)).update();
        audit.record(a.email(), "user.password-reset-requested", "user", a.id().toString(), Map.of("replaced", replaced));
        events.publishEvent(new PasswordResetRequested(resetId, a.id(), a.email(), a.displayName(), pageLanguage, expires));
    }

    /** The user of a reset link: 404 for an unknown token, 410 for a used or expired one. */
    @Transactional(readOnly = true)
    public Account resetLink(String token) {
        record Row(UUID id, UUID userId, Timestamp expiresAt, Timestamp usedAt, Timestamp revokedAt) {
        }
        Row row = jdbc.sql("SELECT id, user_id, expires_at, used_at, revoked_at FROM password_reset WHERE token_hash = ?")
                .param(Tokens.hash(token)).query(Row.class).optional().orElseThrow(NotFoundException::new);
        Account account = byId(row.userId()).orElseThrow(NotFoundException::new);
        if (row.usedAt() != null || row.revokedAt() != null || !row.expiresAt().toInstant().isAfter(clock.instant()) || !account.enabled()) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        return account;
    }

    public void resetPassword(String token, String password) {
        Account account = resetLink(token);
        int used = jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(ts(clock.instant()), Tokens.hash(token)).update();
        if (used != 1) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(encoder.encode(password), account.id()).update();
        revokeOpenResets(account.id(), clock.instant());
        audit.record(account.email(), "user.password-reset", "user", account.id().toString(), Map.of());
        sessions.endAll(account.id(), account.email(), account.email(), "password-reset");
    }

    /** A new reset link (or a reset done) makes the user's earlier unused links invalid (410). */
    private int revokeOpenResets(UUID userId, Instant now) {
        return jdbc.sql("UPDATE password_reset SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(ts(now), userId).update();
    }

    // ---------------------------------------------------------------- demo

    /** Creates an active user unless one with that e-mail exists; true if it was created. */
    public boolean createActiveIfMissing(String email, String name, String password, Set<Role> roles,
            Set<UUID> organisations) {
        String normalised = Account.normalise(email);
        if (byEmail(normalised).isPresent()) {
            return false;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        insertUser(id, normalised, name, encoder.encode(password), "sv", now, now);
        writeRolesAndOrganisations(id, roles, organisations);
        audit.record("system", "user.created", "user", id.toString(), Map.of("email", normalised, "roles", sorted(roles)));
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private void insertUser(UUID id, String email, String name, String hash, String language, Instant activatedAt,
            Instant now) {
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, language, enabled, activated_at, created_at)
                VALUES (?, ?, ?, ?, ?, true, ?, ?)
                """).params(id, email, name, hash, language, activatedAt == null ? null : ts(activatedAt), ts(now))
                .update();
    }

    private void writeRolesAndOrganisations(UUID id, Set<Role> roles, Set<UUID> organisations) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
        for (UUID org : organisations) {
            jdbc.sql("INSERT INTO membership (user_id, organisation_id) VALUES (?, ?)").params(id, org).update();
        }
    }

    private static List<String> sorted(Set<Role> roles) {
        List<String> names = new ArrayList<>(roles.stream().map(Role::name).toList());
        names.sort(null);
        return names;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}

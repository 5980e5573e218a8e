package se.partnerskap.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.Role;
import se.partnerskap.web.NotFoundException;

/**
 * The first administrator of a real deployment, the way self-hosted servers bootstrap theirs: while no
 * administrator can log in, each start issues a new one-time set-up link (only its hash is stored, in the
 * single row of {@code first_administrator_setup}); whoever opens it chooses the administrator's e-mail,
 * name and password. Every step holds one advisory lock, so instances starting together issue their links
 * one after the other (the last one issued is the only one that works) and two set-ups cannot both win.
 */
@Service
@Transactional
public class FirstAdministrator {

    private static final String LOCK = "identity.first-administrator";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordEncoder encoder;
    private final Audit audit;

    FirstAdministrator(JdbcClient jdbc, Clock clock, PasswordEncoder encoder, Audit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** A new set-up link's token, replacing any earlier one; empty (and no link left) once an administrator exists. */
    public Optional<String> issue() {
        lock();
        if (administratorExists()) {
            jdbc.sql("DELETE FROM first_administrator_setup").update();
            return Optional.empty();
        }
        String token = Tokens.random();
        jdbc.sql("""
                INSERT INTO first_administrator_setup (singleton, token_hash, created_at) VALUES (true, ?, ?)
                ON CONFLICT (singleton) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
                """).params(Tokens.hash(token), Timestamp.from(clock.instant())).update();
        audit.record("system", "setup.first-administrator-link-issued", "setup", "first-administrator", Map.of());
        return Optional.of(token);
    }

    /** Checks a set-up link: 410 once an administrator exists, 404 for a token that is not the current one. */
    @Transactional(readOnly = true)
    public void check(String token) {
        if (administratorExists()) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        if (!current(token)) {
            throw new NotFoundException();
        }
    }

    /**
     * Creates the first administrator, active at once, and uses the link up. Throws 410/404 as
     * {@link #check} does, and {@link Accounts.EmailTaken} when another user has that e-mail.
     */
    public UUID create(String token, String email, String name, String password, String language) {
        lock();
        check(token);
        String normalised = Account.normalise(email);
        boolean taken = jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(normalised)
                .query(Integer.class).single() > 0;
        if (taken) {
            throw new Accounts.EmailTaken();
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, language, enabled, activated_at, created_at)
                VALUES (?, ?, ?, ?, ?, true, ?, ?)
                """).params(id, normalised, name.strip(), encoder.encode(password), language, now, now).update();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, Role.ADMINISTRATOR.name()).update();
        jdbc.sql("DELETE FROM first_administrator_setup").update();
        audit.record(normalised, "user.first-administrator-created", "user", id.toString(),
                Map.of("email", normalised, "roles", java.util.List.of(Role.ADMINISTRATOR.name())));
        return id;
    }

    private boolean current(String token) {
        return jdbc.sql("SELECT count(*) FROM first_administrator_setup WHERE token_hash = ?").param(Tokens.hash(token))
                .query(Integer.class).single() == 1;
    }

    /** An administrator who can log in: enabled and activated (a password or single sign-on). */
    private boolean administratorExists() {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM app_user u JOIN user_role r ON r.user_id = u.id
                               WHERE r.role = 'ADMINISTRATOR' AND u.enabled AND u.activated_at IS NOT NULL)
                """).query(Boolean.class).single();
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(LOCK).query((rs, n) -> 1).single();
    }
}

package se.partnerskap.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;

/** The enabled users who hold a role, e.g. the reviewers a case officer may assign. */
@Service
@Transactional(readOnly = true)
public class People {

    /** A user as other modules may name it. */
    public record Person(UUID id, String email, String name) {
    }

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Person> withRole(Role role) {
        return jdbc.sql("""
                SELECT u.id, u.email, u.display_name FROM app_user u JOIN user_role r ON r.user_id = u.id
                WHERE r.role = ? AND u.enabled ORDER BY u.display_name
                """).param(role.name()).query((rs, i) -> new Person(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3))).list();
    }

    /** The name a user shows to others, found by the e-mail address the user logs in with; the address when no user has it. */
    public String name(String email) {
        if (email == null) {
            return null;
        }
        return jdbc.sql("SELECT display_name FROM app_user WHERE lower(email) = lower(?)").param(email)
                .query(String.class).optional().filter(n -> !n.isBlank()).orElse(email);
    }

    /** The name of a user (a person who applies for themselves, say); empty when there is none. */
    public String name(UUID userId) {
        return userId == null ? "" : jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId)
                .query(String.class).optional().orElse("");
    }

    /**
     * Whom a mail to {@code email} reaches: the enabled account with that address, by its name and in its
     * language; otherwise the person as typed ({@code typedName}, {@code otherwise}), e.g. a contact named in
     * an application's form, in the language the application was written in.
     */
    public Recipient recipient(String email, String typedName, Language otherwise) {
        if (email == null || email.isBlank()) {
            return new Recipient("", typedName, otherwise);
        }
        return jdbc.sql("SELECT display_name, language FROM app_user WHERE lower(email) = lower(?) AND enabled")
                .param(email.strip()).query((rs, i) -> new Recipient(email, rs.getString(1).isBlank() ? typedName
                        : rs.getString(1), Language.ofCode(rs.getString(2)))).optional()
                .orElseGet(() -> new Recipient(email, typedName, otherwise));
    }

    /** An enabled user holding {@code role}. */
    public Optional<Person> withRole(UUID id, Role role) {
        return withRole(role).stream().filter(p -> p.id().equals(id)).findFirst();
    }
}

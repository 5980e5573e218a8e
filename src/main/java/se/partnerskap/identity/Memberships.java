package se.partnerskap.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Swedish organisations a user acts for. Read at every request rather than kept in the session,
 * so that a membership an administrator removes stops giving access at once.
 */
@Service
@Transactional(readOnly = true)
public class Memberships {

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The same rule as {@link #organisationsOf} as an SQL condition, for a query that reads what a member may
     * change and whether the user is one in one statement: true when the user bound to the named parameter
     * {@code :member} (an enabled user) is a member of the organisation in {@code organisationColumn}.
     */
    public static String isMemberOf(String organisationColumn) {
        return "EXISTS (SELECT 1 FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.user_id = :member"
                + " AND u.enabled AND m.organisation_id = " + organisationColumn + ")";
    }

    /** The ids of the organisations {@code userId} is a member of (enabled users only). */
    public List<UUID> organisationsOf(UUID userId) {
        return jdbc.sql("""
                SELECT m.organisation_id FROM membership m JOIN app_user u ON u.id = m.user_id
                WHERE m.user_id = ? AND u.enabled ORDER BY m.organisation_id
                """).param(userId).query(UUID.class).list();
    }
}

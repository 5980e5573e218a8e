package se.partnerskap.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who act for a Swedish organisation, e.g. to remind them of what their organisation owes. */
@Service
@Transactional(readOnly = true)
public class OrganisationMembers {

    private final JdbcClient jdbc;

    OrganisationMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled members of {@code organisationId}, by name. */
    public List<People.Person> of(UUID organisationId) {
        return jdbc.sql("""
                SELECT u.id, u.email, u.display_name FROM app_user u JOIN membership m ON m.user_id = u.id
                WHERE m.organisation_id = ? AND u.enabled ORDER BY u.display_name
                """).param(organisationId)
                .query((rs, i) -> new People.Person(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }
}

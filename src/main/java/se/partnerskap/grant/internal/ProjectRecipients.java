package se.partnerskap.grant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.identity.OrganisationMembers;
import se.partnerskap.identity.People;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;

/**
 * Whom a mail about a project goes to, each by name and in their own language, each address once: the
 * person who acted (submitted the report, asked for the change), the person who submitted the application
 * and the contacts typed in its form, and the project's contacts. Those with an account read in their
 * account's language; the others in the language the application was written in (Swedish for a project
 * with no application).
 */
@Component
class ProjectRecipients {

    private final JdbcClient jdbc;
    private final SubmittedApplications applications;
    private final People people;
    private final OrganisationMembers members;

    ProjectRecipients(JdbcClient jdbc, SubmittedApplications applications, People people, OrganisationMembers members) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.people = people;
        this.members = members;
    }

    /** The people of the project, {@code actors} (login addresses, may be null) first. */
    List<Recipient> of(UUID projectId, String... actors) {
        UUID applicationId = jdbc.sql("SELECT application_id FROM funded_partnership WHERE id = ?").param(projectId)
                .query(UUID.class).optional().orElse(null);
        Language language = applicationId == null ? Language.SV : applications.find(applicationId)
                .map(SubmittedApplication::language).map(Language::ofCode).orElse(Language.SV);
        List<Recipient> all = new ArrayList<>();
        for (String actor : actors) {
            if (actor != null && !actor.isBlank() && !actor.startsWith("system")) {
                all.add(people.recipient(actor, "", language));
            }
        }
        if (applicationId != null) {
            all.addAll(applications.recipients(applicationId));
        }
        jdbc.sql("""
                SELECT name, email FROM project_contact WHERE funded_partnership_id = ? AND email <> '' ORDER BY position
                """).param(projectId).query((rs, i) -> people.recipient(rs.getString(2), rs.getString(1), language))
                .list().forEach(all::add);
        return Recipient.distinct(all);
    }

    /** As {@link #of}; when nobody is known, the members of the project's organisation. */
    List<Recipient> orMembers(UUID projectId, UUID organisationId, String... actors) {
        List<Recipient> to = of(projectId, actors);
        if (!to.isEmpty()) {
            return to;
        }
        return Recipient.distinct(members.of(organisationId).stream()
                .map(m -> people.recipient(m.email(), m.name(), Language.SV)).toList());
    }
}

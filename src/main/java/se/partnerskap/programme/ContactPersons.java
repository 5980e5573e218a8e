package se.partnerskap.programme;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.web.RenderedPages;

/** The contact persons a programme's page shows (content only). */
@Service
@Transactional(readOnly = true)
public class ContactPersons {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final RenderedPages pages;

    ContactPersons(JdbcClient jdbc, Audit audit, RenderedPages pages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.pages = pages;
    }

    public List<ContactPerson> of(String programme) {
        return jdbc.sql("""
                SELECT key, name, role_sv, role_en, phone, email FROM contact_person
                WHERE programme_key = ? ORDER BY position, name
                """).param(programme).query(ContactPerson.class).list();
    }

    /** Records a contact person once; an existing key is left as it is. */
    @Transactional
    public void record(String programme, int position, ContactPerson c, String actor) {
        int rows = jdbc.sql("""
                INSERT INTO contact_person (programme_key, key, position, name, role_sv, role_en, phone, email, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (programme_key, key) DO NOTHING
                """).params(programme, c.key(), position, c.name(), c.roleSv(), c.roleEn(), c.phone(), c.email(), actor)
                .update();
        if (rows == 1) {
            // the audit entry names the person, not their address: addresses stay in contact_person only
            audit.record(actor, "contact-person-recorded", "contact-person", programme + "/" + c.key(),
                    Map.of("name", c.name()));
            pages.invalidate(Programmes.PAGES_REGION); // the programme page lists its contact persons
        }
    }
}

package se.partnerskap.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the draft press releases that publishing a round writes. The newsroom takes each one
 * over as a draft when it hears {@link PressReleaseDrafted}.
 */
@Service
@Transactional(readOnly = true)
public class PressReleaseDrafts {

    private static final String SELECT = """
            SELECT id, round_id, title_sv, lead_sv, body_sv, title_en, lead_en, body_en, created_at, status, programme_key, contact_keys
            FROM press_release_draft
            """;

    private final JdbcClient jdbc;

    PressReleaseDrafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PressReleaseDraft> ofRound(UUID roundId) {
        return jdbc.sql(SELECT + " WHERE round_id = ?").param(roundId).query(PressReleaseDrafts::row).optional();
    }

    public Optional<PressReleaseDraft> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(PressReleaseDrafts::row).optional();
    }

    /** Every draft, newest first. */
    public List<PressReleaseDraft> all() {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC").query(PressReleaseDrafts::row).list();
    }

    private static PressReleaseDraft row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new PressReleaseDraft(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getString("title_sv"), rs.getString("lead_sv"), rs.getString("body_sv"), rs.getString("title_en"),
                rs.getString("lead_en"), rs.getString("body_en"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("status"), rs.getString("programme_key"),
                List.of((String[]) rs.getArray("contact_keys").getArray()));
    }
}

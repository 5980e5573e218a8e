package se.partnerskap.programme;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;

/** Writes rounds. For now: records past rounds (closed, announced) from the programme's public material. */
@Service
@Transactional(readOnly = true)
public class Rounds {

    private final JdbcClient jdbc;
    private final Audit audit;

    Rounds(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The id of a round by its key. */
    public Optional<UUID> id(String programme, String key) {
        return jdbc.sql("SELECT id FROM round WHERE programme_key = ? AND key = ?").params(programme, key)
                .query(UUID.class).optional();
    }

    /**
     * Records a past round as closed, once: if a round with that key exists already, nothing changes.
     *
     * @return the round's id
     */
    @Transactional
    public UUID recordPastRound(PastRound r, String actor) {
        UUID id = UUID.nameUUIDFromBytes(("round:" + r.programme() + ":" + r.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int rows = jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, budget_sek,
                                   budget_precision, announced_on, estimated_on, grantees_count, status, note, note_en)
                VALUES (:id, :programme, :key, :nameSv, :nameEn, :opensAt, :closesAt, :budget, :precision,
                        :announcedOn, :estimatedOn, :grantees, 'closed', :noteSv, :noteEn)
                ON CONFLICT (programme_key, key) DO NOTHING
                """)
                .param("id", id).param("programme", r.programme()).param("key", r.key())
                .param("nameSv", r.nameSv()).param("nameEn", r.nameEn())
                .param("opensAt", r.opensAt() == null ? null : r.opensAt().atOffset(java.time.ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closesAt", r.closesAt() == null ? null : r.closesAt().atOffset(java.time.ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("budget", r.budgetSek(), java.sql.Types.BIGINT)
                .param("precision", r.budgetPrecision() == null ? "exact" : r.budgetPrecision())
                .param("announcedOn", r.announcedOn(), java.sql.Types.DATE)
                .param("estimatedOn", r.estimatedOn(), java.sql.Types.DATE)
                .param("grantees", r.granteesCount(), java.sql.Types.INTEGER)
                .param("noteSv", r.noteSv()).param("noteEn", r.noteEn())
                .update();
        if (rows == 1) {
            Map<String, Object> details = new HashMap<>();
            details.put("programme", r.programme());
            details.put("key", r.key());
            details.put("name", r.nameSv());
            details.put("status", "closed");
            if (r.budgetSek() != null) {
                details.put("budgetSek", r.budgetSek());
            }
            audit.record(actor, "round-recorded", "round", id.toString(), details);
            return id;
        }
        return id(r.programme(), r.key()).orElseThrow();
    }
}

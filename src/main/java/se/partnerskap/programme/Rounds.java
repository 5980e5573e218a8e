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

    private final tools.jackson.databind.json.JsonMapper json;
    private final se.partnerskap.web.RenderedPages pages;

    Rounds(JdbcClient jdbc, Audit audit, tools.jackson.databind.json.JsonMapper json,
            se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    private static final String DETAILS = """
            SELECT r.id, r.programme_key, r.key, r.name_sv, r.name_en, r.opens_at, r.closes_at, r.extended_until,
                   r.budget_sek, r.max_amount_sek, r.status, r.continuous, r.one_per_lead_and_partner,
                   r.questions::text AS questions, r.version,
                   (SELECT coalesce(array_agg(c.country_iso2 ORDER BY c.country_iso2), '{}') FROM round_country c WHERE c.round_id = r.id) AS countries,
                   (SELECT coalesce(array_agg(c.component_key ORDER BY c.component_key), '{}') FROM round_component c WHERE c.round_id = r.id) AS components
            FROM round r
            """;

    /** Who last changed a round and when, and why its deadline was extended (the administrator's page). */
    public record Changes(String extensionReasonSv, String extensionReasonEn, String extendedBy,
            java.time.Instant extendedAt, String updatedBy, java.time.Instant updatedAt) {
    }

    /** The round's {@link Changes}; empty for no such round. */
    public Optional<Changes> changes(UUID id) {
        return jdbc.sql("""
                SELECT extension_reason_sv, extension_reason_en, extended_by, extended_at, updated_by, updated_at
                FROM round WHERE id = ?
                """).param(id).query((rs, i) -> new Changes(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())).optional();
    }

    /** A round with everything an application needs from it. */
    public Optional<RoundDetails> details(UUID id) {
        return jdbc.sql(DETAILS + " WHERE r.id = ?").param(id).query((org.springframework.jdbc.core.RowMapper<RoundDetails>) this::details).optional();
    }

    /**
     * The rounds of a programme that take submissions at {@code now} (with extensions), soonest deadline first:
     * never a draft, a closed round or one whose decisions are published.
     */
    public java.util.List<RoundDetails> openAt(String programme, java.time.Instant now) {
        return jdbc.sql(DETAILS + """
                 WHERE r.programme_key = ? AND r.status = 'open' AND r.opens_at <= ?
                   AND greatest(r.closes_at, coalesce(r.extended_until, r.closes_at)) >= ?
                """).params(programme, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
                .query((org.springframework.jdbc.core.RowMapper<RoundDetails>) this::details).list().stream()
                .sorted(java.util.Comparator.comparing(RoundDetails::deadline)).toList();
    }

    /** Every round of a programme that takes or took applications (not the announced past ones), newest first. */
    public java.util.List<RoundDetails> all(String programme) {
        return jdbc.sql(DETAILS + " WHERE r.programme_key = ? AND r.opens_at IS NOT NULL ORDER BY r.opens_at DESC")
                .param(programme).query((org.springframework.jdbc.core.RowMapper<RoundDetails>) this::details).list();
    }

    /**
     * The questions of a round as read from their JSON, kept by that text: the same text always reads as the same
     * (immutable) questions, so no instance can serve stale ones; a public page and every autosave read them.
     */
    private final java.util.Map<String, java.util.List<Question>> parsedQuestions = new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.List<Question> questions(String text) {
        java.util.List<Question> parsed = parsedQuestions.get(text);
        if (parsed == null) {
            parsed = java.util.List.of(json.readValue(text, Question[].class));
            if (parsedQuestions.size() >= 500) {
                parsedQuestions.clear();
            }
            parsedQuestions.put(text, parsed);
        }
        return parsed;
    }

    private RoundDetails details(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.util.List<Question> questions = questions(rs.getString("questions"));
        return new RoundDetails(rs.getObject("id", UUID.class), rs.getString("programme_key"), rs.getString("key"),
                rs.getString("name_sv"), rs.getString("name_en"), instant(rs, "opens_at"), instant(rs, "closes_at"),
                instant(rs, "extended_until"), (Long) rs.getObject("budget_sek"), (Long) rs.getObject("max_amount_sek"),
                RoundStatus.ofKey(rs.getString("status")), rs.getBoolean("continuous"), rs.getBoolean("one_per_lead_and_partner"),
                java.util.List.of((String[]) rs.getArray("countries").getArray()),
                java.util.List.of((String[]) rs.getArray("components").getArray()), questions, rs.getInt("version"));
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * The year of a round, as the statistics and the open data count it: the year its grants were announced, else
     * the year it closed (Stockholm time), else its estimated date's year, else the year it opened.
     */
    private static final String YEAR = """
            extract(year FROM coalesce(announced_on, (closes_at AT TIME ZONE 'Europe/Stockholm')::date, estimated_on,
                                       (opens_at AT TIME ZONE 'Europe/Stockholm')::date))::int""";

    /** The year of every round that has one (see {@link #YEAR}), by round. */
    public Map<UUID, Integer> years() {
        Map<UUID, Integer> years = new HashMap<>();
        jdbc.sql("SELECT id, " + YEAR + " FROM round").query(rs -> {
            int year = rs.getInt(2);
            if (!rs.wasNull()) {
                years.put(rs.getObject(1, UUID.class), year);
            }
        });
        return years;
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
            pages.invalidate(Programmes.PAGES_REGION);
            Map<String, Object> details = new HashMap<>();
            details.put("programme", r.programme());
            details.put("key", r.key());
            details.put("name", r.nameSv());
            details.put("status", RoundStatus.CLOSED.key());
            if (r.budgetSek() != null) {
                details.put("budgetSek", r.budgetSek());
            }
            audit.record(actor, "round-recorded", "round", id.toString(), details);
            return id;
        }
        return id(r.programme(), r.key()).orElseThrow();
    }

    /**
     * Marks a round's decisions published ({@link RoundStatus#DECISIONS_PUBLISHED}), once: the round's row is
     * locked for the caller's transaction, so that two officers publishing at the same moment publish it once.
     *
     * @return false when the round was published already (nothing changed)
     */
    @Transactional
    public boolean markPublished(UUID id) {
        RoundStatus status = jdbc.sql("SELECT status FROM round WHERE id = ? FOR UPDATE").param(id)
                .query((rs, i) -> RoundStatus.ofKey(rs.getString(1)))
                .optional().orElseThrow(() -> new IllegalArgumentException("No round " + id));
        if (status == RoundStatus.DECISIONS_PUBLISHED) {
            return false;
        }
        jdbc.sql("UPDATE round SET status = ?, version = version + 1 WHERE id = ?")
                .params(RoundStatus.DECISIONS_PUBLISHED.key(), id).update();
        pages.invalidate(Programmes.PAGES_REGION);
        return true;
    }
}

package se.partnerskap.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log for the officers' viewer, newest first, at most {@link #LIMIT} entries. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int LIMIT = 500;

    /** One recorded change: who, when, what, on which subject, with its details as JSON. */
    public record Entry(long id, Instant occurredAt, String actor, String action, String subjectType,
            String subjectId, String details) {
    }

    /**
     * What to show; a null or blank part does not filter. {@code subjects} (the ids of a round's
     * applications, say) and {@code round} together mean "about this round or any of these subjects".
     */
    public record Filter(String round, Collection<String> subjects, String subject, String actor) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> entries(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, details::text FROM audit_entry WHERE true
                """);
        List<Object> params = new ArrayList<>();
        if (present(filter.round())) {
            sql.append(" AND (subject_id = ? OR details->>'round' = ?");
            params.add(filter.round());
            params.add(filter.round());
            if (filter.subjects() != null && !filter.subjects().isEmpty()) {
                sql.append(" OR subject_id = ANY (?)");
                params.add(filter.subjects().toArray(String[]::new));
            }
            sql.append(')');
        }
        if (present(filter.subject())) {
            sql.append(" AND subject_id = ?");
            params.add(filter.subject().strip());
        }
        if (present(filter.actor())) {
            sql.append(" AND actor ILIKE ?");
            params.add("%" + filter.actor().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(LIMIT);
        var spec = jdbc.sql(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            spec = spec.param(i + 1, params.get(i));
        }
        return spec.query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

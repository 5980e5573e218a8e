package se.partnerskap.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Records a change of state in the caller's transaction, so the entry and the change commit together. */
@Service
public class Audit {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    Audit(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, action, subject_type, subject_id, details)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)
                """)
                .params(Timestamp.from(clock.instant()), actor, action, subjectType, subjectId,
                        json.writeValueAsString(details))
                .update();
    }
}

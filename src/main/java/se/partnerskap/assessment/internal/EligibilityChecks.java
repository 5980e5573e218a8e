package se.partnerskap.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.audit.Audit;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The officer's eligibility checklist per application: every point passed, or failed with a reason. */
@Service
@Transactional(readOnly = true)
class EligibilityChecks {

    /** The points of the checklist, in order; their texts are assessment.eligibility.point.KEY. */
    static final List<String> POINTS = List.of("applicant", "partner", "country", "amount", "documents", "deadline");

    record Point(boolean passed, String reason) {
    }

    record Check(boolean eligible, Map<String, Point> points, String checkedBy, Instant checkedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final JsonMapper json;

    EligibilityChecks(JdbcClient jdbc, Clock clock, Audit audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
    }

    Optional<Check> of(UUID applicationId) {
        return jdbc.sql("SELECT eligible, points::text, checked_by, checked_at FROM eligibility_check WHERE application_id = ?")
                .param(applicationId).query((rs, i) -> new Check(rs.getBoolean(1), points(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).optional();
    }

    Map<UUID, Boolean> ofRound(UUID roundId) {
        Map<UUID, Boolean> found = new LinkedHashMap<>();
        jdbc.sql("SELECT application_id, eligible FROM eligibility_check WHERE round_id = ?").param(roundId)
                .query((rs, i) -> found.put(rs.getObject(1, UUID.class), rs.getBoolean(2))).list();
        return found;
    }

    private Map<String, Point> points(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, Point>>() {
        });
    }

    /**
     * Checks the typed checklist: every point answered, a reason for each failed one. The errors by
     * field (point key) when there are any; otherwise records the check and answers an empty map.
     */
    @Transactional
    Map<String, String> record(SubmittedApplication a, Map<String, String> answers, Map<String, String> reasons,
            String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Point> points = new LinkedHashMap<>();
        for (String key : POINTS) {
            String answer = answers.getOrDefault(key, "");
            String reason = reasons.getOrDefault(key, "").strip();
            if (!answer.equals("yes") && !answer.equals("no")) {
                errors.put(key, "assessment.eligibility.error.missing");
            } else if (answer.equals("no") && reason.isEmpty()) {
                errors.put(key + "-reason", "assessment.eligibility.error.reason");
            } else if (reason.length() > 2000) {
                errors.put(key + "-reason", "assessment.error.tooLong");
            } else {
                points.put(key, new Point(answer.equals("yes"), answer.equals("yes") ? "" : reason));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        boolean eligible = points.values().stream().allMatch(Point::passed);
        jdbc.sql("""
                INSERT INTO eligibility_check (application_id, round_id, eligible, points, checked_by, checked_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (application_id) DO UPDATE SET eligible = excluded.eligible, points = excluded.points,
                    checked_by = excluded.checked_by, checked_at = excluded.checked_at
                """).params(a.id(), a.roundId(), eligible, json.writeValueAsString(points), actor,
                Timestamp.from(clock.instant())).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", a.roundId().toString());
        details.put("reference", a.reference());
        details.put("eligible", eligible);
        points.forEach((k, p) -> {
            if (!p.passed()) {
                details.put("failed." + k, p.reason());
            }
        });
        audit.record(actor, eligible ? "assessment.found-eligible" : "assessment.found-ineligible", "application",
                a.id().toString(), details);
        return Map.of();
    }
}

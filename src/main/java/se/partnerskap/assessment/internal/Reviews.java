package se.partnerskap.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.assessment.ReviewConflictDeclared;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.People;
import se.partnerskap.identity.Role;

/**
 * Reviews: reviewers assigned per application by a case officer; a reviewer declares a conflict of
 * interest (which ends the assignment and tells the officer) or none, then scores each criterion with
 * a comment. Another reviewer's scores are shown only to a reviewer who has submitted its own.
 */
@Service
@Transactional(readOnly = true)
class Reviews {

    enum Status {
        ASSIGNED, CLEARED, SUBMITTED, CONFLICT;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Assignment(UUID id, UUID applicationId, UUID roundId, UUID reviewerId, String reviewerEmail,
            String reviewerName, Status status, String conflictReason, Instant assignedAt, Instant submittedAt) {
    }

    record Score(String criterion, int score, String comment) {
    }

    /** A submitted review with its weighted score (0–100). */
    record Review(Assignment assignment, List<Score> scores, double weighted) {
    }

    /** Refused: the reviewer may not do that now (not cleared, already submitted). */
    static class NotAllowed extends RuntimeException {
        NotAllowed(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final People people;
    private final ApplicationEventPublisher events;

    Reviews(JdbcClient jdbc, Clock clock, Audit audit, People people, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.people = people;
        this.events = events;
    }

    List<Criterion> criteria(String programme) {
        return jdbc.sql("""
                SELECT key, name_sv, name_en, description_sv, description_en, scale, weight
                FROM scoring_criterion WHERE programme_key = ? ORDER BY position
                """).param(programme).query((rs, i) -> new Criterion(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7))).list();
    }

    private static final String SELECT = """
            SELECT id, application_id, round_id, reviewer_id, reviewer_email, reviewer_name, status, conflict_reason,
                   assigned_at, submitted_at FROM review_assignment
            """;

    private static Assignment map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Assignment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("round_id", UUID.class), rs.getObject("reviewer_id", UUID.class),
                rs.getString("reviewer_email"), rs.getString("reviewer_name"),
                Status.valueOf(rs.getString("status").toUpperCase()), rs.getString("conflict_reason"),
                rs.getTimestamp("assigned_at").toInstant(), submitted == null ? null : submitted.toInstant());
    }

    /** Every assignment of an application, conflicts included (for the officer). */
    List<Assignment> ofApplication(UUID applicationId) {
        return jdbc.sql(SELECT + " WHERE application_id = ? ORDER BY assigned_at").param(applicationId)
                .query((rs, i) -> map(rs)).list();
    }

    List<Assignment> ofRound(UUID roundId) {
        return jdbc.sql(SELECT + " WHERE round_id = ? ORDER BY assigned_at").param(roundId).query((rs, i) -> map(rs))
                .list();
    }

    /** What a reviewer has on its desk: no conflicts. */
    List<Assignment> of(UUID reviewerId) {
        return jdbc.sql(SELECT + " WHERE reviewer_id = ? AND status <> 'conflict' ORDER BY assigned_at")
                .param(reviewerId).query((rs, i) -> map(rs)).list();
    }

    /** The reviewer's live assignment to an application; empty when there is none (or it ended in a conflict). */
    Optional<Assignment> of(UUID applicationId, UUID reviewerId) {
        return jdbc.sql(SELECT + " WHERE application_id = ? AND reviewer_id = ? AND status <> 'conflict'")
                .params(applicationId, reviewerId).query((rs, i) -> map(rs)).optional();
    }

    /** Assigns a reviewer; false when it is not a reviewer or was assigned before (a conflict stays a conflict). */
    @Transactional
    boolean assign(SubmittedApplication a, UUID reviewerId, String actor) {
        Optional<People.Person> reviewer = people.withRole(reviewerId, Role.REVIEWER);
        if (reviewer.isEmpty()) {
            return false;
        }
        int rows = jdbc.sql("""
                INSERT INTO review_assignment (id, application_id, round_id, reviewer_id, reviewer_email, reviewer_name,
                                               status, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?, 'assigned', ?, ?) ON CONFLICT (application_id, reviewer_id) DO NOTHING
                """).params(UUID.randomUUID(), a.id(), a.roundId(), reviewerId, reviewer.get().email(),
                reviewer.get().name(), actor, Timestamp.from(clock.instant())).update();
        if (rows > 0) {
            audit.record(actor, "assessment.reviewer-assigned", "application", a.id().toString(), Map.of(
                    "round", a.roundId().toString(), "reference", a.reference(), "reviewer", reviewer.get().email()));
        }
        return rows > 0;
    }

    /**
     * The reviewer's declaration before it may open the application: a conflict ends the assignment and
     * tells the case officer (audit entry, notice on the dashboard, event); none clears it for scoring.
     */
    @Transactional
    void declare(SubmittedApplication a, UUID reviewerId, boolean conflict, String reason, String actor) {
        Assignment assignment = of(a.id(), reviewerId).filter(x -> x.status() == Status.ASSIGNED)
                .orElseThrow(() -> new NotAllowed("Nothing to declare"));
        Instant now = clock.instant();
        jdbc.sql("UPDATE review_assignment SET status = ?, conflict_reason = ?, declared_at = ? WHERE id = ?")
                .params(conflict ? "conflict" : "cleared", conflict ? reason : null, Timestamp.from(now),
                        assignment.id()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", a.roundId().toString());
        details.put("reference", a.reference());
        details.put("reviewer", assignment.reviewerEmail());
        if (conflict) {
            details.put("reason", reason);
            audit.record(actor, "assessment.conflict-declared", "application", a.id().toString(), details);
            events.publishEvent(new ReviewConflictDeclared(a.id(), a.roundId(), a.reference(),
                    assignment.reviewerEmail(), reason, now));
        } else {
            audit.record(actor, "assessment.no-conflict-declared", "application", a.id().toString(), details);
        }
    }

    /**
     * Scores every criterion with a comment and submits the review. The errors by field when the typed
     * scores are incomplete or out of scale (nothing stored); refused unless the reviewer declared no conflict.
     */
    @Transactional
    Map<String, String> submit(SubmittedApplication a, UUID reviewerId, Map<String, String> typedScores,
            Map<String, String> comments, String actor) {
        Assignment assignment = of(a.id(), reviewerId).orElseThrow(() -> new NotAllowed("Not assigned"));
        if (assignment.status() != Status.CLEARED) {
            throw new NotAllowed("Review is " + assignment.status());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Score> scores = new ArrayList<>();
        for (Criterion c : criteria(a.programme())) {
            String typed = typedScores.getOrDefault(c.key(), "").strip();
            String comment = comments.getOrDefault(c.key(), "").strip();
            Integer score = typed.matches("\\d{1,2}") ? Integer.valueOf(typed) : null;
            if (score == null || score > c.scale()) {
                errors.put("score-" + c.key(), "assessment.review.error.score");
            } else if (comment.isEmpty()) {
                errors.put("comment-" + c.key(), "assessment.review.error.comment");
            } else if (comment.length() > 4000) {
                errors.put("comment-" + c.key(), "assessment.error.tooLong");
            } else {
                scores.add(new Score(c.key(), score, comment));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        for (Score s : scores) {
            jdbc.sql("INSERT INTO review_score (assignment_id, criterion_key, score, comment) VALUES (?, ?, ?, ?)")
                    .params(assignment.id(), s.criterion(), s.score(), s.comment()).update();
        }
        jdbc.sql("UPDATE review_assignment SET status = 'submitted', submitted_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), assignment.id()).update();
        audit.record(actor, "assessment.review-submitted", "application", a.id().toString(), Map.of(
                "round", a.roundId().toString(), "reference", a.reference(), "reviewer", assignment.reviewerEmail(),
                "weighted", weighted(criteria(a.programme()), scores)));
        return Map.of();
    }

    /** The submitted reviews of an application, each with its weighted score. */
    List<Review> submitted(UUID applicationId, String programme) {
        List<Criterion> criteria = criteria(programme);
        return ofApplication(applicationId).stream().filter(x -> x.status() == Status.SUBMITTED).map(x -> {
            List<Score> scores = scores(x.id());
            return new Review(x, scores, weighted(criteria, scores));
        }).toList();
    }

    /**
     * The weighted scores of every submitted review of a round, by application: the scores of all its
     * reviews in one query (not one per application), each review weighed as {@link #weighted} does.
     */
    Map<UUID, List<Double>> weightedOfRound(UUID roundId) {
        record Row(UUID application, UUID assignment, String programme, Score score) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT a.application_id, a.id, ap.programme_key, s.criterion_key, s.score FROM review_assignment a
                JOIN application ap ON ap.id = a.application_id
                JOIN review_score s ON s.assignment_id = a.id
                WHERE a.round_id = ? AND a.status = 'submitted' ORDER BY a.application_id, a.id
                """).param(roundId).query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), new Score(rs.getString(4), rs.getInt(5), null))).list();
        Map<String, List<Criterion>> criteria = new HashMap<>();
        Map<UUID, List<Score>> byAssignment = new LinkedHashMap<>();
        Map<UUID, Row> first = new HashMap<>();
        for (Row r : rows) {
            byAssignment.computeIfAbsent(r.assignment(), k -> new ArrayList<>()).add(r.score());
            first.putIfAbsent(r.assignment(), r);
        }
        Map<UUID, List<Double>> weighted = new HashMap<>();
        byAssignment.forEach((assignment, scores) -> {
            Row r = first.get(assignment);
            weighted.computeIfAbsent(r.application(), k -> new ArrayList<>())
                    .add(weighted(criteria.computeIfAbsent(r.programme(), this::criteria), scores));
        });
        return weighted;
    }

    /** The other reviewers' submitted reviews, for a reviewer who has submitted its own; otherwise nothing. */
    List<Review> othersFor(UUID applicationId, UUID reviewerId, String programme) {
        boolean ownSubmitted = of(applicationId, reviewerId).filter(x -> x.status() == Status.SUBMITTED).isPresent();
        if (!ownSubmitted) {
            return List.of();
        }
        return submitted(applicationId, programme).stream().filter(r -> !r.assignment().reviewerId().equals(reviewerId))
                .toList();
    }

    List<Score> scores(UUID assignmentId) {
        return jdbc.sql("""
                SELECT s.criterion_key, s.score, s.comment FROM review_score s
                JOIN review_assignment a ON a.id = s.assignment_id
                LEFT JOIN application ap ON ap.id = a.application_id
                LEFT JOIN scoring_criterion c ON c.programme_key = ap.programme_key AND c.key = s.criterion_key
                WHERE s.assignment_id = ? ORDER BY c.position
                """).param(assignmentId).query((rs, i) -> new Score(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .list();
    }

    /**
     * A review's weighted score from 0 to 100: each score as a share of its criterion's scale, weighed by
     * the criterion's weight. Criteria with different scales count by their weight alone.
     */
    static double weighted(List<Criterion> criteria, List<Score> scores) {
        double sum = 0;
        int weights = 0;
        for (Criterion c : criteria) {
            for (Score s : scores) {
                if (s.criterion().equals(c.key())) {
                    sum += c.weight() * (double) s.score() / c.scale();
                    weights += c.weight();
                }
            }
        }
        return weights == 0 ? 0 : Math.round(sum / weights * 1000) / 10.0;
    }
}

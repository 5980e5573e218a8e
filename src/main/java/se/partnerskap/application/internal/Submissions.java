package se.partnerskap.application.internal;

import se.partnerskap.application.ApplicationSubmitted;
import se.partnerskap.application.ApplicationWithdrawn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.internal.ApplicationPdf;
import se.partnerskap.application.internal.Eligibility;
import se.partnerskap.application.internal.References;
import se.partnerskap.application.internal.SectionRules;
import se.partnerskap.audit.Audit;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submission: checks eligibility, and in one transaction (the application row locked, the round's
 * deadline read again, the server's clock) gives the application its reference, stores an immutable
 * snapshot with its PDF copy and publishes {@link ApplicationSubmitted}. A submit is idempotent: the
 * same form sent twice, or a submit of an application already submitted, answers with the submission
 * that stands. Like {@link Applications}, it answers only members of the lead organisation.
 */
@Service
@Transactional(readOnly = true)
public class Submissions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final Applications applications;
    private final Rounds rounds;
    private final Components components;
    private final Registry registry;
    private final Eligibility eligibility;
    private final SectionRules rules;
    private final ApplicationPdf pdf;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Applicants applicants;

    Submissions(JdbcClient jdbc, Clock clock, Audit audit, Applications applications, Rounds rounds,
            Components components, Registry registry, Eligibility eligibility, SectionRules rules, ApplicationPdf pdf,
            JsonMapper json, ApplicationEventPublisher events, Applicants applicants) {
        this.applicants = applicants;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.applications = applications;
        this.rounds = rounds;
        this.components = components;
        this.registry = registry;
        this.eligibility = eligibility;
        this.rules = rules;
        this.pdf = pdf;
        this.json = json;
        this.events = events;
    }

    /** What withdrawing did. */
    public enum Withdrawal {
        WITHDRAWN, NOT_SUBMITTED, CLOSED
    }

    /** The rules of eligibility an application fails as it stands (for the submit page). */
    public List<Ineligibility> eligibility(Application application) {
        return eligibility.check(application, round(application));
    }

    /** Whether the application's round takes submissions and changes now, by the server's clock. */
    public boolean isOpen(Application application) {
        return round(application).isOpenAt(clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    private RoundDetails round(Application application) {
        return rounds.details(application.roundId()).orElseThrow();
    }

    /**
     * Submits the application for {@code userId} (a member of its organisation, or {@link Applications.NotFound}).
     * {@code idempotencyKey} is the one of the submit form as rendered; {@code language} the one the
     * receipt is written in.
     */
    @Transactional
    public SubmitResult submit(UUID id, UUID userId, String actor, String idempotencyKey, boolean declared,
            Language language) {
        Application before = applications.load(id, userId).orElseThrow(Applications.NotFound::new);
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9-]{8,100}")) {
            idempotencyKey = UUID.randomUUID().toString();
        }
        // One applicant's submissions in a round one at a time: the one-per-partner rule reads the others.
        UUID applicant = before.personal() ? before.applicantUser() : before.leadOrganisation();
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l")
                .param(UUID.nameUUIDFromBytes(("submission:" + before.roundId() + ":" + applicant)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMostSignificantBits())
                .query(Integer.class).single();
        // Then the application itself: running section saves (FOR NO KEY UPDATE) finish first, none starts until we commit.
        String status = jdbc.sql("SELECT status FROM application WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).single();
        Optional<SubmissionRecord> same = byKey(idempotencyKey);
        if (same.isPresent()) {
            if (!same.get().applicationId().equals(id)) {
                throw new Applications.NotFound();
            }
            return new SubmitResult.AlreadySubmitted(same.get());
        }
        if (ApplicationStatus.SUBMITTED.key().equals(status)) {
            return new SubmitResult.AlreadySubmitted(latest(id).orElseThrow());
        }
        Application a = applications.load(id, userId).orElseThrow(Applications.NotFound::new);
        RoundDetails round = round(a);
        Instant now = clock.instant();
        if (!round.isOpenAt(now)) {
            audit.record(actor, "application.submit-refused", "application", id.toString(), Map.of(
                    "reason", "closed", "deadline", String.valueOf(round.deadline())));
            return new SubmitResult.Closed(round.deadline());
        }
        if (!declared) {
            return new SubmitResult.NotDeclared();
        }
        List<Ineligibility> reasons = eligibility.check(a, round);
        if (!reasons.isEmpty()) {
            audit.record(actor, "application.found-ineligible", "application", id.toString(), Map.of(
                    "rules", reasons.stream().map(r -> r.rule() + (r.section() == null ? "" : ":" + r.section().key()))
                            .toList()));
            return new SubmitResult.Ineligible(reasons);
        }
        String reference = jdbc.sql("SELECT reference FROM application WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
        if (reference == null) {
            String prefix = References.prefix(a.programme(), round.opensAt(), round.continuous());
            reference = References.format(prefix, nextNumber(prefix));
        }
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM submission WHERE application_id = ?")
                .param(id).query(Integer.class).single();
        String componentName = components.component(a.programme(), a.component()).map(c -> c.name(language))
                .orElse(a.component());
        BudgetLimit limit = rules.limit(a, round);
        byte[] copy = pdf.render(a, round, reference, version, componentName, limit, actor, now, language);
        UUID submissionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                """).params(submissionId, id, version, reference, idempotencyKey,
                json.writeValueAsString(snapshot(a, round, reference, version, limit, actor, now, language)), copy,
                language.code(), actor, Timestamp.from(now)).update();
        jdbc.sql("""
                UPDATE application SET status = 'submitted', reference = ?, submitted_at = ?, withdrawn_at = NULL,
                       updated_at = ? WHERE id = ?
                """).params(reference, Timestamp.from(now), Timestamp.from(now), id).update();
        audit.record(actor, "application.submitted", "application", id.toString(), Map.of(
                "reference", reference, "version", version, "submission", submissionId.toString()));
        events.publishEvent(new ApplicationSubmitted(id, submissionId, reference, version, a.roundId(),
                a.leadOrganisation(), language.code(), actor, now));
        return new SubmitResult.Submitted(new SubmissionRecord(submissionId, id, reference, version, language.code(),
                actor, now));
    }

    /** The round's next number: the counter row stays locked until we commit, so numbers have no gaps. */
    private int nextNumber(String prefix) {
        return jdbc.sql("""
                INSERT INTO reference_counter (prefix, last_number) VALUES (?, 1)
                ON CONFLICT (prefix) DO UPDATE SET last_number = reference_counter.last_number + 1
                RETURNING last_number
                """).param(prefix).query(Integer.class).single();
    }

    private Map<String, Object> snapshot(Application a, RoundDetails round, String reference, int version,
            BudgetLimit limit, String actor, Instant now, Language language) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("reference", reference);
        s.put("version", version);
        s.put("applicationId", a.id().toString());
        s.put("title", a.title());
        s.put("programme", a.programme());
        var component = components.component(a.programme(), a.component());
        s.put("component", Map.of("key", a.component(), "nameSv", component.map(c -> c.nameSv()).orElse(""),
                "nameEn", component.map(c -> c.nameEn()).orElse("")));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", round.id().toString());
        r.put("key", round.key());
        r.put("nameSv", round.nameSv());
        r.put("nameEn", round.nameEn());
        r.put("deadline", String.valueOf(round.deadline()));
        s.put("round", r);
        // the round's questions as they were asked (labels, help, types, options): an officer may still edit them
        // while the round is open, and what was submitted must keep the words it answered
        s.put("questions", round.questions());
        // and the form as it was filled in: its sections, their words and questions (a later version changes nothing)
        s.put("form", a.form().snapshot());
        if (a.personal()) { // who applies: the person, by the name of their account
            s.put("applicant", Map.of("kind", "person", "id", a.applicantUser().toString(), "name", applicants.name(a)));
        } else {
            SwedishOrganisation org = registry.swedishOrganisation(a.leadOrganisation()).orElse(null);
            s.put("organisation", Map.of("id", a.leadOrganisation().toString(), "name", org == null ? "" : org.name(),
                    "kind", org == null ? "" : org.kind()));
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        for (Section section : a.form().sections()) {
            SectionAnswers stored = a.section(section);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("state", stored.state().key());
            one.put("version", stored.version());
            one.put("savedBy", stored.savedBy());
            one.put("savedAt", stored.savedAt() == null ? null : stored.savedAt().toString());
            one.put("answers", stored.answers().fields());
            sections.put(section.key(), one);
        }
        s.put("sections", sections);
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (AttachmentInfo info : a.attachments()) {
            attachments.add(Map.of("id", info.id().toString(), "name", info.fileName(), "sizeBytes", info.sizeBytes(),
                    "sha256", info.sha256(), "addedBy", info.addedBy(), "addedAt", info.addedAt().toString()));
        }
        s.put("attachments", attachments);
        s.put("budget", Map.of("total", limit.total(), "requested", limit.requested(),
                "maximum", limit.maximum().isPresent() ? limit.maximum().getAsLong() : -1, "parties", limit.parties(),
                "years", limit.years()));
        s.put("submittedBy", actor);
        s.put("submittedAt", now.toString());
        s.put("language", language.code());
        return s;
    }

    /** Withdraws a submitted application before the deadline; its reference and snapshots stay. */
    @Transactional
    public Withdrawal withdraw(UUID id, UUID userId, String actor) {
        Application a = applications.load(id, userId).orElseThrow(Applications.NotFound::new);
        String status = jdbc.sql("SELECT status FROM application WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).single();
        if (!ApplicationStatus.SUBMITTED.key().equals(status)) {
            return Withdrawal.NOT_SUBMITTED;
        }
        RoundDetails round = round(a);
        Instant now = clock.instant();
        if (!round.isOpenAt(now)) {
            return Withdrawal.CLOSED;
        }
        String reference = jdbc.sql("SELECT reference FROM application WHERE id = ?").param(id).query(String.class).single();
        jdbc.sql("UPDATE application SET status = 'withdrawn', withdrawn_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
        audit.record(actor, "application.withdrawn", "application", id.toString(), Map.of("reference", reference));
        events.publishEvent(new ApplicationWithdrawn(id, reference, a.roundId(), actor, now));
        return Withdrawal.WITHDRAWN;
    }

    /** The latest submission of an application the user may see. */
    public Optional<SubmissionRecord> latest(UUID id, UUID userId) {
        return applications.readable(id, userId).flatMap(a -> latest(id));
    }

    /** Every submission of an application the user may see, first one first. */
    public List<SubmissionRecord> all(UUID id, UUID userId) {
        if (applications.load(id, userId).isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE application_id = ? ORDER BY version").param(id).query((rs, i) -> record(rs))
                .list();
    }

    /** The latest submission of each of these applications (for "my applications"; the caller checked access). */
    public Map<UUID, SubmissionRecord> latestOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, SubmissionRecord> found = new LinkedHashMap<>();
        jdbc.sql(SELECT + """
                 WHERE application_id IN (:ids)
                   AND version = (SELECT max(version) FROM submission t WHERE t.application_id = submission.application_id)
                """).param("ids", ids).query((rs, i) -> record(rs)).list()
                .forEach(r -> found.put(r.applicationId(), r));
        return found;
    }

    /** The PDF copy of the latest submission, for a member of the lead or of a co-applicant only. */
    public Optional<byte[]> pdf(UUID id, UUID userId) {
        if (applications.readable(id, userId).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT pdf FROM submission WHERE application_id = ? ORDER BY version DESC LIMIT 1").param(id)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    /** The stored snapshot (JSON) of one submission, for a member only. */
    public Optional<String> snapshot(UUID id, UUID userId, int version) {
        if (applications.load(id, userId).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT snapshot::text FROM submission WHERE application_id = ? AND version = ?")
                .params(id, version).query(String.class).optional();
    }

    private static final String SELECT = """
            SELECT id, application_id, reference, version, language, submitted_by, submitted_at FROM submission
            """;

    private Optional<SubmissionRecord> latest(UUID id) {
        return jdbc.sql(SELECT + " WHERE application_id = ? ORDER BY version DESC LIMIT 1").param(id)
                .query((rs, i) -> record(rs)).optional();
    }

    private Optional<SubmissionRecord> byKey(String key) {
        return jdbc.sql(SELECT + " WHERE idempotency_key = ?").param(key).query((rs, i) -> record(rs)).optional();
    }

    private static SubmissionRecord record(ResultSet rs) throws SQLException {
        return new SubmissionRecord(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("reference"), rs.getInt("version"), rs.getString("language"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}

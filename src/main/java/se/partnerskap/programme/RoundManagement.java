package se.partnerskap.programme;

import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.web.RenderedPages;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case officers set up and run rounds: create (as a draft), edit, publish (open), close, extend, and
 * keep the round's extra questions. Every change is audited; every edit checks the version the
 * officer saw, so two officers never silently overwrite each other.
 */
@Service
@Transactional
public class RoundManagement {

    /** Someone else changed the round since the officer loaded it. */
    public static class StaleRound extends RuntimeException {
        public StaleRound() {
            super("The round was changed by someone else");
        }
    }

    /** A change the round's status does not allow, e.g. extending a draft. */
    public static class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final Rounds rounds;
    private final Programmes programmes;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final RenderedPages pages;

    RoundManagement(JdbcClient jdbc, Audit audit, Clock clock, Rounds rounds, Programmes programmes,
            ApplicationEventPublisher events, JsonMapper json, RenderedPages pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.rounds = rounds;
        this.programmes = programmes;
        this.events = events;
        this.json = json;
    }

    /** The programme's next window that has not closed: what a new round proposes for its dates and name. */
    @Transactional(readOnly = true)
    public ApplicationWindow.Occurrence proposal(String programme) {
        return programmes.upcoming(programme).getFirst();
    }

    /** Creates a round as a draft; applicants see it only once it is published. */
    public UUID create(RoundInput in, String actor) {
        UUID id = UUID.randomUUID();
        String key = uniqueKey(in.programme(), in.nameEn());
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, budget_sek,
                                   max_amount_sek, continuous, one_per_lead_and_partner, status, updated_at, updated_by)
                VALUES (:id, :programme, :key, :nameSv, :nameEn, :opensAt, :closesAt, :budget, :max, :continuous,
                        :onePer, 'draft', :now, :actor)
                """)
                .param("id", id).param("programme", in.programme()).param("key", key)
                .param("nameSv", in.nameSv().strip()).param("nameEn", in.nameEn().strip())
                .param("opensAt", utc(in.opensAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closesAt", utc(in.closesAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("budget", in.budgetSek()).param("max", in.maxAmountSek())
                .param("continuous", in.continuous()).param("onePer", in.onePerLeadAndPartner())
                .param("now", Timestamp.from(clock.instant())).param("actor", actor)
                .update();
        replaceLists(id, in);
        pages.invalidate(Programmes.PAGES_REGION); // the public pages show rounds and their dates
        audit.record(actor, "round-created", "round", id.toString(), describe(in, RoundStatus.DRAFT));
        return id;
    }

    /** Saves a round's setup if nobody changed it since {@code version}; a closed round stays as it was. */
    public void update(UUID id, RoundInput in, int version, String actor) {
        RoundDetails before = existing(id);
        if (finished(before)) {
            throw new NotAllowed("A closed round cannot be changed");
        }
        int rows = jdbc.sql("""
                UPDATE round SET name_sv = :nameSv, name_en = :nameEn, opens_at = :opensAt, closes_at = :closesAt,
                       budget_sek = :budget, max_amount_sek = :max, continuous = :continuous,
                       one_per_lead_and_partner = :onePer, version = version + 1, updated_at = :now, updated_by = :actor
                WHERE id = :id AND version = :version
                """)
                .param("nameSv", in.nameSv().strip()).param("nameEn", in.nameEn().strip())
                .param("opensAt", utc(in.opensAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closesAt", utc(in.closesAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("budget", in.budgetSek()).param("max", in.maxAmountSek())
                .param("continuous", in.continuous()).param("onePer", in.onePerLeadAndPartner())
                .param("now", Timestamp.from(clock.instant())).param("actor", actor)
                .param("id", id).param("version", version)
                .update();
        if (rows == 0) {
            throw new StaleRound();
        }
        replaceLists(id, in);
        pages.invalidate(Programmes.PAGES_REGION); // the public pages show rounds and their dates
        audit.record(actor, "round-updated", "round", id.toString(), describe(in, before.status()));
    }

    /**
     * Opens a draft to applicants: it is shown, and takes applications from its opening instant. (Audited as
     * {@code round-opened}; before the round status had a type of its own this was {@code round-published},
     * docs/database.md.) Publishing means one thing: a round's decisions ({@code assessment.RoundPublished}).
     */
    public void open(UUID id, int version, String actor) {
        transition(id, version, existing(id).open(), "round-opened", actor);
    }

    /** Closes an open round for good (normally the deadline does; this is for a round stopped early). */
    public void close(UUID id, int version, String actor) {
        transition(id, version, existing(id).close(), "round-closed", actor);
    }

    /** Who the audit log names for a round closed by its deadline. */
    public static final String DEADLINE_ACTOR = "system";

    /**
     * Closes every open round whose deadline (with any extension) has passed, each once: the update takes
     * only rounds still {@code open}, so a second run, or a second instance at the same moment, closes
     * nothing again. Each closing is audited in the same transaction.
     *
     * @return the rounds closed now
     */
    public List<UUID> closeDue() {
        return close("status = 'open' AND greatest(closes_at, coalesce(extended_until, closes_at)) < :now", null);
    }

    /** Closes one round if it is open and its deadline has passed (as {@link #closeDue()} would). */
    public boolean closeIfDue(UUID id) {
        return !close("id = :id AND status = 'open' AND greatest(closes_at, coalesce(extended_until, closes_at)) < :now",
                id).isEmpty();
    }

    private List<UUID> close(String where, UUID id) {
        Instant now = clock.instant();
        var update = jdbc.sql("""
                UPDATE round SET status = 'closed', version = version + 1, updated_at = :now, updated_by = :actor
                WHERE %s
                RETURNING id, greatest(closes_at, coalesce(extended_until, closes_at)) AS deadline
                """.formatted(where)).param("now", Timestamp.from(now)).param("actor", DEADLINE_ACTOR);
        if (id != null) {
            update = update.param("id", id);
        }
        List<Map.Entry<UUID, Instant>> closed = update.query((rs, i) -> Map.entry(rs.getObject("id", UUID.class),
                rs.getTimestamp("deadline").toInstant())).list();
        for (Map.Entry<UUID, Instant> c : closed) {
            pages.invalidate(Programmes.PAGES_REGION); // the public pages show rounds and their dates
            audit.record(DEADLINE_ACTOR, "round-closed", "round", c.getKey().toString(),
                    Map.of("from", RoundStatus.OPEN.key(), "to", RoundStatus.CLOSED.key(), "reason", "deadline", "deadline", c.getValue().toString()));
        }
        return closed.stream().map(Map.Entry::getKey).toList();
    }

    private void transition(UUID id, int version, RoundStatus.Transition step, String action, String actor) {
        RoundStatus from = step.from();
        RoundStatus to = step.to();
        int rows = jdbc.sql("""
                UPDATE round SET status = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ? AND status = ?
                """).params(to.key(), Timestamp.from(clock.instant()), actor, id, version, from.key()).update();
        if (rows == 0) {
            throw new StaleRound();
        }
        pages.invalidate(Programmes.PAGES_REGION); // the public pages show rounds and their dates
        audit.record(actor, action, "round", id.toString(), Map.of("from", from.key(), "to", to.key()));
    }

    /**
     * Moves an open round's deadline to {@code until}, later than its current deadline and not in the
     * past, with a reason in both languages; announced through {@link RoundExtended}.
     */
    public void extend(UUID id, Instant until, String reasonSv, String reasonEn, int version, String actor) {
        RoundDetails r = existing(id);
        Instant now = clock.instant();
        if (r.status() != RoundStatus.OPEN || now.isAfter(r.deadline())) {
            throw new NotAllowed("Only an open round can be extended, before its deadline");
        }
        if (!until.isAfter(r.deadline()) || !until.isAfter(now)) {
            throw new NotAllowed("An extension moves the deadline later");
        }
        if (reasonSv == null || reasonSv.isBlank() || reasonEn == null || reasonEn.isBlank()) {
            throw new NotAllowed("An extension has a reason in both languages");
        }
        int rows = jdbc.sql("""
                UPDATE round SET extended_until = :until, extension_reason_sv = :sv, extension_reason_en = :en,
                       extended_at = :now, extended_by = :actor, version = version + 1, updated_at = :now,
                       updated_by = :actor
                WHERE id = :id AND version = :version AND status = 'open'
                """)
                .param("until", utc(until), Types.TIMESTAMP_WITH_TIMEZONE).param("sv", reasonSv.strip())
                .param("en", reasonEn.strip()).param("now", Timestamp.from(now)).param("actor", actor)
                .param("id", id).param("version", version).update();
        if (rows == 0) {
            throw new StaleRound();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousDeadline", r.deadline().toString());
        details.put("extendedUntil", until.toString());
        details.put("reasonSv", reasonSv.strip());
        details.put("reasonEn", reasonEn.strip());
        pages.invalidate(Programmes.PAGES_REGION); // the public pages show rounds and their dates
        audit.record(actor, "round-extended", "round", id.toString(), details);
        events.publishEvent(new RoundExtended(id, until, reasonSv.strip(), reasonEn.strip()));
    }

    /** Replaces the round's extra questions (its form definition) if nobody changed the round since {@code version}. */
    public void saveQuestions(UUID id, List<Question> questions, int version, String actor, String change) {
        RoundDetails r = existing(id);
        if (finished(r)) {
            throw new NotAllowed("A closed round's form cannot change");
        }
        int rows = jdbc.sql("""
                UPDATE round SET questions = ?::jsonb, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?
                """).params(json.writeValueAsString(questions), Timestamp.from(clock.instant()), actor, id, version)
                .update();
        if (rows == 0) {
            throw new StaleRound();
        }
        audit.record(actor, "round-questions-" + change, "round", id.toString(),
                Map.of("questions", questions.stream().map(Question::key).toList()));
    }

    /** Closed (by an officer or its deadline) or decided: its setup and form stay as applicants saw them. */
    private boolean finished(RoundDetails r) {
        RoundDetails.State state = r.stateAt(clock.instant());
        return state == RoundDetails.State.CLOSED || state == RoundDetails.State.DECIDED;
    }

    private RoundDetails existing(UUID id) {
        return rounds.details(id).orElseThrow(() -> new NotAllowed("No such round"));
    }

    private void replaceLists(UUID id, RoundInput in) {
        jdbc.sql("DELETE FROM round_country WHERE round_id = ?").param(id).update();
        jdbc.sql("DELETE FROM round_component WHERE round_id = ?").param(id).update();
        for (String c : in.countries()) {
            jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, ?)").params(id, c).update();
        }
        for (String c : in.components()) {
            jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, ?, ?)")
                    .params(id, in.programme(), c).update();
        }
    }

    private static Map<String, Object> describe(RoundInput in, RoundStatus status) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("programme", in.programme());
        d.put("nameSv", in.nameSv());
        d.put("nameEn", in.nameEn());
        d.put("opensAt", in.opensAt().toString());
        d.put("closesAt", in.closesAt().toString());
        d.put("budgetSek", in.budgetSek());
        d.put("maxAmountSek", in.maxAmountSek());
        d.put("continuous", in.continuous());
        d.put("onePerLeadAndPartner", in.onePerLeadAndPartner());
        d.put("countries", in.countries());
        d.put("components", in.components());
        d.put("status", status.key());
        return d;
    }

    private String uniqueKey(String programme, String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "round";
        }
        String key = base;
        for (int i = 2; rounds.id(programme, key).isPresent(); i++) {
            key = base + "-" + i;
        }
        return key;
    }

    private static java.time.OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}

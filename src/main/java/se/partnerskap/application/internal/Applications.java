package se.partnerskap.application.internal;

import se.partnerskap.application.ApplicationStarted;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.internal.SectionRules;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.Memberships;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.web.PdfUpload;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application module's API: start a draft, load it for a member of its organisation, save its
 * sections (versioned per section; a save based on an old version is refused and kept), attachments.
 * Every method that takes a {@code userId} answers only for members of the lead organisation; for
 * anyone else the application does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Applications {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final Memberships memberships;
    private final Rounds rounds;
    private final Components components;
    private final SectionRules rules;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final ApplicationRows stored;

    Applications(JdbcClient jdbc, Clock clock, Audit audit, Memberships memberships, Rounds rounds,
            Components components, SectionRules rules, JsonMapper json, ApplicationEventPublisher events, ApplicationRows stored) {
        this.stored = stored;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.memberships = memberships;
        this.rounds = rounds;
        this.components = components;
        this.rules = rules;
        this.json = json;
        this.events = events;
    }

    /** Why a draft could not be started; the message key of the application bundle. */
    public static class StartRefused extends RuntimeException {
        private final String reason;

        public StartRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The organisations a user may apply for. */
    public List<UUID> organisationsOf(UUID userId) {
        return memberships.organisationsOf(userId);
    }

    /**
     * Starts a draft for {@code organisation} in {@code roundId} for {@code component}: only for a member,
     * only while the round is open by the server's clock and takes that component.
     */
    @Transactional
    public UUID start(UUID userId, String actor, UUID organisation, UUID roundId, String component) {
        if (!memberships.organisationsOf(userId).contains(organisation)) {
            throw new StartRefused("application.start.error.organisation");
        }
        RoundDetails round = rounds.details(roundId).orElseThrow(() -> new StartRefused("application.start.error.round"));
        Instant now = clock.instant();
        if (!round.isOpenAt(now)) {
            throw new StartRefused("application.start.error.closed");
        }
        if (!round.components().contains(component)) {
            throw new StartRefused("application.start.error.component");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status,
                                         created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?)
                """).params(id, roundId, round.programme(), component, organisation, actor, Timestamp.from(now),
                Timestamp.from(now)).update();
        for (Section s : Section.values()) {
            // every section is stored; one that does not apply in the round (Section.in) is not counted
            jdbc.sql("INSERT INTO application_section (application_id, section_key, state) VALUES (?, ?, 'not-started')")
                    .params(id, s.key()).update();
        }
        audit.record(actor, "application.draft-created", "application", id.toString(), Map.of(
                "round", roundId.toString(), "component", component, "organisation", organisation.toString()));
        events.publishEvent(new ApplicationStarted(id, roundId, component, organisation));
        return id;
    }

    /**
     * The applications of the user's organisations, latest change first: those they lead and those they are
     * co-applicants of (which they may read, not change).
     */
    public List<ApplicationSummary> visibleTo(UUID userId) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        if (orgs.isEmpty()) {
            return List.of();
        }
        return stored.visibleTo(orgs);
    }

    /** One page of the applications led by the user's organisations, the latest changed first. */
    public record Led(List<ApplicationSummary> rows, int total) {
    }

    /**
     * The applications the user's organisations lead (not those they co-apply to), newest change first,
     * {@code size} from {@code offset}: read a page at a time, whatever the organisations' history.
     */
    public Led ledBy(UUID userId, int offset, int size) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        if (orgs.isEmpty()) {
            return new Led(List.of(), 0);
        }
        return stored.ledBy(orgs, offset, size);
    }

    /** The sections of {@code application} that apply in its round, in the task list's order. */
    public List<Section> sections(Application application) {
        return rounds.details(application.roundId()).map(Section::in).orElse(List.of(Section.values()));
    }

    /** The application if {@code userId} is a member of its lead organisation; otherwise empty. */
    public Optional<Application> load(UUID id, UUID userId) {
        return stored.find(id).filter(a -> memberships.organisationsOf(userId).contains(a.leadOrganisation()));
    }

    /**
     * The application if {@code userId} may read it: a member of its lead organisation or of one of its
     * co-applicant organisations (section applicant). Only the lead's members may change it ({@link #load}).
     */
    public Optional<Application> readable(UUID id, UUID userId) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        return stored.find(id).filter(a -> orgs.contains(a.leadOrganisation()) || a.section(Section.APPLICANT).answers()
                .all("coApplicants").stream().anyMatch(o -> orgs.stream().anyMatch(m -> m.toString().equals(o))));
    }

    /** Whether {@code userId} may change the application (edit, submit, withdraw): a member of its lead organisation. */
    public boolean leadMember(Application application, UUID userId) {
        return memberships.organisationsOf(userId).contains(application.leadOrganisation());
    }

    /**
     * Saves a section as typed, based on {@code version}. Invalid values refuse the whole save (nothing
     * stored); missing answers are stored and leave the section in progress; a save based on an older
     * version than the stored one is refused and the refused answers are kept as a conflict.
     */
    @Transactional
    public SaveResult saveSection(UUID id, UUID userId, String actor, Section section, Answers typed, int version) {
        if (section == Section.ATTACHMENTS) {
            throw new IllegalArgumentException("Attachments are added one by one");
        }
        // one statement reads what authorises the save: the application, locked (a submission, which takes it
        // FOR UPDATE, waits for running saves; two saves of one application take turns instead of deadlocking
        // on its change time, as two FOR SHARE locks did), and whether the user is a member of its lead
        ForSave locked = lockForSave(id, userId, section, actor).orElseThrow(NotFound::new);
        Application application = locked.application();
        if (!application.isEditable()) {
            throw new Application.NotEditableException(id);
        }
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        if (!Section.in(round).contains(section)) {
            throw new NotFound(); // the round asks no extra questions
        }
        if (!round.isOpenAt(clock.instant())) { // submission: after the deadline drafts are read-only
            throw new DeadlinePassedException(id);
        }
        Answers answers = typed.only(rules.fields(section, round));
        SectionRules.Check check = rules.check(section, answers, application, round);
        if (!check.invalid().isEmpty()) {
            return new SaveResult.Invalid(check.invalid());
        }
        SectionState state = answers.blank() ? SectionState.NOT_STARTED
                : check.remaining().isEmpty() ? SectionState.COMPLETED : SectionState.IN_PROGRESS;
        Instant now = clock.instant();
        String title = section == Section.CHALLENGE ? answers.one("title").strip() : null;
        // the section only if nobody saved it since {@code version}, and with it the application's change time
        int rows = jdbc.sql("""
                WITH saved AS (
                    UPDATE application_section SET answers = :answers::jsonb, state = :state, version = version + 1,
                           saved_by = :actor, saved_at = :now
                    WHERE application_id = :id AND section_key = :section AND version = :version
                    RETURNING application_id)
                UPDATE application SET updated_at = :now, title = coalesce(:title, title)
                WHERE id = (SELECT application_id FROM saved)
                """).param("answers", json.writeValueAsString(answers.fields())).param("state", state.key())
                .param("actor", actor).param("now", Timestamp.from(now)).param("id", id).param("section", section.key())
                .param("version", version)
                .param("title", title == null ? null : title.substring(0, Math.min(200, title.length())), java.sql.Types.VARCHAR)
                .update();
        if (rows == 0) {
            SectionAnswers current = stored.find(id).orElseThrow().section(section);
            jdbc.sql("""
                    INSERT INTO section_conflict (id, application_id, section_key, answers, based_on_version, saved_version,
                                                  refused_by, refused_at)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                    ON CONFLICT (application_id, section_key, refused_by) WHERE resolved_at IS NULL
                    DO UPDATE SET answers = excluded.answers, based_on_version = excluded.based_on_version,
                                  saved_version = excluded.saved_version, refused_at = excluded.refused_at
                    """).params(UUID.randomUUID(), id, section.key(), json.writeValueAsString(answers.fields()), version,
                    current.version(), actor, Timestamp.from(now)).update();
            audit.record(actor, "application.section-conflict", "application", id.toString(), Map.of(
                    "section", section.key(), "basedOn", version, "saved", current.version()));
            return new SaveResult.Conflict(current, answers);
        }
        if (locked.openConflict()) { // this save settles the person's refused one
            jdbc.sql("""
                    UPDATE section_conflict SET resolved_at = ?
                    WHERE application_id = ? AND section_key = ? AND refused_by = ? AND resolved_at IS NULL
                    """).params(Timestamp.from(now), id, section.key(), actor).update();
        }
        audit.record(actor, "application.section-saved", "application", id.toString(), Map.of(
                "section", section.key(), "version", version + 1, "state", state.key()));
        return new SaveResult.Saved(version + 1, now, state, check.remaining());
    }

    /** The application to save in, locked, and whether {@code actor} has a refused save of the section open. */
    private record ForSave(Application application, boolean openConflict) {
    }

    private Optional<ForSave> lockForSave(UUID id, UUID userId, Section section, String actor) {
        Optional<ForSave> head = jdbc.sql("""
                SELECT a.id, a.round_id, a.programme_key, a.component_key, a.lead_organisation_id, a.status, a.title,
                       a.created_by, a.created_at, a.updated_at,
                       EXISTS (SELECT 1 FROM section_conflict c WHERE c.application_id = a.id AND c.section_key = :section
                               AND c.refused_by = :actor AND c.resolved_at IS NULL) AS open_conflict
                FROM application a WHERE a.id = :id AND %s
                FOR NO KEY UPDATE OF a
                """.formatted(Memberships.isMemberOf("a.lead_organisation_id")))
                .param("id", id).param("member", userId).param("section", section.key()).param("actor", actor)
                .query((rs, i) -> new ForSave(new Application(rs.getObject("id", UUID.class),
                        rs.getObject("round_id", UUID.class), rs.getString("programme_key"), rs.getString("component_key"),
                        rs.getObject("lead_organisation_id", UUID.class), ApplicationStatus.ofKey(rs.getString("status")),
                        rs.getString("title"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(), Map.of(), List.of()), rs.getBoolean("open_conflict")))
                .optional();
        if (head.isEmpty() || !rules.readsOtherSections(section)) {
            return head;
        }
        // the budget's limit depends on the partners, co-applicants and years of the other sections
        Application a = head.get().application();
        return Optional.of(new ForSave(new Application(a.id(), a.roundId(), a.programme(), a.component(),
                a.leadOrganisation(), a.status(), a.title(), a.createdBy(), a.createdAt(), a.updatedAt(), stored.sectionsOf(id),
                List.of()), head.get().openConflict()));
    }

    /** What the rules say about a section as stored (for the page and "check your answers"). */
    public Map<String, Problem> remaining(Application application, Section section) {
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        SectionRules.Check check = rules.check(section, application.section(section).answers(), application, round);
        Map<String, Problem> all = new LinkedHashMap<>(check.invalid());
        all.putAll(check.remaining());
        return all;
    }

    /** The refused save of {@code actor} in a section, if one is open. */
    public Optional<Answers> openConflict(UUID id, UUID userId, Section section, String actor) {
        load(id, userId).orElseThrow(NotFound::new);
        return jdbc.sql("""
                SELECT answers::text FROM section_conflict
                WHERE application_id = ? AND section_key = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(id, section.key(), actor).query(String.class).optional().map(stored::answers);
    }

    /** Drops the refused save of {@code actor} in a section: the saved version stays. */
    @Transactional
    public void discardConflict(UUID id, UUID userId, Section section, String actor) {
        load(id, userId).orElseThrow(NotFound::new);
        int rows = jdbc.sql("""
                UPDATE section_conflict SET resolved_at = ?
                WHERE application_id = ? AND section_key = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(Timestamp.from(clock.instant()), id, section.key(), actor).update();
        if (rows > 0) {
            audit.record(actor, "application.conflict-discarded", "application", id.toString(), Map.of("section", section.key()));
        }
    }

    /** The budget's total and requested amount against the component's maximum. */
    public BudgetLimit budgetLimit(Application application) {
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        return rules.limit(application, round);
    }

    /** An attachment was refused; the message key says why. */
    public static class AttachmentRefused extends RuntimeException {
        private final String reason;

        public AttachmentRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The application does not exist for this user. */
    public static class NotFound extends RuntimeException {
        public NotFound() {
            super("No such application");
        }
    }

    /** Adds a PDF, checked by its content (not its name) and size. */
    @Transactional
    public AttachmentInfo attach(UUID id, UUID userId, String actor, String fileName, byte[] content) {
        Application application = load(id, userId).orElseThrow(NotFound::new);
        application.assertEditable();
        if (!rounds.details(application.roundId()).orElseThrow().isOpenAt(clock.instant())) { // submission: read-only
            throw new DeadlinePassedException(id);
        }
        PdfUpload upload;
        try {
            upload = PdfUpload.of(fileName, content);
            PdfUpload.roomFor(application.attachments().size());
        } catch (PdfUpload.Refused refused) {
            throw new AttachmentRefused(refused.messageKey("application.attachments.error"));
        }
        String name = upload.fileName();
        String sha = upload.sha256();
        UUID attachmentId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO attachment (id, application_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
                VALUES (?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)
                """).params(attachmentId, id, name, (long) content.length, sha, content, actor, Timestamp.from(now)).update();
        attachmentsChanged(id, actor, now);
        audit.record(actor, "application.attachment-added", "application", id.toString(), Map.of(
                "attachment", attachmentId.toString(), "name", name, "size", content.length, "sha256", sha));
        return new AttachmentInfo(attachmentId, name, content.length, sha, actor, now);
    }

    @Transactional
    public void removeAttachment(UUID id, UUID userId, String actor, UUID attachmentId) {
        Application application = load(id, userId).orElseThrow(NotFound::new);
        application.assertEditable();
        if (!rounds.details(application.roundId()).orElseThrow().isOpenAt(clock.instant())) { // submission: read-only
            throw new DeadlinePassedException(id);
        }
        AttachmentInfo info = application.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(NotFound::new);
        jdbc.sql("DELETE FROM attachment WHERE id = ? AND application_id = ?").params(attachmentId, id).update();
        Instant now = clock.instant();
        attachmentsChanged(id, actor, now);
        audit.record(actor, "application.attachment-removed", "application", id.toString(), Map.of(
                "attachment", attachmentId.toString(), "name", info.fileName(), "sha256", info.sha256()));
    }

    private void attachmentsChanged(UUID id, String actor, Instant now) {
        jdbc.sql("""
                UPDATE application_section SET version = version + 1, saved_by = ?, saved_at = ?,
                       state = CASE WHEN (SELECT count(*) FROM attachment WHERE application_id = ?) > 0
                                    THEN 'completed' ELSE 'not-started' END
                WHERE application_id = ? AND section_key = 'attachments'
                """).params(actor, Timestamp.from(now), id, id).update();
        jdbc.sql("UPDATE application SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    /** An attachment with its content, for a member of the lead or of a co-applicant only. */
    public Optional<AttachmentFile> attachment(UUID id, UUID userId, UUID attachmentId) {
        if (readable(id, userId).isEmpty()) {
            return Optional.empty();
        }
        return stored.attachment(id, attachmentId);
    }

    /** The components a round takes, for the start form. */
    public List<se.partnerskap.programme.Component> components(RoundDetails round) {
        return components.all(round.programme()).stream().filter(c -> round.components().contains(c.key())).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

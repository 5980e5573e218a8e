package se.partnerskap.application.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.partnerskap.identity.Memberships;
import se.partnerskap.programme.Rounds;
import se.partnerskap.web.PdfUpload;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applications as stored (JdbcClient): an application with its sections and attachments, the lists of an
 * applicant's applications a page at a time, and an attachment's content. The rules (who may read or change it,
 * what a save does) are in {@link Applications}.
 */
@Repository
class ApplicationRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Rounds rounds;
    private final ApplicationForms forms;

    ApplicationRows(JdbcClient jdbc, JsonMapper json, Rounds rounds, ApplicationForms forms) {
        this.jdbc = jdbc;
        this.json = json;
        this.rounds = rounds;
        this.forms = forms;
    }

    /** Those {@code orgs} lead or co-apply to, latest change first. */
    List<ApplicationSummary> visibleTo(List<UUID> orgs, UUID userId) {
        return jdbc.sql(SUMMARY + """
                FROM application a WHERE a.applicant_user_id = :user OR a.lead_organisation_id = ANY(:orgs)
                   OR EXISTS (SELECT 1 FROM application_section s, jsonb_array_elements_text(s.answers -> 'coApplicants') c
                              WHERE s.application_id = a.id AND s.section_key = 'applicant'
                                AND jsonb_typeof(s.answers -> 'coApplicants') = 'array' AND c = ANY(:orgNames))
                ORDER BY a.updated_at DESC
                """).param("user", userId).param("orgs", orgs.toArray(UUID[]::new))
                .param("orgNames", orgs.stream().map(UUID::toString).toArray(String[]::new))
                .query(summaries()).list();
    }

    /** A page of those {@code orgs} lead and the person's own, latest change first, and how many there are. */
    Applications.Led ledBy(List<UUID> orgs, UUID userId, int offset, int size) {
        UUID[] ids = orgs.toArray(UUID[]::new);
        int total = jdbc.sql("SELECT count(*) FROM application WHERE lead_organisation_id = ANY(?) OR applicant_user_id = ?")
                .params(ids, userId).query(Integer.class).single();
        List<ApplicationSummary> rows = jdbc.sql(SUMMARY + """
                FROM application a WHERE a.lead_organisation_id = ANY(?) OR a.applicant_user_id = ?
                ORDER BY a.updated_at DESC, a.id LIMIT ? OFFSET ?
                """).params(ids, userId, size, offset).query(summaries()).list();
        return new Applications.Led(rows, total);
    }

    private static final String SUMMARY = """
            SELECT a.id, a.round_id, a.programme_key, a.form_version, a.component_key, a.lead_organisation_id,
                   a.applicant_user_id, a.status, a.title, a.updated_at,
                   (SELECT coalesce(string_agg(s.section_key, ','), '') FROM application_section s
                    WHERE s.application_id = a.id AND s.state = 'completed') AS done
            """;

    /** Rows of {@link #SUMMARY}: the sections of each round and form looked up once for all rows. */
    private org.springframework.jdbc.core.RowMapper<ApplicationSummary> summaries() {
        Map<String, List<Section>> applying = new java.util.HashMap<>();
        return (rs, i) -> {
            UUID round = rs.getObject("round_id", UUID.class);
            ApplicationForm form = forms.of(rs.getString("programme_key"), rs.getInt("form_version"));
            List<Section> sections = applying.computeIfAbsent(round + "/" + form.version(),
                    r -> rounds.details(round).map(form::in).orElse(form.sections()));
            List<String> done = List.of(rs.getString("done").split(","));
            int completed = (int) sections.stream().filter(s -> done.contains(s.key())).count();
            return new ApplicationSummary(rs.getObject("id", UUID.class), round, rs.getString("component_key"),
                    rs.getObject("lead_organisation_id", UUID.class), rs.getObject("applicant_user_id", UUID.class),
                    ApplicationStatus.ofKey(rs.getString("status")), rs.getString("title"),
                    rs.getTimestamp("updated_at").toInstant(), completed, sections.size());
        };
    }

    /** The application with its sections and attachments, or empty. */
    Optional<Application> find(UUID id) {
        Optional<Application> head = jdbc.sql("""
                SELECT id, round_id, programme_key, form_version, component_key, lead_organisation_id, applicant_user_id,
                       status, title, created_by, created_at, updated_at FROM application WHERE id = ?
                """).param(id).query((rs, i) -> head(rs, List.of())).optional();
        if (head.isEmpty()) {
            return head;
        }
        Application a = head.get();
        return Optional.of(a.with(sectionsOf(id)).withAttachments(attachments(id)));
    }

    /** An application row of the columns {@link #find} reads, without its answers. */
    private Application head(ResultSet rs, List<AttachmentInfo> attachments) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getString("programme_key"), rs.getString("component_key"),
                rs.getObject("lead_organisation_id", UUID.class), rs.getObject("applicant_user_id", UUID.class),
                ApplicationStatus.ofKey(rs.getString("status")),
                rs.getString("title"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), forms.of(rs.getString("programme_key"), rs.getInt("form_version")),
                Map.of(), attachments);
    }

    /** The stored answers of every section, by section key. */
    Map<String, SectionAnswers> sectionsOf(UUID id) {
        Map<String, SectionAnswers> sections = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT section_key, answers::text AS answers, state, version, saved_by, saved_at
                FROM application_section WHERE application_id = ?
                """).param(id).query((RowCallback) rs -> sections.put(rs.getString("section_key"),
                sectionAnswers(rs.getString("section_key"), rs)));
        return sections;
    }

    private interface RowCallback extends org.springframework.jdbc.core.RowCallbackHandler {
    }

    SectionAnswers sectionAnswers(String key, ResultSet rs) {
        try {
            Timestamp at = rs.getTimestamp("saved_at");
            return new SectionAnswers(key, answers(rs.getString("answers")), SectionState.ofKey(rs.getString("state")),
                    rs.getInt("version"), rs.getString("saved_by"), at == null ? null : at.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Answers answers(String text) {
        return new Answers(json.readValue(text, new TypeReference<Map<String, List<String>>>() {
        }));
    }

    /** An attachment of application {@code id} with its content. */
    Optional<AttachmentFile> attachment(UUID id, UUID attachmentId) {
        return jdbc.sql("""
                SELECT id, file_name, size_bytes, sha256, added_by, added_at, content_type, content
                FROM attachment WHERE id = ? AND application_id = ?
                """).params(attachmentId, id).query((rs, i) -> new AttachmentFile(info(rs), rs.getString("content_type"),
                rs.getBytes("content"))).optional();
    }

    private List<AttachmentInfo> attachments(UUID id) {
        return jdbc.sql("""
                SELECT id, file_name, size_bytes, sha256, added_by, added_at FROM attachment
                WHERE application_id = ? ORDER BY added_at, file_name
                """).param(id).query((rs, i) -> info(rs)).list();
    }

    private static AttachmentInfo info(ResultSet rs) throws SQLException {
        return new AttachmentInfo(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("added_by"), rs.getTimestamp("added_at").toInstant());
    }

    /** The person's own application in a round, if they began one. */
    Optional<UUID> ownIn(UUID roundId, UUID userId) {
        return jdbc.sql("SELECT id FROM application WHERE round_id = ? AND applicant_user_id = ? ORDER BY created_at LIMIT 1")
                .params(roundId, userId).query(UUID.class).optional();
    }

    // ---- writes

    /**
     * A new draft of {@code organisation} or of {@code person} (one of them null) in a round on a version of its
     * programme's form, every section not started; false when the person has one in the round already.
     */
    boolean create(UUID id, UUID roundId, ApplicationForm form, String component, UUID organisation, UUID person,
            String actor, Instant now) {
        int rows = jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, form_version, component_key, lead_organisation_id,
                                         applicant_user_id, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)
                ON CONFLICT (round_id, applicant_user_id) WHERE applicant_user_id IS NOT NULL DO NOTHING
                """).params(id, roundId, form.programme(), form.version(), component, organisation, person, actor,
                Timestamp.from(now), Timestamp.from(now)).update();
        if (rows == 0) {
            return false; // the person's application in the round is there already
        }
        for (Section s : form.sections()) {
            // every section is stored; one that does not apply in the round (ApplicationForm.in) is not counted
            jdbc.sql("INSERT INTO application_section (application_id, section_key, state) VALUES (?, ?, 'not-started')")
                    .params(id, s.key()).update();
        }
        return true;
    }

    /**
     * Stores a section's answers as its next version if the stored one is still {@code version}, and with them the
     * application's change time (and its title, from the challenge section); 0 when someone saved in between.
     */
    int saveSection(UUID id, Section section, int version, Answers answers, SectionState state, String title, String actor,
            Instant now) {
        return jdbc.sql("""
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
    }

    /** Keeps {@code actor}'s refused save of a section (one open conflict per person and section, the latest). */
    void keepConflict(UUID id, Section section, Answers answers, int basedOn, int saved, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO section_conflict (id, application_id, section_key, answers, based_on_version, saved_version,
                                              refused_by, refused_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (application_id, section_key, refused_by) WHERE resolved_at IS NULL
                DO UPDATE SET answers = excluded.answers, based_on_version = excluded.based_on_version,
                              saved_version = excluded.saved_version, refused_at = excluded.refused_at
                """).params(UUID.randomUUID(), id, section.key(), json.writeValueAsString(answers.fields()), basedOn,
                saved, actor, Timestamp.from(now)).update();
    }

    /** Closes {@code actor}'s open conflict in a section; how many were open (0 or 1). */
    int resolveConflict(UUID id, Section section, String actor, Instant now) {
        return jdbc.sql("""
                UPDATE section_conflict SET resolved_at = ?
                WHERE application_id = ? AND section_key = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(Timestamp.from(now), id, section.key(), actor).update();
    }

    /** {@code actor}'s open refused save of a section, as typed. */
    Optional<Answers> openConflict(UUID id, Section section, String actor) {
        return jdbc.sql("""
                SELECT answers::text FROM section_conflict
                WHERE application_id = ? AND section_key = ? AND refused_by = ? AND resolved_at IS NULL
                """).params(id, section.key(), actor).query(String.class).optional().map(this::answers);
    }

    /**
     * The application to save in (without its answers), locked, and the sections in which {@code actor} has a
     * refused save open.
     */
    record Locked(Application application, Set<String> openConflicts) {
        boolean openConflict(Section section) {
            return openConflicts.contains(section.key());
        }
    }

    /** The application, locked for a save by its applicant or a member of its lead organisation; empty for anyone else. */
    Optional<Locked> lockForSave(UUID id, UUID userId, String actor) {
        return jdbc.sql("""
                SELECT a.id, a.round_id, a.programme_key, a.form_version, a.component_key, a.lead_organisation_id,
                       a.applicant_user_id, a.status, a.title, a.created_by, a.created_at, a.updated_at,
                       ARRAY(SELECT c.section_key FROM section_conflict c WHERE c.application_id = a.id
                             AND c.refused_by = :actor AND c.resolved_at IS NULL) AS open_conflicts
                FROM application a WHERE a.id = :id AND (a.applicant_user_id = :member OR %s)
                FOR NO KEY UPDATE OF a
                """.formatted(Memberships.isMemberOf("a.lead_organisation_id")))
                .param("id", id).param("member", userId).param("actor", actor)
                .query((rs, i) -> new Locked(head(rs, List.of()),
                        Set.of((String[]) rs.getArray("open_conflicts").getArray())))
                .optional();
    }

    void addAttachment(UUID attachmentId, UUID id, Section section, PdfUpload upload, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO attachment (id, application_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
                VALUES (?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)
                """).params(attachmentId, id, upload.fileName(), (long) upload.content().length, upload.sha256(),
                upload.content(), actor, Timestamp.from(now)).update();
        attachmentsChanged(id, section, actor, now);
    }

    void removeAttachment(UUID attachmentId, UUID id, Section section, String actor, Instant now) {
        jdbc.sql("DELETE FROM attachment WHERE id = ? AND application_id = ?").params(attachmentId, id).update();
        attachmentsChanged(id, section, actor, now);
    }

    /** The form's attachments section is completed while there is a file, and its version moves with every change. */
    private void attachmentsChanged(UUID id, Section section, String actor, Instant now) {
        jdbc.sql("""
                UPDATE application_section SET version = version + 1, saved_by = ?, saved_at = ?,
                       state = CASE WHEN (SELECT count(*) FROM attachment WHERE application_id = ?) > 0
                                    THEN 'completed' ELSE 'not-started' END
                WHERE application_id = ? AND section_key = ?
                """).params(actor, Timestamp.from(now), id, id, section.key()).update();
        jdbc.sql("UPDATE application SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }
}

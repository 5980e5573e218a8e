package se.partnerskap.application.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.partnerskap.programme.Rounds;
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

    ApplicationRows(JdbcClient jdbc, JsonMapper json, Rounds rounds) {
        this.jdbc = jdbc;
        this.json = json;
        this.rounds = rounds;
    }

    /** Those {@code orgs} lead or co-apply to, latest change first. */
    List<ApplicationSummary> visibleTo(List<UUID> orgs) {
        return jdbc.sql(SUMMARY + """
                FROM application a WHERE a.lead_organisation_id IN (:orgs)
                   OR EXISTS (SELECT 1 FROM application_section s, jsonb_array_elements_text(s.answers -> 'coApplicants') c
                              WHERE s.application_id = a.id AND s.section_key = 'applicant'
                                AND jsonb_typeof(s.answers -> 'coApplicants') = 'array' AND c IN (:orgNames))
                ORDER BY a.updated_at DESC
                """).param("orgs", orgs).param("orgNames", orgs.stream().map(UUID::toString).toList())
                .query(summaries()).list();
    }

    /** A page of those {@code orgs} lead, latest change first, and how many there are. */
    Applications.Led ledBy(List<UUID> orgs, int offset, int size) {
        UUID[] ids = orgs.toArray(UUID[]::new);
        int total = jdbc.sql("SELECT count(*) FROM application WHERE lead_organisation_id = ANY(?)")
                .param(ids).query(Integer.class).single();
        List<ApplicationSummary> rows = jdbc.sql(SUMMARY + """
                FROM application a WHERE a.lead_organisation_id = ANY(?)
                ORDER BY a.updated_at DESC, a.id LIMIT ? OFFSET ?
                """).params(ids, size, offset).query(summaries()).list();
        return new Applications.Led(rows, total);
    }

    private static final String SUMMARY = """
            SELECT a.id, a.round_id, a.component_key, a.lead_organisation_id, a.status, a.title, a.updated_at,
                   (SELECT coalesce(string_agg(s.section_key, ','), '') FROM application_section s
                    WHERE s.application_id = a.id AND s.state = 'completed') AS done
            """;

    /** Rows of {@link #SUMMARY}: each round's sections looked up once for all rows. */
    private org.springframework.jdbc.core.RowMapper<ApplicationSummary> summaries() {
        Map<UUID, List<Section>> applying = new java.util.HashMap<>();
        return (rs, i) -> {
            UUID round = rs.getObject("round_id", UUID.class);
            List<Section> sections = applying.computeIfAbsent(round, r -> rounds.details(r).map(Section::in)
                    .orElse(List.of(Section.values())));
            List<String> done = List.of(rs.getString("done").split(","));
            int completed = (int) sections.stream().filter(s -> done.contains(s.key())).count();
            return new ApplicationSummary(rs.getObject("id", UUID.class), round, rs.getString("component_key"),
                    rs.getObject("lead_organisation_id", UUID.class), ApplicationStatus.ofKey(rs.getString("status")),
                    rs.getString("title"), rs.getTimestamp("updated_at").toInstant(), completed, sections.size());
        };
    }

    /** The application with its sections and attachments, or empty. */
    Optional<Application> find(UUID id) {
        Optional<Application> head = jdbc.sql("""
                SELECT id, round_id, programme_key, component_key, lead_organisation_id, status, title, created_by,
                       created_at, updated_at FROM application WHERE id = ?
                """).param(id).query((rs, i) -> new Application(rs.getObject("id", UUID.class),
                rs.getObject("round_id", UUID.class), rs.getString("programme_key"), rs.getString("component_key"),
                rs.getObject("lead_organisation_id", UUID.class), ApplicationStatus.ofKey(rs.getString("status")),
                rs.getString("title"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), Map.of(), List.of())).optional();
        if (head.isEmpty()) {
            return head;
        }
        Application a = head.get();
        return Optional.of(new Application(a.id(), a.roundId(), a.programme(), a.component(), a.leadOrganisation(),
                a.status(), a.title(), a.createdBy(), a.createdAt(), a.updatedAt(), sectionsOf(id), attachments(id)));
    }

    Map<Section, SectionAnswers> sectionsOf(UUID id) {
        Map<Section, SectionAnswers> sections = new EnumMap<>(Section.class);
        jdbc.sql("""
                SELECT section_key, answers::text AS answers, state, version, saved_by, saved_at
                FROM application_section WHERE application_id = ?
                """).param(id).query((RowCallback) rs -> Section.ofKey(rs.getString("section_key"))
                .ifPresent(s -> sections.put(s, sectionAnswers(s, rs))));
        return sections;
    }

    private interface RowCallback extends org.springframework.jdbc.core.RowCallbackHandler {
    }

    SectionAnswers sectionAnswers(Section s, ResultSet rs) {
        try {
            Timestamp at = rs.getTimestamp("saved_at");
            return new SectionAnswers(s, answers(rs.getString("answers")), SectionState.ofKey(rs.getString("state")),
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
}

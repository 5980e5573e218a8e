package se.partnerskap.application.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators change a programme's application form: every save is a new version (a stored version never
 * changes, so drafts begun on an earlier one and every submission keep theirs), made only from the version the
 * administrator read, and only when the definition is a valid form.
 */
@Service
@Transactional(readOnly = true)
public class FormVersions {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationForms forms;
    private final Audit audit;
    private final Clock clock;

    FormVersions(JdbcClient jdbc, JsonMapper json, ApplicationForms forms, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.forms = forms;
        this.audit = audit;
        this.clock = clock;
    }

    /** A version as the list shows it: when and by whom it was made, how many drafts and submissions are on it. */
    public record Version(int version, Instant createdAt, String createdBy, int drafts, int submitted) {
    }

    /** The programme's versions, newest first. */
    public List<Version> versions(String programme) {
        return jdbc.sql("""
                SELECT f.version, f.created_at, f.created_by,
                       (SELECT count(*) FROM application a WHERE a.programme_key = f.programme_key
                          AND a.form_version = f.version AND a.status <> 'submitted') AS drafts,
                       (SELECT count(*) FROM application a WHERE a.programme_key = f.programme_key
                          AND a.form_version = f.version AND a.status = 'submitted') AS submitted
                FROM programme_form f WHERE f.programme_key = ? ORDER BY f.version DESC
                """).param(programme).query((rs, i) -> new Version(rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("drafts"),
                rs.getInt("submitted"))).list();
    }

    /** A version's definition as an administrator edits it: indented JSON. */
    public String text(ApplicationForm form) {
        return json.rebuild().enable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
                .build()
                .writeValueAsString(new ApplicationForms.Definition(form.sections(), form.rules()));
    }

    /** Typed JSON as a form, or {@link ApplicationForm.Invalid} saying (translatably) why it is not one. */
    public ApplicationForm parse(String programme, String text) {
        try {
            return forms.parse(programme, 0, text);
        } catch (ApplicationForm.Invalid invalid) {
            throw invalid;
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ApplicationForm.Invalid("forms.error.json", at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr());
        } catch (IllegalArgumentException e) { // an unknown section kind, by Jackson's creator
            throw new ApplicationForm.Invalid("forms.error.kind");
        }
    }

    /** Someone made a version after the one this save was based on. */
    public static class Stale extends RuntimeException {
        public Stale() {
            super("The form has a newer version");
        }
    }

    /**
     * Stores {@code text} as the programme's next version if its latest is still {@code basedOn}; the new version's
     * number. A definition equal to the latest's makes no version (the latest's number).
     */
    @Transactional
    public int save(String programme, int basedOn, String text, String actor) {
        ApplicationForm typed = parse(programme, text);
        // one save at a time per programme: the check of the latest version and the insert cannot interleave
        jdbc.sql("SELECT key FROM programme WHERE key = ? FOR UPDATE").param(programme).query(String.class).single();
        int latest = forms.latest(programme).map(ApplicationForm::version).orElse(0);
        if (latest != basedOn) {
            throw new Stale();
        }
        String definition = json.writeValueAsString(new ApplicationForms.Definition(typed.sections(), typed.rules()));
        if (latest > 0 && definition.equals(json.writeValueAsString(new ApplicationForms.Definition(
                forms.of(programme, latest).sections(), forms.of(programme, latest).rules())))) {
            return latest;
        }
        int version = latest + 1;
        jdbc.sql("""
                INSERT INTO programme_form (programme_key, version, definition, created_by, created_at)
                VALUES (?, ?, ?::jsonb, ?, ?)
                """).params(programme, version, definition, actor, Timestamp.from(clock.instant())).update();
        audit.record(actor, "programme.form-version-created", "programme", programme, Map.of("version", version,
                "basedOn", basedOn, "sections", typed.sections().size()));
        return version;
    }
}

package se.partnerskap.application.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The programmes' application forms ({@code programme_form}). A stored version never changes, so each is read
 * once per instance and kept; which version is a programme's latest is asked of the database each time.
 */
@Component
public class ApplicationForms {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, ApplicationForm> read = new ConcurrentHashMap<>();

    ApplicationForms(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The form definition as stored. */
    record Definition(List<Section> sections, ApplicationForm.Rules rules) {
    }

    /** Version {@code version} of the programme's form; it exists for every application (a foreign key says so). */
    public ApplicationForm of(String programme, int version) {
        return read.computeIfAbsent(programme + "/" + version, k -> jdbc.sql("""
                SELECT definition::text FROM programme_form WHERE programme_key = ? AND version = ?
                """).params(programme, version).query(String.class).optional()
                .map(text -> parse(programme, version, text))
                .orElseThrow(() -> new IllegalStateException("No form " + k)));
    }

    /** The version an application started now is filled in on; empty for a programme without a form. */
    public Optional<ApplicationForm> latest(String programme) {
        return jdbc.sql("SELECT version FROM programme_form WHERE programme_key = ? ORDER BY version DESC LIMIT 1").param(programme)
                .query(Integer.class).optional().map(v -> of(programme, v));
    }

    ApplicationForm parse(String programme, int version, String text) {
        Definition d = json.readValue(text, Definition.class);
        return new ApplicationForm(programme, version, d.sections(), d.rules());
    }
}

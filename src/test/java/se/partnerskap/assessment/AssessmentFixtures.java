package se.partnerskap.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.StockholmTime;

/**
 * A closed round of the tests' own programme with submitted applications made in SQL (as submission
 * leaves them), two scoring criteria of different scales, and a second reviewer.
 */
public final class AssessmentFixtures {

    public static final String PROGRAMME = se.partnerskap.support.TestProgramme.KEY;
    static final Instant OPENS = ZonedDateTime.of(LocalDateTime.of(2026, 9, 15, 0, 0), StockholmTime.ZONE).toInstant();
    static final Instant DEADLINE = ZonedDateTime.of(LocalDateTime.of(2026, 10, 15, 23, 59, 59), StockholmTime.ZONE)
            .toInstant();
    static final String SECOND_REVIEWER = "rolf.reviewer@assess.demo.example";

    private final JdbcClient jdbc;

    public AssessmentFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void programme() {
        se.partnerskap.support.TestProgramme.ensure(jdbc);
        // relevance 0–5 weighing 3, feasibility 0–10 weighing 1
        jdbc.sql("""
                INSERT INTO scoring_criterion VALUES
                 (?, 'relevance', 1, 'Relevans', 'Relevance', 'Passar programmet.', 'Fits the programme.', 5, 3),
                 (?, 'feasibility', 2, 'Genomförbarhet', 'Feasibility', 'Realistisk plan.', 'A realistic plan.', 10, 1)
                ON CONFLICT DO NOTHING
                """).params(PROGRAMME, PROGRAMME).update();
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, language, enabled, activated_at, created_at)
                SELECT ?, ?, 'Rolf Granskare', password_hash, 'sv', true, now(), now() FROM app_user WHERE email = ?
                ON CONFLICT DO NOTHING
                """).params(UUID.randomUUID(), SECOND_REVIEWER, DemoUsers.RUT.email()).update();
        jdbc.sql("""
                INSERT INTO user_role (user_id, role) SELECT id, 'REVIEWER' FROM app_user WHERE email = ?
                ON CONFLICT DO NOTHING
                """).param(SECOND_REVIEWER).update();
    }

    /** A closed round with a budget of {@code budget} kronor. */
    public UUID round(long budget) {
        programme();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, budget_sek)
                VALUES (?, ?, ?, 'Hösten 2026 (bedömningstest)', 'Autumn 2026 (assessment test)', ?, ?, 'closed', ?)
                """).params(id, PROGRAMME, "assess-" + id, Timestamp.from(OPENS), Timestamp.from(DEADLINE), budget)
                .update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, ?, 'inception')")
                .params(id, PROGRAMME).update();
        return id;
    }

    public UUID municipality(String code) {
        return jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = ? AND kind = 'municipality'")
                .param(code).query(UUID.class).single();
    }

    UUID region(String code) {
        return jdbc.sql("SELECT id FROM swedish_organisation WHERE region_code = ? AND kind = 'region'").param(code)
                .query(UUID.class).single();
    }

    /** A submitted application of {@code organisation} with a partner in {@code country}, asking {@code requested}. */
    public UUID submitted(UUID round, UUID organisation, String title, String partner, String country, String coreArea,
            long requested, String language) {
        UUID id = UUID.randomUUID();
        String reference = "KP-T-" + id.toString().substring(0, 8).toUpperCase();
        Timestamp at = Timestamp.from(DEADLINE.minusSeconds(86_400));
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title,
                                         created_by, created_at, updated_at, reference, submitted_at)
                VALUES (?, ?, ?, 'inception', ?, 'submitted', ?, 'anna@example.org', ?, ?, ?, ?)
                """).params(id, round, PROGRAMME, organisation, title, at, at, reference, at).update();
        section(id, "partners", "{\"partner1Name\": [\"" + partner + "\"], \"partner1Country\": [\"" + country + "\"]}");
        section(id, "core-areas", "{\"coreAreas\": [\"" + coreArea + "\"], \"theme\": [\"Dialog\"]}");
        section(id, "budget", "{\"requested\": [\"" + requested + "\"]}");
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                VALUES (?, ?, 1, ?, ?, '{}'::jsonb, '\\x00'::bytea, ?, 'anna@example.org', ?)
                """).params(UUID.randomUUID(), id, reference, "key-" + id, language, at).update();
        return id;
    }

    /** Gives a submitted application a budget of these lines (travel, salaries, meetings, ...), all requested. */
    void budgetLines(UUID id, long... amounts) {
        String[] categories = {"travel", "salaries", "meetings", "other"};
        StringBuilder json = new StringBuilder("{\"requested\": [\"" + java.util.Arrays.stream(amounts).sum() + "\"]");
        for (int i = 0; i < amounts.length; i++) {
            String l = "line" + (i + 1);
            json.append(", \"").append(l).append("Category\": [\"").append(categories[Math.min(i, 3)]).append("\"]")
                    .append(", \"").append(l).append("Party\": [\"swedish\"]")
                    .append(", \"").append(l).append("Amount\": [\"").append(amounts[i]).append("\"]");
        }
        jdbc.sql("UPDATE application_section SET answers = ?::jsonb WHERE application_id = ? AND section_key = 'budget'")
                .params(json.append('}').toString(), id).update();
    }

    private void section(UUID id, String key, String answers) {
        jdbc.sql("""
                INSERT INTO application_section (application_id, section_key, answers, state, version)
                VALUES (?, ?, ?::jsonb, 'completed', 1)
                """).params(id, key, answers).update();
    }

    String reference(UUID application) {
        return jdbc.sql("SELECT reference FROM application WHERE id = ?").param(application).query(String.class).single();
    }

    UUID userId(String email) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(UUID.class).single();
    }
}

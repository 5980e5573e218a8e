package se.partnerskap.grant.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.support.TestProgramme;

/**
 * Funded projects made in SQL the way project creation leaves them (the other half of the grant
 * module creates them when a round is published): a partnership of the tests' own programme for
 * Anna's municipality (Karlstad) with two core areas, three budget lines, a contact and its reports.
 * {@link #deleteAll()} removes what was made (the project's rows cascade).
 */
final class ReportData {

    private final JdbcClient jdbc;
    private final List<UUID> projects = new ArrayList<>();

    ReportData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A project with its key, the address of its contact and its core areas. */
    record Project(UUID id, String key, String contactEmail, List<String> coreAreas) {
    }

    void deleteAll() {
        for (UUID id : projects) {
            jdbc.sql("DELETE FROM funded_partnership WHERE id = ?").param(id).update();
        }
        projects.clear();
    }

    UUID karlstad() {
        return jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = '1780' AND kind = 'municipality'")
                .query(UUID.class).single();
    }

    /** A project of Anna's municipality with budget lines travel 100 000, meetings 50 000, other 20 000. */
    Project project() {
        TestProgramme.ensure(jdbc);
        UUID id = UUID.randomUUID();
        String key = "rapporttest-" + id.toString().substring(0, 8);
        String contact = "kontakt-" + id.toString().substring(0, 8) + "@karlstad.demo.example";
        jdbc.sql("""
                INSERT INTO funded_partnership (id, key, programme_key, swedish_organisation_id, amount_sek, amount_is_demo,
                    starts_on, ends_on, status, recorded_at, recorded_by, title)
                VALUES (?, ?, ?, ?, 170000, false, DATE '2026-01-01', DATE '2027-12-31', 'active', now(), 'test',
                    'Vatten för alla – rapporttest')
                """).params(id, key, TestProgramme.KEY, karlstad()).update();
        projects.add(id);
        List<String> areas = jdbc.sql("SELECT key FROM core_area WHERE programme_key = ? ORDER BY position LIMIT 2")
                .param(TestProgramme.KEY).query(String.class).list();
        for (String area : areas) {
            jdbc.sql("INSERT INTO funded_partnership_core_area (funded_partnership_id, programme_key, core_area_key) VALUES (?, ?, ?)")
                    .params(id, TestProgramme.KEY, area).update();
        }
        jdbc.sql("""
                INSERT INTO project_budget_line (funded_partnership_id, position, category, description, party, applied_sek, approved_sek)
                VALUES (?, 1, 'travel', 'Resor till Kisumu', 'lead', 110000, 100000),
                       (?, 2, 'meetings', 'Workshoppar', 'lead', 50000, 50000),
                       (?, 3, 'other', 'Översättning', 'partner', 20000, 20000)
                """).params(id, id, id).update();
        jdbc.sql("""
                INSERT INTO project_contact (funded_partnership_id, position, name, role, email, signatory)
                VALUES (?, 1, 'Karin Kontakt', 'Projektledare', ?, true)
                """).params(id, contact).update();
        return new Project(id, key, contact, areas);
    }

    /** A report of a project, not started. */
    UUID report(Project p, String kind, int position, LocalDate from, LocalDate to, LocalDate due) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project_report (id, funded_partnership_id, kind, position, period_from, period_to, due_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(id, p.id(), kind, position, from, to, due).update();
        return id;
    }

    /** The first annual report: 2026, due 1 March 2027. */
    UUID annual(Project p) {
        return report(p, "annual", 1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 1));
    }

    /**
     * A report submitted by Anna: complete answers, travel 125 000 against 100 000 (explained), meetings
     * 48 000, other 20 000 — 193 000 reported.
     */
    UUID submitted(Project p, int position) {
        UUID id = report(p, "annual", position, LocalDate.of(2025 + position, 1, 1), LocalDate.of(2025 + position, 12, 31),
                LocalDate.of(2026 + position, 3, 1));
        Map<String, String> answers = ReportFixtures.complete(p, "125000");
        answers.put("explanation.1", "Flights cost more.");
        jdbc.sql("""
                UPDATE project_report SET answers = ?::jsonb, version = 3, status = 'submitted', submitted_by = ?,
                       submitted_at = now(), saved_by = ?, saved_at = now()
                WHERE id = ?
                """).params(toJson(answers), ReportFixtures.ANNA, ReportFixtures.ANNA, id).update();
        jdbc.sql("""
                INSERT INTO project_report_line (report_id, position, actual_sek, explanation)
                VALUES (?, 1, 125000, 'Flights cost more.'), (?, 2, 48000, ''), (?, 3, 20000, '')
                """).params(id, id, id).update();
        return id;
    }

    static String toJson(Map<String, String> answers) {
        return answers.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

}

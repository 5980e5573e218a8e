package se.partnerskap.grant.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;

/**
 * Funded projects made in SQL the way project creation leaves them (the other half of the grant
 * module creates them when a round is published): a partnership of the tests' own programme for
 * Anna's municipality (Karlstad) with two core areas, three budget lines, a contact and its reports.
 * Everything made here is deleted after each test (the project's rows cascade).
 */
abstract class ReportFixtures extends AbstractIntegrationTest {

    static final String ANNA = DemoUsers.ANNA.email();
    static final String PER = DemoUsers.PER.email();
    static final String OLLE = DemoUsers.OLLE.email();
    static final String PASSWORD = DemoUsers.PASSWORD;

    private final List<UUID> projects = new ArrayList<>();

    /** A project with its key, its reports and the address of its contact. */
    record Project(UUID id, String key, String contactEmail, List<String> coreAreas) {
    }

    @AfterEach
    void deleteProjects() {
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
        Map<String, String> answers = complete(p, "125000");
        answers.put("explanation.1", "Flights cost more.");
        jdbc.sql("""
                UPDATE project_report SET answers = ?::jsonb, version = 3, status = 'submitted', submitted_by = ?,
                       submitted_at = now(), saved_by = ?, saved_at = now()
                WHERE id = ?
                """).params(toJson(answers), ANNA, ANNA, id).update();
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

    /** Noon, Stockholm time, on a day. */
    static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(StockholmTime.ZONE).toInstant();
    }

    static String path(Project p, UUID report) {
        return "/mina-projekt/" + p.key() + "/redovisningar/" + report;
    }

    static String enPath(Project p, UUID report) {
        return "/en/my-projects/" + p.key() + "/redovisningar/" + report;
    }

    /** A complete report: narrative for every field, actual costs within the variance except as given. */
    static Map<String, String> complete(Project p, String travel) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("progress", "We trained 40 staff in water safety.");
        for (String a : p.coreAreas()) {
            f.put("area." + a, "Work in " + a);
        }
        f.put("results", "Two new routines adopted.");
        f.put("lessons", "Start the translations early.");
        f.put("actual.1", travel);
        f.put("explanation.1", "");
        f.put("actual.2", "48 000");
        f.put("explanation.2", "");
        f.put("actual.3", "20000");
        f.put("explanation.3", "");
        return f;
    }

    String status(UUID report) {
        return jdbc.sql("SELECT status FROM project_report WHERE id = ?").param(report).query(String.class).single();
    }

    int version(UUID report) {
        return jdbc.sql("SELECT version FROM project_report WHERE id = ?").param(report).query(Integer.class).single();
    }

    String answers(UUID report) {
        return jdbc.sql("SELECT answers::text FROM project_report WHERE id = ?").param(report).query(String.class).single();
    }

    /** Posts a form with the CSRF token of {@code page}, optionally as htmx does. */
    HttpResponse<String> post(HttpClient client, String path, String page, Map<String, String> fields, boolean htmx) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(client, b.build());
    }

    HttpResponse<String> upload(HttpClient client, String path, String csrf, String fileName, byte[] content) {
        String boundary = "----report" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes());
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes());
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return send(client, HttpRequest.newBuilder(URI.create(url(path + "?_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** A small but well-formed PDF. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n";
        int xref = body.length();
        return (body + "xref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static String money(long kronor) {
        return se.partnerskap.shared.Sek.of(kronor).format(se.partnerskap.shared.Language.SV);
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}

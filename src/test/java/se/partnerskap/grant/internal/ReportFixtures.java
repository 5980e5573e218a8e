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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;

/**
 * Base of the report tests: projects and reports made by {@link ReportData} (deleted after each test),
 * the demo users, complete answers, and forms posted as a browser or htmx does.
 */
abstract class ReportFixtures extends AbstractIntegrationTest {

    static final String ANNA = DemoUsers.ANNA.email();
    static final String PER = DemoUsers.PER.email();
    static final String OLLE = DemoUsers.OLLE.email();
    static final String PASSWORD = DemoUsers.PASSWORD;

    private ReportData data;

    @org.junit.jupiter.api.BeforeEach
    void data() {
        data = new ReportData(jdbc);
    }

    @AfterEach
    void deleteProjects() {
        data.deleteAll();
    }

    ReportData.Project project() {
        return data.project();
    }

    UUID report(ReportData.Project p, String kind, int position, LocalDate from, LocalDate to, LocalDate due) {
        return data.report(p, kind, position, from, to, due);
    }

    UUID annual(ReportData.Project p) {
        return data.annual(p);
    }

    UUID submitted(ReportData.Project p, int position) {
        return data.submitted(p, position);
    }

    /** Noon, Stockholm time, on a day. */
    static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(StockholmTime.ZONE).toInstant();
    }

    static String path(ReportData.Project p, UUID report) {
        return "/mina-projekt/" + p.key() + "/redovisningar/" + report;
    }

    static String enPath(ReportData.Project p, UUID report) {
        return "/en/my-projects/" + p.key() + "/reports/" + report;
    }

    /** A complete report: narrative for every field, actual costs within the variance except as given. */
    static Map<String, String> complete(ReportData.Project p, String travel) {
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

package se.partnerskap.application;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.Statements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one autosave costs the database, the whole request counted at the JDBC level (session included):
 * the deadline day's capacity (bench/deadline-day.sh, MODE=capacity) is set by it. 22 statements before,
 * with the application read twice, the round three times and the session row rewritten on every save.
 */
class AutosaveCostTest extends ApplicationFixtures {

    /**
     * Session, user check, application with membership, round, section and change time, audit, session
     * touch. (The session is read once: Spring Session's second look at it when the answer reaches its
     * Content-Length is answered from the first, web.SessionLookupGuard.)
     */
    static final int AT_MOST = 7;

    @Autowired
    Statements statements;

    @Test
    void anAutosaveReadsTheApplicationOnceWritesItsSectionAndAuditAndLeavesTheSessionRowAlone() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String page = get(anna, path).body();
        assertThat(autosave(anna, path, page, fields("version", "0", "title", "Titel", "challenge", "Första")).body())
                .contains("value=\"1\"");
        String sessionRows = sessionRowVersions();
        int audited = audited(id);

        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        List<String> sql = statements.during(() -> answer.set(autosave(anna, path, page, fields("version", "1",
                "title", "Ny titel", "challenge", "Andra", "objectives", "Mål", "results", "Resultat"))));

        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(answer.get().body()).contains("name=\"version\" value=\"2\"").contains("Sparat ");
        assertThat(sql).as(String.join("\n", sql)).hasSizeLessThanOrEqualTo(AT_MOST);
        assertThat(sql.stream().filter(s -> s.contains("FROM application a") || s.contains("FROM application WHERE")))
                .as("the application is read once").hasSize(1);
        assertThat(sql.stream().filter(s -> s.startsWith("SELECT") && s.contains("FROM application_section"))).isEmpty();
        assertThat(sql.stream().filter(s -> s.startsWith("SELECT") && s.toUpperCase().contains("FROM SPRING_SESSION S")))
                .as("the session is read once").hasSize(1);
        // what the save needs is all there: the section, the list's title and change time, one audit entry
        assertThat(section(id, "challenge")).containsEntry("version", 2).containsEntry("state", "completed");
        assertThat(jdbc.sql("SELECT title FROM application WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("Ny titel");
        assertThat(audited(id)).isEqualTo(audited + 1);
        // the session was read, not written: its row is the same row version as before
        assertThat(sessionRowVersions()).isEqualTo(sessionRows);
    }

    @Test
    void aSessionInUseIsStillWrittenOnceItsLastAccessIsAMinuteOld() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String page = get(anna, path).body();
        jdbc.sql("""
                UPDATE spring_session SET last_access_time = last_access_time - 61000, expiry_time = expiry_time - 61000
                WHERE principal_name = ?
                """).param(DemoUsers.ANNA.email()).update();
        long before = System.currentTimeMillis();
        assertThat(autosave(anna, path, page, fields("version", "0", "title", "Titel")).statusCode()).isEqualTo(200);
        // the session this client used moved on to now, and with it its expiry
        assertThat(jdbc.sql("SELECT max(last_access_time) FROM spring_session WHERE principal_name = ?")
                .param(DemoUsers.ANNA.email()).query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }

    private String sessionRowVersions() {
        return jdbc.sql("SELECT string_agg(xmin::text, ',' ORDER BY primary_id) FROM spring_session WHERE principal_name = ?")
                .param(DemoUsers.ANNA.email()).query(String.class).single();
    }

    private int audited(UUID id) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.section-saved' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single();
    }
}

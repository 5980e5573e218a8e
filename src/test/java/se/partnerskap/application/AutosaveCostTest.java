package se.partnerskap.application;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.Statements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one autosave costs the database — the deadline day's capacity (bench/deadline-day.sh MODE=capacity)
 * is set by it: counted at the JDBC level for the whole request, session included.
 */
class AutosaveCostTest extends ApplicationFixtures {

    @Autowired
    Statements statements;

    @Test
    void anAutosaveReadsOnceWritesItsSectionAndAuditAndLeavesTheSessionAlone() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String page = get(anna, path).body();
        assertThat(autosave(anna, path, page, fields("version", "0", "title", "Titel", "challenge", "Första")).body())
                .contains("value=\"1\"");
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        List<String> sql = statements.during(() -> answer.set(autosave(anna, path, page, fields("version", "1",
                "title", "Titel", "challenge", "Andra", "objectives", "Mål", "results", "Resultat"))));
        assertThat(answer.get().body()).contains("value=\"2\"").contains("Sparat ");
        System.out.println("AUTOSAVE SQL " + sql.size());
        sql.forEach(s -> System.out.println("  " + s));
    }
}

package se.partnerskap.grant.internal;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report save whose database work fails (docs/autosave.md, "When a save fails"): the button save
 * shows the form again with what was typed (503), the autosave answers 5xx for the page's script to
 * retry, and nothing is stored until the database takes it.
 */
class ReportSaveFailureTest extends ReportFixtures {

    /** Makes every update of one report fail as a server shutting down does (SQLSTATE 57P01). */
    private void failUpdatesOf(UUID report) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_fail_report_save() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = '57P01'; END $$
                """).update();
        jdbc.sql("CREATE TRIGGER test_fail_report_save BEFORE UPDATE ON project_report FOR EACH ROW WHEN (OLD.id = '"
                + report + "') EXECUTE FUNCTION test_fail_report_save()").update();
    }

    private void healDatabase() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_fail_report_save ON project_report").update();
        jdbc.sql("DROP FUNCTION IF EXISTS test_fail_report_save()").update();
    }

    @Test
    void aReportSaveThatFailsInTheDatabaseShowsTheFormAgainWithWhatWasTyped() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();
        assertThat(page).contains("id=\"autosave-problem\"").contains("data-retrying=\"Inte sparat: servern svarar inte")
                .containsPattern("/js/autosave-[0-9a-f]{32}\\.js").contains("input changed delay:1500ms, autosave-retry");

        failUpdatesOf(report);
        try {
            HttpResponse<String> failed = post(anna, path(p, report), page,
                    Map.of("version", "0", "progress", "Vi utbildade <40> personer", "action", "save"), false);
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains("Kunde inte spara just nu – försök igen")
                    .contains("Vi utbildade &lt;40&gt; personer");

            HttpResponse<String> autosave = post(anna, path(p, report), page,
                    Map.of("version", "0", "progress", "Vi utbildade 41 personer"), true);
            assertThat(autosave.statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(autosave.body()).doesNotContain("Sparat");
        } finally {
            healDatabase();
        }
        assertThat(answers(report)).doesNotContain("utbildade");

        HttpResponse<String> saved = post(anna, path(p, report), page,
                Map.of("version", "0", "progress", "Vi utbildade <40> personer", "action", "save"), false);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(answers(report)).contains("Vi utbildade <40> personer");
    }

    @Test
    void theEnglishFormCarriesTheFailureTextsInEnglish() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, enPath(p, report)).body();
        assertThat(page).contains("data-retrying=\"Not saved: the server is not answering")
                .contains("data-closed=\"Not saved:");
    }
}

package se.partnerskap.application;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationDraftTest extends ApplicationFixtures {

    @Test
    void listSaysWhatToDoAndStartsADraftInAnOpenRound() {
        HttpClient anna = anna();
        UUID round = openRound(List.of("KE"), List.of("project", "inception"));
        String list = get(anna, "/ansokningar").body();
        assertThat(list).contains("Starta en ansökan").contains(round + "|project");
        UUID id = startDraft(anna, round, "project");
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single()).isEqualTo("draft");
        assertThat(jdbc.sql("SELECT count(*) FROM application_section WHERE application_id = ?").param(id).query(Integer.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.draft-created' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
        HttpResponse<String> overview = get(anna, "/ansokningar/" + id);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("<ol class=\"task-list\">").contains("Inte påbörjad").contains("/skicka-in");
        assertThat(get(anna, "/en/applications/" + id).body()).contains("Not started").contains("/submit");
    }

    @Test
    void startIsRefusedWhenTheRoundIsClosedByTheServersClock() {
        HttpClient anna = anna();
        UUID round = round(Instant.now().minus(Duration.ofDays(40)), Instant.now().minus(Duration.ofDays(10)),
                List.of("KE"), List.of("project"), "[]");
        String page = get(anna, "/ansokningar").body();
        HttpResponse<String> r = postForm(anna, "/ansokningar", page, Map.of(
                "organisation", organisation("1780").toString(), "choice", round + "|project"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Ansökningsomgången är stängd");
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE round_id = ?").param(round).query(Integer.class).single()).isZero();
        // and an open round is closed once the clock passes its deadline
        UUID open = openRound(List.of("KE"), List.of("project"));
        clock.set(Instant.now().plus(Duration.ofDays(11)));
        r = postForm(anna, "/ansokningar", page, Map.of("organisation", organisation("1780").toString(), "choice", open + "|project"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM application WHERE round_id = ?").param(open).query(Integer.class).single()).isZero();
    }

    @Test
    void aSectionSavesWithoutJavaScriptAndTheTaskListShowsItCompleted() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String page = get(anna, path).body();
        assertThat(page).contains("name=\"version\" value=\"0\"").contains("hx-post=\"" + path + "\"")
                .contains("hx-trigger=\"input changed delay:1500ms, autosave-retry\"").contains("maxlength=\"3000\"").contains("Du har 3");
        HttpResponse<String> r = postForm(anna, path, page, Map.of("version", "0", "title", "Unga i klimatarbetet",
                "challenge", "Låg delaktighet", "objectives", "Fler röster", "results", "Ett råd för unga"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/ansokningar/" + id);
        Map<String, Object> row = section(id, "challenge");
        assertThat(row.get("state")).isEqualTo("completed");
        assertThat(row.get("version")).isEqualTo(1);
        assertThat((String) row.get("answers")).contains("Unga i klimatarbetet");
        String overview = get(anna, "/ansokningar/" + id).body();
        assertThat(overview).contains("Sparat").contains("Unga i klimatarbetet").contains("Klar");
        // missing answers are stored and leave the section in progress, shown as errors after the redirect
        page = get(anna, path).body();
        r = postForm(anna, path, page, Map.of("version", "1", "title", "Ny titel", "challenge", "", "objectives", "", "results", ""));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(section(id, "challenge").get("state")).isEqualTo("in-progress");
        String again = get(anna, path).body();
        assertThat(again).contains("error-summary").contains("Fyll i det här").contains("value=\"Ny titel\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.section-saved' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRoundWithoutExtraQuestionsNeitherListsNorCountsThemAndTheCountsMatchTheRows() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String overview = get(anna, "/ansokningar/" + id).body();
        assertThat(overview).contains("Du har fyllt i 0 av 7 delar.").doesNotContain("Omgångens frågor")
                .doesNotContain("/fragor");
        assertThat(count(overview, "<li class=\"task\">")).isEqualTo(7 + 2); // seven parts, check answers, submit
        assertThat(count(overview, ">Inte påbörjad<")).isEqualTo(7);
        assertThat(count(overview, ">Klar<")).isZero();
        assertThat(get(anna, "/ansokningar").body()).contains("0 av 7 delar klara");
        assertThat(get(anna, "/en/applications").body()).contains("0 of 7 sections completed");
        // the page of the questions that are not asked leads back to the task list; it cannot be saved
        HttpResponse<String> questions = get(anna, "/ansokningar/" + id + "/fragor");
        assertThat(questions.statusCode()).isEqualTo(302);
        assertThat(questions.headers().firstValue("Location").orElseThrow()).endsWith("/ansokningar/" + id);
        save(anna, "/ansokningar/" + id + "/utmaning", Map.of("version", "0", "title", "Unga", "challenge", "C",
                "objectives", "O", "results", "R"));
        overview = get(anna, "/ansokningar/" + id).body();
        assertThat(overview).contains("Du har fyllt i 1 av 7 delar.");
        assertThat(count(overview, ">Klar<")).isEqualTo(1);
        assertThat(count(overview, ">Inte påbörjad<")).isEqualTo(6);
        assertThat(get(anna, "/en/applications/" + id).body()).contains("You have completed 1 of 7 sections.");
        assertThat(get(anna, "/ansokningar/" + id + "/granska").body()).doesNotContain("Omgångens frågor");
    }

    @Test
    void aRoundWithExtraQuestionsListsThemNotStartedUntilAnswered() {
        HttpClient anna = anna();
        UUID round = round(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)),
                List.of("KE"), List.of("project"), """
                [{"key":"youth","type":"short-text","required":true,"labelSv":"Hur deltar unga?","labelEn":"Youth?","options":[]}]
                """);
        UUID id = startDraft(anna, round, "project");
        String overview = get(anna, "/ansokningar/" + id).body();
        assertThat(overview).contains("Du har fyllt i 0 av 8 delar.").contains("Omgångens frågor");
        assertThat(count(overview, ">Inte påbörjad<")).isEqualTo(8);
        assertThat(get(anna, "/ansokningar").body()).contains("0 av 8 delar klara");
        save(anna, "/ansokningar/" + id + "/fragor", Map.of("version", "0", "q.youth", "Ett ungdomsråd"));
        overview = get(anna, "/ansokningar/" + id).body();
        assertThat(overview).contains("Du har fyllt i 1 av 8 delar.");
        assertThat(overview).containsPattern("Omgångens frågor</a>\\s*<strong class=\"tag completed\"");
    }

    @Test
    void aSaveWithErrorsShowsTheErrorsAndNeverAlsoSaved() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        save(anna, path, Map.of("version", "0", "title", "Unga", "challenge", "C", "objectives", "O", "results", "R"));
        assertThat(get(anna, path).body()).contains("Sparat "); // the page says when it was last saved
        // a refused save (a title over its limit): the errors, everything typed, and no "Sparat"
        String page = get(anna, path).body();
        HttpResponse<String> refused = postForm(anna, path, page, Map.of("version", "1", "title", "x".repeat(201),
                "challenge", "Mitt nya svar", "objectives", "O", "results", "R"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary").contains("field-error").contains("Mitt nya svar")
                .doesNotContain("Sparat").doesNotContain("finns kvar i utkastet");
        // a save with answers missing is stored, and the page after it says what is missing, and only that
        HttpResponse<String> stored = postForm(anna, path, page, Map.of("version", "1", "title", "Unga",
                "challenge", "Mitt nya svar", "objectives", "", "results", ""));
        assertThat(stored.statusCode()).isEqualTo(302);
        String after = get(anna, path).body();
        assertThat(after).contains("error-summary").contains("Fyll i det här").contains("Mitt nya svar")
                .contains("Det du har skrivit finns kvar i utkastet").doesNotContain("Sparat");
        assertThat(section(id, "challenge").get("state")).isEqualTo("in-progress");
        // the same in English
        page = get(anna, "/en/applications/" + id + "/challenge").body();
        postForm(anna, "/en/applications/" + id + "/challenge", page, Map.of("version", "2", "title", "Unga",
                "challenge", "", "objectives", "", "results", ""));
        assertThat(get(anna, "/en/applications/" + id + "/challenge").body()).contains("error-summary")
                .doesNotContain("Saved");
        // a complete save goes back to the task list with one message: saved
        page = get(anna, path).body();
        HttpResponse<String> done = postForm(anna, path, page, Map.of("version", "3", "title", "Unga",
                "challenge", "C", "objectives", "O", "results", "R"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/ansokningar/" + id);
        assertThat(get(anna, "/ansokningar/" + id).body()).contains("Sparat").doesNotContain("error-summary");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void autosaveAnswersWithAFragmentCarryingTheNewVersion() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/karnomraden";
        String page = get(anna, path).body();
        HttpResponse<String> r = autosave(anna, path, page, Map.of("version", "0", "theme", "Unga"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<div id=\"autosave\"").contains("name=\"version\" value=\"1\"").contains("Sparat ")
                .doesNotContain("<html");
        r = autosave(anna, path, page, Map.of("version", "1", "theme", "Unga i klimatarbetet", "coreAreas", "participation"));
        assertThat(r.body()).contains("value=\"2\"");
        assertThat(section(id, "core-areas").get("state")).isEqualTo("completed");
        // an invalid value is not stored; the fragment says so and keeps the version
        r = autosave(anna, path, page, Map.of("version", "2", "theme", "x", "coreAreas", "not-a-core-area"));
        assertThat(r.body()).contains("value=\"2\"").contains("Inte sparat");
        assertThat(section(id, "core-areas").get("version")).isEqualTo(2);
    }

    @Test
    void whenTwoSaveTheSameSectionTheSecondIsRefusedAndBothVersionsAreKept() {
        HttpClient anna = anna();
        HttpClient karl = colleague();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String annasPage = get(anna, path).body();
        String karlsPage = get(karl, path).body();
        assertThat(postForm(anna, path, annasPage, Map.of("version", "0", "title", "Annas titel", "challenge", "A",
                "objectives", "A", "results", "A")).statusCode()).isEqualTo(302);
        HttpResponse<String> refused = postForm(karl, path, karlsPage, Map.of("version", "0", "title", "Karls titel",
                "challenge", "K", "objectives", "K", "results", "K"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Någon annan sparade den här delen före dig").contains("Annas titel")
                .contains("value=\"Karls titel\"").contains("Spara min version").contains("name=\"version\" value=\"1\"");
        assertThat((String) section(id, "challenge").get("answers")).contains("Annas titel").doesNotContain("Karls");
        assertThat(jdbc.sql("SELECT answers::text FROM section_conflict WHERE application_id = ? AND resolved_at IS NULL")
                .param(id).query(String.class).single()).contains("Karls titel");
        // the refused version is still offered when the page is opened again, and can be taken over
        String again = get(karl, path).body();
        assertThat(again).contains("value=\"Karls titel\"").contains("Annas titel");
        assertThat(postForm(karl, path, again, Map.of("version", "1", "title", "Karls titel", "challenge", "K",
                "objectives", "K", "results", "K")).statusCode()).isEqualTo(302);
        assertThat((String) section(id, "challenge").get("answers")).contains("Karls titel");
        assertThat(jdbc.sql("SELECT count(*) FROM section_conflict WHERE application_id = ? AND resolved_at IS NULL")
                .param(id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.section-conflict' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theAmountLeftFollowsRegionPartiesAndYears() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE", "UA"), List.of("project")), "project");
        String base = "/ansokningar/" + id;
        String budget = get(anna, base + "/budget").body();
        assertThat(budget).contains("Välj partnerns land först");
        save(anna, base + "/partner", Map.of("version", "0", "partner1Name", "Makueni County", "partner1Type", "district",
                "partner1Country", "KE", "partner1ContactName", "Jane", "partner1ContactEmail", "jane@makueni.example"));
        save(anna, base + "/aktiviteter", Map.of("version", "0", "years", "2", "activities", "Möten", "timePlan", "Q1"));
        save(anna, base + "/budget", Map.of("version", "0", "line1Category", "travel", "line1Description", "Resor",
                "line1Party", "swedish", "line1Amount", "700 000", "requested", "600000"));
        budget = get(anna, base + "/budget").body();
        // project, Africa, two parties: 500 000 kr a year for two years
        assertThat(budget).contains(money(1_000_000)).contains(money(400_000)).contains(money(700_000));
        // a co-applicant makes three parties and a partner in Europe: 600 000 kr a year, the smallest region counts
        save(anna, base + "/sokande", Map.of("version", "0", "contactName", "Anna", "contactEmail", "anna@karlstad.example",
                "coApplicants", organisation("2581").toString()));
        save(anna, base + "/partner", fields("version", "1", "partner1Name", "Makueni County", "partner1Type", "district",
                "partner1Country", "KE", "partner1ContactName", "Jane", "partner1ContactEmail", "jane@makueni.example",
                "partner2Name", "Lviv", "partner2Type", "municipality", "partner2Country", "UA", "partner2ContactName", "Olena",
                "partner2ContactEmail", "olena@lviv.example"));
        budget = get(anna, base + "/budget").body();
        // four parties now (lead, co-applicant, two partners): Europe 600 000 × 2, Africa 650 000 × 2 → 1 200 000
        assertThat(budget).contains(money(1_200_000)).contains(money(600_000));
        // over the maximum: stored, but the section stays in progress and says why
        save(anna, base + "/budget", Map.of("version", "1", "line1Category", "travel", "line1Description", "Resor",
                "line1Party", "swedish", "line1Amount", "2000000", "requested", "1300000"));
        assertThat(section(id, "budget").get("state")).isEqualTo("in-progress");
        assertThat(get(anna, base + "/budget").body()).contains(money(-100_000));
    }

    private static String money(long kronor) {
        return Sek.of(kronor).format(Language.SV);
    }

    void save(HttpClient client, String path, Map<String, String> fields) {
        HttpResponse<String> r = postForm(client, path, get(client, path).body(), new LinkedHashMap<>(fields));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    }
}

package se.partnerskap.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The round's extra questions are asked and checked by their type, limit and whether they are required. */
class ExtraQuestionsTest extends ApplicationFixtures {

    private static final String QUESTIONS = """
            [{"key":"youth","type":"long-text","required":true,"labelSv":"Hur deltar unga?","labelEn":"How do young people take part?","maxLength":20,"options":[]},
             {"key":"size","type":"number","required":true,"labelSv":"Antal deltagare","labelEn":"Participants","options":[]},
             {"key":"start","type":"date","required":false,"labelSv":"Startdatum","labelEn":"Start date","options":[]},
             {"key":"level","type":"single-choice","required":true,"labelSv":"Nivå","labelEn":"Level","options":[{"key":"local","sv":"Lokal","en":"Local"},{"key":"regional","sv":"Regional","en":"Regional"}]},
             {"key":"topics","type":"multiple-choice","required":false,"labelSv":"Ämnen","labelEn":"Topics","options":[{"key":"climate","sv":"Klimat","en":"Climate"},{"key":"health","sv":"Hälsa","en":"Health"}]}]
            """;

    @Test
    void eachTypeIsCheckedAndWrongAnswersAreShownKeptAndNotStored() {
        UUID round = round(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)),
                List.of("KE"), List.of("project"), QUESTIONS);
        var anna = anna();
        UUID id = startDraft(anna, round, "project");
        String path = "/ansokningar/" + id + "/fragor";
        String form = get(anna, path).body();
        assertThat(form).contains("Hur deltar unga?").contains("Antal deltagare").contains("Lokal").contains("Klimat");

        var refused = postForm(anna, path, form, Map.of("version", "0",
                "q.youth", "Ett svar som är alldeles för långt", "q.size", "tolv", "q.start", "2026-13-45",
                "q.level", "national", "q.topics", "climate"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary").contains("Högst 20 tecken").contains("Skriv ett heltal")
                .contains("Skriv ett datum som ÅÅÅÅ-MM-DD").contains("Välj ett av alternativen")
                .contains("Ett svar som är alldeles för långt");
        assertThat(section(id, "questions").get("version")).isEqualTo(0);

        var saved = postForm(anna, path, form, Map.of("version", "0",
                "q.youth", "Ungdomsråd", "q.size", "12", "q.start", "2027-03-01", "q.level", "local", "q.topics", "health"));
        assertThat(saved.statusCode()).isEqualTo(302);
        Map<String, Object> row = section(id, "questions");
        assertThat(row.get("state")).isEqualTo("completed");
        assertThat((String) row.get("answers")).contains("Ungdomsråd").contains("2027-03-01").contains("health");
    }

    private static final String AMOUNT_COUNTRY_DECLARATION = """
            [{"key":"cost","type":"amount","required":true,"labelSv":"Vad kostar resan?","labelEn":"What does the travel cost?","options":[]},
             {"key":"where","type":"country","required":true,"labelSv":"I vilket land?","labelEn":"In which country?","options":[]},
             {"key":"ok","type":"declaration","required":true,"labelSv":"Jag intygar att uppgifterna stämmer","labelEn":"I confirm the information is correct","options":[]}]
            """;

    @Test
    void anAmountACountryOfTheRoundAndADeclarationAreAskedCheckedAndShownByName() {
        UUID round = round(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)),
                List.of("KE", "TZ"), List.of("project"), AMOUNT_COUNTRY_DECLARATION);
        var anna = anna();
        UUID id = startDraft(anna, round, "project");
        String path = "/ansokningar/" + id + "/fragor";
        String form = get(anna, path).body();
        // the country is one of the round's partner countries, by name; the declaration one box to tick
        assertThat(form).contains("Vad kostar resan?").contains(">Tanzania</option>").doesNotContain(">Sverige</option>")
                .contains("Ja, jag intygar detta").contains("I hela kronor");

        var refused = postForm(anna, path, form, Map.of("version", "0", "q.cost", "mycket", "q.where", "SE"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Skriv beloppet i hela kronor").contains("Välj ett av alternativen")
                .contains("value=\"mycket\"");
        assertThat(section(id, "questions").get("version")).isEqualTo(0);

        // the declaration not ticked yet: saved, not completed
        var unconfirmed = postForm(anna, path, form, Map.of("version", "0", "q.cost", "18 500", "q.where", "TZ"));
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(section(id, "questions").get("state")).isNotEqualTo("completed");
        form = get(anna, path).body();
        var confirmed = postForm(anna, path, form, Map.of("version", "1", "q.cost", "18 500", "q.where", "TZ", "q.ok", "yes"));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(section(id, "questions").get("state")).isEqualTo("completed");
        // the answers as the applicant checks them before submitting: names and kronor, not codes
        String check = get(anna, "/ansokningar/" + id + "/granska").body();
        assertThat(check).contains("Tanzania").containsPattern("18.500.kr").contains("Ja, jag intygar detta");
    }
}

package se.partnerskap.application;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As many partners as the component takes and as many budget lines as needed, added and removed with
 * plain buttons (no JavaScript): each press saves what was typed and shows the form again.
 */
class PartnersAndBudgetLinesTest extends ApplicationFixtures {

    private static final Map<String, String> KENYA = fields("partner1Name", "Makueni County", "partner1Type", "district",
            "partner1Country", "KE", "partner1ContactName", "Jane", "partner1ContactEmail", "jane@makueni.example");

    @Test
    void aThreePartyPartnershipAddsASecondPartnerWithTheButtonAndNoMoreThanTheComponentTakes() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE", "UA", "TZ"), List.of("inception")), "inception");
        String path = "/ansokningar/" + id + "/partner";
        String page = get(anna, path).body();
        assertThat(page).contains("id=\"partner1Name\"").doesNotContain("id=\"partner2Name\"")
                .contains("name=\"add\" value=\"partner\"").contains("Lägg till partner")
                .contains("upp till 2 partnerorganisationer").doesNotContain("name=\"remove\"");

        Map<String, String> typed = new LinkedHashMap<>(fields("version", "0"));
        typed.putAll(KENYA);
        typed.put("add", "partner");
        HttpResponse<String> added = postForm(anna, path, page, typed);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(path + "#partner2");
        page = get(anna, path).body();
        assertThat(page).contains("En partnerorganisation till är tillagd").contains("value=\"Makueni County\"")
                .contains("id=\"partner2Name\"").contains("Partnerorganisation 2")
                .contains("Ta bort partnerorganisation 2")
                // two partners is what an inception takes: no button for a third
                .doesNotContain("name=\"add\" value=\"partner\"");
        assertThat(section(id, "partners").get("state")).isEqualTo("completed"); // the blank row asks nothing

        Map<String, String> two = new LinkedHashMap<>(fields("version", "1"));
        two.putAll(KENYA);
        two.putAll(fields("partner2Name", "Lviv", "partner2Type", "municipality", "partner2Country", "UA",
                "partner2ContactName", "Olena", "partner2ContactEmail", "olena@lviv.example"));
        assertThat(postForm(anna, path, page, two).statusCode()).isEqualTo(302);
        assertThat((String) section(id, "partners").get("answers")).contains("Lviv").contains("Makueni County");

        // a third partner posted anyway is refused, and what was typed stays in the form
        Map<String, String> three = new LinkedHashMap<>(two);
        three.put("version", "2");
        three.putAll(fields("partner3Name", "Arusha", "partner3Type", "municipality", "partner3Country", "TZ",
                "partner3ContactName", "Neema", "partner3ContactEmail", "neema@arusha.example"));
        HttpResponse<String> refused = postForm(anna, path, get(anna, path).body(), three);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary").contains("Den här delen tar högst 2 partnerorganisationer")
                .contains("value=\"Arusha\"").doesNotContain("Sparat");
        assertThat((String) section(id, "partners").get("answers")).doesNotContain("Arusha");

        // removing the first partner moves the second up
        Map<String, String> remove = new LinkedHashMap<>(two);
        remove.put("version", "2");
        remove.put("remove", "partner1");
        HttpResponse<String> removed = postForm(anna, path, get(anna, path).body(), remove);
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith(path + "#partner1");
        page = get(anna, path).body();
        assertThat(page).contains("Partnerorganisationen är borttagen").contains("value=\"Lviv\"")
                .doesNotContain("Makueni County").doesNotContain("id=\"partner2Name\"");
        assertThat((String) section(id, "partners").get("answers")).contains("partner1Name").contains("Lviv")
                .doesNotContain("partner2");
    }

    @Test
    void aProjectTakesThreePartnersAndEveryPartyCountsForTheMaximum() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE", "UA", "TZ"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/partner";
        Map<String, String> typed = new LinkedHashMap<>(fields("version", "0"));
        typed.putAll(KENYA);
        typed.put("add", "partner");
        postForm(anna, path, get(anna, path).body(), typed);
        typed.put("version", "1");
        typed.putAll(fields("partner2Name", "Arusha", "partner2Type", "municipality", "partner2Country", "TZ",
                "partner2ContactName", "Neema", "partner2ContactEmail", "neema@arusha.example"));
        assertThat(postForm(anna, path, get(anna, path).body(), typed).headers().firstValue("Location").orElseThrow())
                .endsWith("#partner3");
        String page = get(anna, path).body();
        assertThat(page).contains("id=\"partner3Name\"").contains("upp till 3 partnerorganisationer")
                .doesNotContain("name=\"add\" value=\"partner\"");
        typed.remove("add");
        typed.put("version", "2");
        typed.putAll(fields("partner3Name", "Lviv", "partner3Type", "municipality", "partner3Country", "UA",
                "partner3ContactName", "Olena", "partner3ContactEmail", "olena@lviv.example"));
        assertThat(postForm(anna, path, page, typed).statusCode()).isEqualTo(302);
        assertThat(section(id, "partners").get("state")).isEqualTo("completed");
        // four parties: the lead and three partners; Europe's 600 000 kr a year is the smallest
        String budget = get(anna, "/ansokningar/" + id + "/budget").body();
        assertThat(budget).contains("4 parter").contains(Sek.of(600_000).format(Language.SV));
    }

    @Test
    void budgetLinesAreAddedAndRemovedAndAsManyAsNeededAreSummed() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/budget";
        String page = get(anna, path).body();
        assertThat(page).contains("id=\"line1Category\"").doesNotContain("id=\"line2Category\"")
                .contains("name=\"add\" value=\"line\"").contains("Lägg till kostnadsrad");

        // "add" with an amount that is not an amount: nothing stored, the error, the new row and what was typed
        Map<String, String> typed = new LinkedHashMap<>(fields("version", "0", "line1Category", "travel",
                "line1Description", "Resor", "line1Party", "swedish", "line1Amount", "-5", "requested", "", "add", "line"));
        HttpResponse<String> refused = postForm(anna, path, page, typed);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary").contains("value=\"-5\"").contains("value=\"Resor\"")
                .contains("id=\"line2Category\"").doesNotContain("Sparat");
        assertThat(section(id, "budget").get("version")).isEqualTo(0);

        // twelve lines, more than the old form's eight, all summed
        Map<String, String> twelve = new LinkedHashMap<>(fields("version", "0"));
        for (int i = 1; i <= 12; i++) {
            twelve.putAll(fields("line" + i + "Category", "travel", "line" + i + "Description", "Resa " + i,
                    "line" + i + "Party", "swedish", "line" + i + "Amount", "10 000"));
        }
        twelve.put("requested", "120000");
        assertThat(postForm(anna, path, page, twelve).statusCode()).isEqualTo(302);
        page = get(anna, path).body();
        assertThat(page).contains("id=\"line12Category\"").doesNotContain("id=\"line13Category\"")
                .contains(Sek.of(120_000).format(Language.SV));
        assertThat(section(id, "budget").get("state")).isEqualTo("completed");

        // removing line 3: the later lines move up, the total follows
        twelve.put("version", "1");
        twelve.put("remove", "line3");
        HttpResponse<String> removed = postForm(anna, path, page, twelve);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith(path + "#line3");
        page = get(anna, path).body();
        assertThat(page).contains("Kostnadsraden är borttagen").doesNotContain("value=\"Resa 3\"")
                .contains("value=\"Resa 4\"").doesNotContain("id=\"line12Category\"")
                .contains(Sek.of(110_000).format(Language.SV));
        String answers = (String) section(id, "budget").get("answers");
        assertThat(answers).contains("\"line3Description\": [\"Resa 4\"]").contains("\"line11Description\": [\"Resa 12\"]")
                .doesNotContain("line12");
    }

    @Test
    void administratorsSetHowManyPartnersAComponentTakes() {
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        int before = jdbc.sql("SELECT max_partners FROM component WHERE programme_key = 'kommunala-partnerskap' AND key = 'inception'")
                .query(Integer.class).single();
        try {
            String form = get(ada, "/admin/komponenter/inception").body();
            assertThat(form).contains("name=\"maxPartners\"").contains("value=\"" + before + "\"");
            int version = jdbc.sql("SELECT version FROM component WHERE programme_key = 'kommunala-partnerskap' AND key = 'inception'")
                    .query(Integer.class).single();
            List<String[]> fields = new java.util.ArrayList<>(List.of(new String[] {"minYears", "1"},
                    new String[] {"maxYears", "1"}, new String[] {"outsideRounds", "true"},
                    new String[] {"version", String.valueOf(version)}, new String[] {"rules", "0"},
                    new String[] {"maxPartners", "11"}));
            HttpResponse<String> bad = post(ada, "/admin/komponenter/inception", form, fields);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("från 1 till 10");
            // the amount rules go with the form: post them back as they are
            var rules = jdbc.sql("SELECT world_region, min_parties, max_sek, per_year FROM amount_rule WHERE programme_key = 'kommunala-partnerskap' AND component_key = 'inception' ORDER BY world_region, min_parties")
                    .query().listOfRows();
            fields.removeIf(f -> f[0].equals("rules") || f[0].equals("maxPartners"));
            fields.add(new String[] {"rules", String.valueOf(rules.size())});
            for (int i = 0; i < rules.size(); i++) {
                fields.add(new String[] {"region_" + i, (String) rules.get(i).get("world_region")});
                fields.add(new String[] {"parties_" + i, String.valueOf(rules.get(i).get("min_parties"))});
                fields.add(new String[] {"max_" + i, String.valueOf(rules.get(i).get("max_sek"))});
                if (Boolean.TRUE.equals(rules.get(i).get("per_year"))) {
                    fields.add(new String[] {"perYear_" + i, "true"});
                }
            }
            fields.add(new String[] {"maxPartners", "4"});
            assertThat(post(ada, "/admin/komponenter/inception", form, fields).statusCode()).isEqualTo(302);
            assertThat(jdbc.sql("SELECT max_partners FROM component WHERE programme_key = 'kommunala-partnerskap' AND key = 'inception'")
                    .query(Integer.class).single()).isEqualTo(4);
            assertThat(get(ada, "/admin/komponenter").body()).contains("Upp till 4 partnerorganisationer");
        } finally {
            jdbc.sql("UPDATE component SET max_partners = ? WHERE programme_key = 'kommunala-partnerskap' AND key = 'inception'")
                    .param(before).update();
        }
    }

    private HttpResponse<String> post(HttpClient client, String path, String formPage, List<String[]> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach(f -> body.append(enc(f[0])).append('=').append(enc(f[1])).append('&'));
        body.append("_csrf=").append(enc(csrf(formPage)));
        return send(client, java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }
}

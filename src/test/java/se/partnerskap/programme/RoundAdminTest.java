package se.partnerskap.programme;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@RecordApplicationEvents
class RoundAdminTest extends AbstractIntegrationTest {

    @Autowired
    RoundManagement management;

    @Autowired
    Rounds rounds;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Components components;

    @Autowired
    TransactionTemplate tx;

    private HttpClient olle() {
        return loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
    }

    /** Posts a form with repeated fields (checkboxes), with the CSRF token of {@code page}. */
    private HttpResponse<String> post(HttpClient client, String path, String page, List<String[]> fields) {
        List<String[]> all = new ArrayList<>(fields);
        all.add(new String[] {"_csrf", csrf(page)});
        String body = all.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(client, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static List<String[]> roundFields(String nameSv, String opens, String closes, String budget,
            String max, String... countries) {
        List<String[]> f = new ArrayList<>(List.of(new String[] {"nameSv", nameSv},
                new String[] {"nameEn", nameSv + " (en)"}, new String[] {"opens", opens},
                new String[] {"closes", closes}, new String[] {"budget", budget}, new String[] {"maxAmount", max},
                new String[] {"components", "project"}, new String[] {"onePerLeadAndPartner", "true"},
                new String[] {"version", "0"}));
        for (String c : countries) {
            f.add(new String[] {"countries", c});
        }
        return f;
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    @Test
    void aNewRoundProposesTheNextWindowAndStoresStockholmTimeAsUtcInstants() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        HttpClient client = olle();
        var form = get(client, "/admin/omgangar/ny");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"2027-02-15T00:00:00\"").contains("value=\"2027-03-15T23:59:59\"")
                .contains("value=\"Vårens ansökningsomgång 2027\"").contains("value=\"Spring round 2027\"")
                // the programme's countries are preselected
                .containsPattern("value=\"KE\" checked");
        var created = post(client, "/admin/omgangar/ny", form.body(), roundFields("Våren 2027 test",
                "2027-02-15T00:00:00", "2027-03-15T23:59:59", "10 000 000", "500000", "KE", "ZM"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        RoundDetails r = rounds.details(id).orElseThrow();
        // CET, UTC+1, on both days
        assertThat(r.opensAt()).isEqualTo(Instant.parse("2027-02-14T23:00:00Z"));
        assertThat(r.closesAt()).isEqualTo(Instant.parse("2027-03-15T22:59:59Z"));
        assertThat(r.status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(r.budgetSek()).isEqualTo(10_000_000L);
        assertThat(r.countries()).containsExactly("KE", "ZM");
        assertThat(r.components()).containsExactly("project");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'round-created' AND subject_id = '" + id + "'"))
                .isEqualTo(1);
        // the edit page shows the stored instants in Stockholm time again
        assertThat(get(client, location).body()).contains("value=\"2027-02-15T00:00:00\"");
    }

    @Test
    void aCallOfTheFieldworkGrantIsMadeInTheSamePagesWithItsOwnComponentsAndNoProposedWindow() {
        HttpClient client = olle();
        String list = get(client, "/admin/omgangar").body();
        assertThat(list).contains("<h2 id=\"programme-kommunala-partnerskap\">Kommunala partnerskap</h2>")
                .contains("<h2 id=\"programme-resestipendium\">Resestipendium</h2>")
                .contains("href=\"/admin/omgangar/ny?programme=resestipendium\"");
        var form = get(client, "/admin/omgangar/ny?programme=resestipendium");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Ny ansökningsomgång i Resestipendium").contains("ingen fast ansökningsperiod")
                .contains("name=\"programme\" value=\"resestipendium\"").contains("value=\"fieldwork\"")
                .doesNotContain("value=\"steering-group\"");
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"programme", "resestipendium"},
                new String[] {"nameSv", "Resestipendium 2027 test"}, new String[] {"nameEn", "Fieldwork grant 2027 test"},
                new String[] {"opens", "2027-10-01T00:00:00"}, new String[] {"closes", "2027-10-31T23:59:59"},
                new String[] {"budget", "400000"}, new String[] {"maxAmount", "20000"},
                new String[] {"components", "fieldwork"}, new String[] {"countries", "ZM"}, new String[] {"version", "0"}));
        // the partnership's components are not the fieldwork grant's: refused next to the field
        List<String[]> wrong = new ArrayList<>(fields);
        wrong.set(7, new String[] {"components", "project"});
        var refused = post(client, "/admin/omgangar/ny", form.body(), wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Resestipendium 2027 test").contains("components-error");
        var created = post(client, "/admin/omgangar/ny", form.body(), fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        RoundDetails r = rounds.details(UUID.fromString(location.substring(location.lastIndexOf('/') + 1))).orElseThrow();
        assertThat(r.programme()).isEqualTo("resestipendium");
        assertThat(r.components()).containsExactly("fieldwork");
        assertThat(r.maxAmountSek()).isEqualTo(20_000L);
        assertThat(get(client, "/admin/omgangar/ny?programme=finns-inte").statusCode()).isEqualTo(404);
    }

    @Test
    void summerTimeIsRespectedWhenTheWindowIsInCest() {
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        HttpClient client = olle();
        var form = get(client, "/en/admin/rounds/new");
        assertThat(form.body()).contains("value=\"2026-09-15T00:00:00\"").contains("value=\"2026-10-15T23:59:59\"")
                .contains("value=\"Autumn round 2026\"");
        var created = post(client, "/en/admin/rounds/new", form.body(), roundFields("Hösten 2026 test",
                "2026-09-15T00:00", "2026-10-15T23:59:59", "8000000", "450000", "UA"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(location).startsWith("/en/admin/rounds/");
        RoundDetails r = rounds.details(UUID.fromString(location.substring(location.lastIndexOf('/') + 1))).orElseThrow();
        // CEST, UTC+2
        assertThat(r.opensAt()).isEqualTo(Instant.parse("2026-09-14T22:00:00Z"));
        assertThat(r.closesAt()).isEqualTo(Instant.parse("2026-10-15T21:59:59Z"));
        // a round across the change back to CET (25 October 2026) keeps each end in its own offset
        var across = post(client, "/en/admin/rounds/new", form.body(), roundFields("Över sommartiden",
                "2026-10-01T00:00:00", "2026-11-01T12:00:00", "8000000", "450000", "UA"));
        String at = URI.create(across.headers().firstValue("Location").orElseThrow()).getPath();
        RoundDetails a = rounds.details(UUID.fromString(at.substring(at.lastIndexOf('/') + 1))).orElseThrow();
        assertThat(a.opensAt()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(a.closesAt()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
    }

    @Test
    void badInputShowsTranslatedErrorsNextToTheFieldsKeepsWhatWasTypedAndChangesNothing() {
        HttpClient client = olle();
        var form = get(client, "/admin/omgangar/ny");
        int roundsBefore = count("SELECT count(*) FROM round");
        int auditBefore = count("SELECT count(*) FROM audit_entry");
        var response = post(client, "/admin/omgangar/ny", form.body(),
                roundFields("", "2027-03-15T00:00:00", "2027-02-15T00:00:00", "-5", "1e9"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Det finns ett problem")
                .contains("<a href=\"#nameSv\">Skriv omgångens namn på svenska</a>")
                .contains("Omgången måste stänga efter att den öppnar")
                .contains("Beloppet måste vara större än noll")
                .contains("Skriv beloppet i hela kronor med bara siffror")
                .contains("Välj minst ett partnerland")
                .contains("id=\"budget-error\"").contains("aria-describedby=\"budget-hint budget-error\"")
                .contains("value=\"-5\"").contains("value=\"1e9\"").contains("value=\"2027-03-15T00:00:00\"");
        assertThat(count("SELECT count(*) FROM round")).isEqualTo(roundsBefore);
        assertThat(count("SELECT count(*) FROM audit_entry")).isEqualTo(auditBefore);

        var en = get(client, "/en/admin/rounds/new");
        var enResponse = post(client, "/en/admin/rounds/new", en.body(),
                roundFields("Ok", "not a date", "2027-02-15T00:00:00", "12,5", "500000", "KE"));
        assertThat(enResponse.statusCode()).isEqualTo(400);
        assertThat(enResponse.body()).contains("There is a problem").contains("Enter the date and time as")
                .contains("Enter the amount in whole kronor").contains("value=\"not a date\"");
        assertThat(count("SELECT count(*) FROM round")).isEqualTo(roundsBefore);
    }

    @Test
    void onlyCaseOfficersAndAdministratorsSeeTheRoundsAndOnlyAdministratorsTheComponents() {
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        assertThat(get(anna, "/admin/omgangar").statusCode()).isEqualTo(403);
        assertThat(get(anna, "/en/admin/rounds/new").statusCode()).isEqualTo(403);
        assertThat(get(anna, "/admin/komponenter").statusCode()).isEqualTo(403);
        HttpClient olle = olle();
        assertThat(get(olle, "/admin/omgangar").statusCode()).isEqualTo(200);
        assertThat(get(olle, "/en/admin/components").statusCode()).isEqualTo(403);
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        assertThat(get(ada, "/admin/omgangar").statusCode()).isEqualTo(200);
        assertThat(get(ada, "/en/admin/components").statusCode()).isEqualTo(200);
        assertThat(get("/admin/omgangar").statusCode()).isEqualTo(302);
        assertThat(get(olle, "/admin/omgangar/not-a-round").statusCode()).isEqualTo(404);
    }

    private UUID openRound(String name) {
        Instant now = clock.instant();
        return tx.execute(s -> {
            UUID id = management.create(new RoundInput(Programmes.MUNICIPAL_PARTNERSHIP, name, name + " (en)",
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)), 1_000_000, 100_000, false, true,
                    List.of("KE"), List.of("project")), "test");
            management.open(id, 1, "test");
            return id;
        });
    }

    @Test
    void anExtensionIsRecordedAuditedAndShownOnTheRoundsList() {
        UUID id = openRound("Förlängs " + UUID.randomUUID());
        RoundDetails before = rounds.details(id).orElseThrow();
        HttpClient client = olle();
        var form = get(client, "/admin/omgangar/" + id + "/forlang");
        assertThat(form.statusCode()).isEqualTo(200);
        String until = StockholmTime.at(before.closesAt().plus(Duration.ofDays(5))).toLocalDateTime().withNano(0)
                .toString();
        // not later than the deadline: refused, nothing changed
        var refused = post(client, "/admin/omgangar/" + id + "/forlang", form.body(), List.of(
                new String[] {"until", "2020-01-01T00:00"}, new String[] {"reasonSv", ""},
                new String[] {"reasonEn", "Late"}, new String[] {"version", "2"}));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Den nya tidpunkten måste vara senare")
                .contains("Skriv skälet till förlängningen på svenska");
        assertThat(rounds.details(id).orElseThrow().extendedUntil()).isNull();

        var ok = post(client, "/admin/omgangar/" + id + "/forlang", form.body(), List.of(
                new String[] {"until", until}, new String[] {"reasonSv", "Många bad om mer tid."},
                new String[] {"reasonEn", "Many asked for more time."}, new String[] {"version", "2"}));
        assertThat(ok.statusCode()).isEqualTo(302);
        RoundDetails after = rounds.details(id).orElseThrow();
        assertThat(after.extendedUntil()).isEqualTo(before.closesAt().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(after.deadline()).isEqualTo(after.extendedUntil());
        assertThat(jdbc.sql("SELECT extension_reason_en FROM round WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("Many asked for more time.");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'round-extended' AND subject_id = '" + id
                + "' AND actor = '" + DemoUsers.OLLE.email() + "'")).isEqualTo(1);
        assertThat(get(client, "/admin/omgangar").body()).contains("Förlängd till")
                .contains(StockholmTime.dateTime(after.extendedUntil(), Language.SV));
        // the public page says the round was extended
        assertThat(get("/").body()).contains(after.nameSv() + " är öppen").contains("Omgången är förlängd");
    }

    @Test
    void anExtensionPublishesRoundExtendedInItsTransaction() {
        UUID id = openRound("Händelse " + UUID.randomUUID());
        Instant until = rounds.details(id).orElseThrow().closesAt().plus(Duration.ofDays(3));
        tx.executeWithoutResult(s -> management.extend(id, until, "Skäl", "Reason", 2, "test"));
        assertThat(events.stream(RoundExtended.class))
                .containsExactly(new RoundExtended(id, until, "Skäl", "Reason"));
    }

    @Test
    void extraQuestionsAreAddedValidatedReorderedAndRemoved() {
        UUID id = openRound("Frågor " + UUID.randomUUID());
        HttpClient client = olle();
        var form = get(client, "/admin/omgangar/" + id + "/fragor/ny");
        var bad = post(client, "/admin/omgangar/" + id + "/fragor/ny", form.body(), List.of(
                new String[] {"type", "single-choice"}, new String[] {"labelSv", "Val?"}, new String[] {"labelEn", ""},
                new String[] {"options", "Bara ett"}, new String[] {"version", "2"}));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Skriv frågan på engelska").contains("svenska | engelska")
                .contains("Bara ett");
        assertThat(rounds.details(id).orElseThrow().questions()).isEmpty();
        assertThat(post(client, "/admin/omgangar/" + id + "/fragor/ny", form.body(), List.of(
                new String[] {"type", "single-choice"}, new String[] {"required", "true"},
                new String[] {"labelSv", "Val?"}, new String[] {"labelEn", "Choice?"},
                new String[] {"options", "Ja | Yes\nNej | No"}, new String[] {"version", "2"})).statusCode())
                .isEqualTo(302);
        assertThat(post(client, "/admin/omgangar/" + id + "/fragor/ny", form.body(), List.of(
                new String[] {"type", "long-text"}, new String[] {"labelSv", "Beskriv"},
                new String[] {"labelEn", "Describe"}, new String[] {"maxLength", "3000"},
                new String[] {"version", "3"})).statusCode()).isEqualTo(302);
        List<Question> questions = rounds.details(id).orElseThrow().questions();
        assertThat(questions).extracting(Question::key).containsExactly("q1", "q2");
        assertThat(questions.get(0).options()).extracting(Question.Option::en).containsExactly("Yes", "No");
        assertThat(questions.get(1).maxLength()).isEqualTo(3000);
        // a stale version changes nothing
        post(client, "/admin/omgangar/" + id + "/fragor/q2/flytta", form.body(),
                List.of(new String[] {"direction", "up"}, new String[] {"version", "3"}));
        assertThat(rounds.details(id).orElseThrow().questions()).extracting(Question::key).containsExactly("q1", "q2");
        post(client, "/admin/omgangar/" + id + "/fragor/q2/flytta", form.body(),
                List.of(new String[] {"direction", "up"}, new String[] {"version", "4"}));
        assertThat(rounds.details(id).orElseThrow().questions()).extracting(Question::key).containsExactly("q2", "q1");
        post(client, "/admin/omgangar/" + id + "/fragor/q1/ta-bort", form.body(),
                java.util.Collections.singletonList(new String[] {"version", "5"}));
        assertThat(rounds.details(id).orElseThrow().questions()).extracting(Question::key).containsExactly("q2");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE subject_id = '" + id
                + "' AND action LIKE 'round-questions-%'")).isEqualTo(4);
    }

    @Test
    void publishingAndEditingUseTheVersionTheOfficerSaw() {
        HttpClient client = olle();
        UUID id = tx.execute(s -> management.create(new RoundInput(Programmes.MUNICIPAL_PARTNERSHIP, "Utkast",
                "Draft", Instant.parse("2030-02-14T23:00:00Z"), Instant.parse("2030-03-15T22:59:59Z"), 5_000_000,
                500_000, false, true, List.of("KE"), List.of("project")), "test"));
        var page = get(client, "/admin/omgangar/" + id);
        List<String[]> fields = roundFields("Utkast ändrat", "2030-02-15T00:00:00", "2030-03-15T23:59:59", "6000000",
                "500000", "KE");
        fields.removeIf(f -> f[0].equals("version"));
        fields.add(new String[] {"version", "1"});
        assertThat(post(client, "/admin/omgangar/" + id, page.body(), fields).statusCode()).isEqualTo(302);
        // the same form again, with the old version: refused, both kept on the page, nothing changed
        List<String[]> stale = new ArrayList<>(fields);
        stale.replaceAll(f -> f[0].equals("budget") ? new String[] {"budget", "7000000"} : f);
        var conflict = post(client, "/admin/omgangar/" + id, page.body(), stale);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("Någon annan har ändrat omgången").contains("value=\"7000000\"");
        assertThat(rounds.details(id).orElseThrow().budgetSek()).isEqualTo(6_000_000L);
        assertThat(post(client, "/admin/omgangar/" + id + "/publicera", page.body(),
                List.<String[]>of(new String[] {"version", "2"})).statusCode()).isEqualTo(302);
        assertThat(rounds.details(id).orElseThrow().status()).isEqualTo(RoundStatus.OPEN);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE subject_id = '" + id + "'")).isEqualTo(3);
    }

    @Test
    void theHomePageShowsTheDemoRoundAndItsDeadlineInStockholmTime() {
        RoundDetails demo = rounds.openAt(Programmes.MUNICIPAL_PARTNERSHIP, Instant.now()).stream()
                .filter(r -> r.nameSv().startsWith("Demoomgång")).findFirst().orElseThrow();
        assertThat(demo.components()).containsExactlyInAnyOrder("project", "steering-group");
        assertThat(demo.questions()).hasSize(3);
        assertThat(get("/").body()).contains(demo.nameSv() + " är öppen")
                .contains(StockholmTime.dateTime(demo.deadline(), Language.SV))
                .contains("Förstudier " + StockholmTime.at(Instant.now()).getYear() + " (löpande)");
        assertThat(get("/en/municipal-partnership").body()).contains(demo.nameEn() + " is open")
                .contains(StockholmTime.dateTime(demo.deadline(), Language.EN));
    }

    @Test
    void administratorsEditAmountRulesAndBadAmountsChangeNothing() {
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        var form = get(ada, "/admin/komponenter/steering-group");
        assertThat(form.statusCode()).isEqualTo(200);
        int rules = count("SELECT count(*) FROM amount_rule WHERE component_key = 'steering-group'");
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"minYears", "1"}, new String[] {"maxYears", "3"},
                new String[] {"version", "1"}, new String[] {"rules", "0"}, new String[] {"newRegion", "Europe"},
                new String[] {"newParties", "3"}, new String[] {"newMax", "-5"}, new String[] {"newPerYear", "true"}));
        var bad = post(ada, "/admin/komponenter/steering-group", form.body(), fields);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Beloppet måste vara större än noll");
        assertThat(count("SELECT count(*) FROM amount_rule WHERE component_key = 'steering-group'")).isEqualTo(rules);
        // keep the existing rules: post them back as the page shows them
        List<AmountRule> existing = components.rules(Programmes.MUNICIPAL_PARTNERSHIP).stream()
                .filter(r -> r.componentKey().equals("steering-group")).toList();
        fields.removeIf(f -> f[0].equals("rules") || f[0].equals("newMax"));
        fields.add(new String[] {"rules", String.valueOf(existing.size())});
        for (int i = 0; i < existing.size(); i++) {
            fields.add(new String[] {"region_" + i, existing.get(i).worldRegion()});
            fields.add(new String[] {"parties_" + i, String.valueOf(existing.get(i).minParties())});
            fields.add(new String[] {"max_" + i, String.valueOf(existing.get(i).maxSek())});
            fields.add(new String[] {"perYear_" + i, "true"});
        }
        fields.add(new String[] {"newMax", "350000"});
        assertThat(post(ada, "/admin/komponenter/steering-group", form.body(), fields).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                SELECT max_sek FROM amount_rule WHERE component_key = 'steering-group' AND world_region = 'Europe'
                AND min_parties = 3""").query(Long.class).single()).isEqualTo(350_000L);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'component-updated'")).isGreaterThanOrEqualTo(1);
        assertThat(get(ada, "/admin/komponenter").body()).contains("350\u00a0000\u00a0kr");
    }
}

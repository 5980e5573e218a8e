package se.partnerskap.grant;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every grant as a 360Giving data package that the standard's JSON Schema (1.4, draft 2020-12, read from the test's
 * resources, never from the network) accepts without an error: the demo data, a round granted and published here, and
 * grants to persons only when the grantee accepted and consented, with nothing more than the public list shows.
 */
class GivingPackageTest extends AbstractIntegrationTest {

    private static final String STANDARD = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/";
    private static final Schema SCHEMA = schema();

    @Autowired
    JsonMapper json;

    @Autowired
    PersonalGrants personalGrants;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PartnerskapProperties properties;

    private UUID round;

    @AfterEach
    void clean() {
        if (round != null) {
            // the other tests' lists show accepted, consented grantees and the real programme's partnerships
            jdbc.sql("UPDATE personal_grant SET listing_consent = false WHERE round_id = ?").param(round).update();
            jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        }
    }

    /** The package schema with its {@code $ref} to the grant schema resolved to the copies in the test's resources. */
    private static Schema schema() {
        String grant = resource("360-giving-schema.json");
        Map<String, String> local = Map.of(
                STANDARD + "1.4.3/schema/360-giving-package-schema.json", resource("360-giving-package-schema.json"),
                STANDARD + "1.4.2/schema/360-giving-schema.json", grant,
                STANDARD + "1.4.3/schema/360-giving-schema.json", grant);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemas(local)
                .schemaLoader(l -> l.fetchRemoteResources(false))
                // "format" is asserted: the standard's dates are "oneOf" a date-time format and a date pattern
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        return registry.getSchema(SchemaLocation.of(STANDARD + "1.4.3/schema/360-giving-package-schema.json"));
    }

    private static String resource(String name) {
        try (InputStream in = GivingPackageTest.class.getResourceAsStream("/360giving/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode valid(String body) {
        JsonNode node = json.readTree(body);
        List<Error> errors = SCHEMA.validate(node);
        assertThat(errors).as("360Giving schema errors:%n%s", String.join("\n",
                errors.stream().limit(50).map(GivingPackageTest::describe).toList())).isEmpty();
        return node;
    }

    /** Where and which rule, the message cut short (an enumeration's message lists every currency). */
    private static String describe(Error e) {
        String message = e.getMessage();
        return e.getInstanceLocation() + " (" + e.getKeyword() + "): "
                + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    private JsonNode grant(JsonNode pkg, String id) {
        return StreamSupport.stream(pkg.path("grants").spliterator(), false)
                .filter(g -> g.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no grant " + id));
    }

    private String prefix() {
        return "360G-SE-ON-" + properties.openData().publisherOrganisationNumber().replace("-", "");
    }

    @Test
    void theDemoDataIsAValid360GivingPackageWithTheFunderTheRecipientTheDatesAndTheCountries() {
        HttpResponse<String> r = get("/api/v1/360giving.json", "Origin", "https://data.example.org");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin").orElse("")).isEqualTo("*");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").contains("public");
        JsonNode pkg = valid(r.body());

        assertThat(pkg.path("version").asString()).isEqualTo("1.4");
        assertThat(pkg.path("license").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(pkg.path("publisher").path("name").asString()).isEqualTo(properties.openData().publisherName());
        assertThat(pkg.path("publisher").path("identifier").asString()).isEqualTo("SE-ON-2021000001");
        int partnerships = json.readTree(get("/api/v1/projects?size=1").body()).path("total").asInt();
        assertThat(pkg.path("grants").size()).as("every funded partnership").isGreaterThanOrEqualTo(partnerships)
                .isPositive();

        JsonNode karlstad = grant(pkg, "360G-SE-ON-2021000001-karlstad-makueni");
        assertThat(karlstad.path("currency").asString()).isEqualTo("SEK");
        assertThat(karlstad.path("amountAwarded").asLong()).isEqualTo(759_000);
        long paid = json.readTree(get("/api/v1/projects/karlstad-makueni").body()).path("amountPaidSek").asLong();
        assertThat(karlstad.path("amountDisbursed").asLong()).isEqualTo(paid);
        assertThat(karlstad.path("awardDate").asString()).as("the day the round's decisions were announced")
                .isEqualTo("2019-12-17");
        assertThat(karlstad.path("plannedDates").get(0).path("startDate").asString()).isEqualTo("2020-01-01");
        assertThat(karlstad.path("plannedDates").get(0).path("endDate").asString()).isEqualTo("2021-12-31");
        assertThat(karlstad.path("plannedDates").get(0).path("duration").asInt()).isEqualTo(24);
        JsonNode recipient = karlstad.path("recipientOrganization").get(0);
        assertThat(recipient.path("name").asString()).isEqualTo("Karlstad");
        assertThat(recipient.path("id").asString()).as("no organisation number in the demo: an id of ours")
                .isEqualTo("360G-SE-ON-2021000001-municipality-1780");
        assertThat(karlstad.path("fundingOrganization").get(0).path("id").asString()).isEqualTo("SE-ON-2021000001");
        assertThat(karlstad.path("fundingOrganization").get(0).path("name").asString())
                .isEqualTo(properties.openData().publisherName());
        assertThat(karlstad.path("beneficiaryLocation").findValuesAsString("countryCode")).containsExactly("KE");
        assertThat(karlstad.path("grantProgramme").get(0).path("code").asString()).isEqualTo("kommunala-partnerskap");
        assertThat(karlstad.path("url").asString()).contains("/en/projects/karlstad-makueni-2020");
        assertThat(karlstad.path("classifications").findValuesAsString("code")).contains("equal-treatment");

        HttpResponse<String> again = send(client(), HttpRequest.newBuilder(URI.create(url("/api/v1/360giving.json")))
                .header("If-None-Match", r.headers().firstValue("ETag").orElseThrow()).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void theSchemaRefusesAGrantWithoutItsRequiredFields() {
        // the check above can fail: the same package less a grant's currency is refused
        ObjectNode pkg = (ObjectNode) json.readTree(get("/api/v1/360giving.json").body());
        ((ObjectNode) pkg.path("grants").get(0)).remove("currency");
        ((ObjectNode) pkg.path("grants").get(1)).put("awardDate", "1 januari 2020");
        assertThat(SCHEMA.validate(pkg)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aRoundGrantedAndPublishedHereIsInThePackage() {
        TestProgramme.ensure(jdbc);
        round = UUID.randomUUID();
        Instant closes = Instant.parse("2024-10-15T21:59:59Z");
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, budget_sek)
                VALUES (?, ?, ?, '360Giving-test', '360Giving test', ?, ?, 'closed', 1000000)
                """).params(round, TestProgramme.KEY, "giving-" + round, Timestamp.from(closes.minus(Duration.ofDays(30))),
                Timestamp.from(closes)).update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, ?, 'inception')")
                .params(round, TestProgramme.KEY).update();
        UUID karlstad = jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = '1780' AND kind = 'municipality'")
                .query(UUID.class).single();
        UUID application = UUID.randomUUID();
        String reference = "KP-G-" + application.toString().substring(0, 8).toUpperCase();
        Timestamp at = Timestamp.from(closes.minus(Duration.ofDays(1)));
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title,
                                         created_by, created_at, updated_at, reference, submitted_at)
                VALUES (?, ?, ?, 'inception', ?, 'submitted', 'Öppna budgetar i Kisumu', 'anna@example.org', ?, ?, ?, ?)
                """).params(application, round, TestProgramme.KEY, karlstad, at, at, reference, at).update();
        section(application, "partners", "{\"partner1Name\": [\"Kisumu County\"], \"partner1Country\": [\"KE\"]}");
        section(application, "core-areas", "{\"coreAreas\": [\"participation\"], \"theme\": [\"Öppna budgetar\"]}");
        section(application, "budget", "{\"requested\": [\"200000\"]}");
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                VALUES (?, ?, 1, ?, ?, '{}'::jsonb, '\\x00'::bytea, 'sv', 'anna@example.org', ?)
                """).params(UUID.randomUUID(), application, reference, "key-" + application, at).update();
        Instant decided = Instant.parse("2024-11-20T09:00:00Z");
        jdbc.sql("""
                INSERT INTO decision (application_id, round_id, outcome, amount_sek, decided_by, decided_at)
                VALUES (?, ?, 'granted', 150000, 'test', ?)
                """).params(application, round, Timestamp.from(decided)).update();
        String id = prefix() + "-decision:" + application;
        assertThat(get("/api/v1/360giving.json").body()).as("not before it is published").doesNotContain(id);

        tx.executeWithoutResult(s -> events.publishEvent(new RoundPublished(round, decided, List.of(application))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM funded_partnership WHERE key = ?").param("decision:" + application)
                .query(Integer.class).single() == 1);

        JsonNode grant = grant(valid(get("/api/v1/360giving.json").body()), id);
        assertThat(grant.path("title").asString()).isEqualTo("Öppna budgetar i Kisumu");
        assertThat(grant.path("description").asString()).isEqualTo("Öppna budgetar");
        assertThat(grant.path("amountAwarded").asLong()).isEqualTo(150_000);
        assertThat(grant.path("amountDisbursed").asLong()).isZero();
        assertThat(grant.path("awardDate").asString()).isEqualTo(StockholmTime.at(decided).toLocalDate().toString());
        assertThat(grant.path("fromOpenCall").asString()).isEqualTo("Yes");
        assertThat(grant.path("recipientOrganization").get(0).path("name").asString()).isEqualTo("Karlstad");
        assertThat(grant.path("beneficiaryLocation").findValuesAsString("countryCode")).containsExactly("KE");
        assertThat(grant.path("grantProgramme").get(0).path("code").asString()).isEqualTo(TestProgramme.KEY);
        assertThat(grant.path("dataSource").asString()).endsWith("/api/v1/projects/decision:" + application);
    }

    @Test
    void aGrantToAPersonIsThereOnlyOnceAcceptedWithConsentAndWithNothingButNameUniversityCountryAndTitle() {
        round = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, max_amount_sek,
                                   budget_sek, questions)
                VALUES (?, 'resestipendium', ?, 'Resestipendium (360Giving)', 'Fieldwork grant (360Giving)', ?, ?,
                        'published', 20000, 200000, '[]'::jsonb)
                """).params(round, "fieldwork-giving-" + round, Timestamp.from(Instant.now().minus(Duration.ofDays(60))),
                Timestamp.from(Instant.now().minus(Duration.ofDays(30)))).update();
        String tag = round.toString().substring(0, 8);
        UUID greta = selfRegistered("greta-" + tag + "@student.example", "Greta Givande");
        UUID pia = selfRegistered("pia-" + tag + "@student.example", "Pia Privatsson");
        UUID vera = selfRegistered("vera-" + tag + "@student.example", "Vera Väntande");
        UUID consented = granted(greta, "Lokala val i Zambia", true);
        UUID private_ = granted(pia, "Ett tyst fältarbete", false);
        UUID notAccepted = granted(vera, "Ännu inte accepterat", true);
        personalGrants.accept(consented, greta, "test");
        personalGrants.accept(private_, pia, "test");

        String body = get("/api/v1/360giving.json").body();
        JsonNode pkg = valid(body);
        List<JsonNode> toPersons = StreamSupport.stream(pkg.path("grants").spliterator(), false)
                .filter(g -> g.has("recipientIndividual")).toList();
        JsonNode grant = toPersons.stream().filter(g -> g.path("title").asString().equals("Lokala val i Zambia"))
                .findFirst().orElseThrow(() -> new AssertionError("the consented grant is missing"));
        assertThat(grant.path("id").asString()).matches("360G-SE-ON-\\d{10}-person-grant-[0-9a-f]{20}");
        assertThat(grant.path("recipientIndividual").path("name").asString()).isEqualTo("Greta Givande");
        assertThat(grant.path("recipientIndividual").path("id").asString()).matches("360G-SE-ON-\\d{10}-person-[0-9a-f]{20}");
        assertThat(grant.path("description").asString()).contains("Lunds universitet").contains("Zambia");
        assertThat(grant.path("beneficiaryLocation").findValuesAsString("countryCode")).containsExactly("ZM");
        assertThat(grant.path("amountAwarded").asLong()).isEqualTo(18_000);
        assertThat(grant.path("grantProgramme").get(0).path("code").asString()).isEqualTo("resestipendium");
        assertThat(grant.has("recipientOrganization")).isFalse();
        assertThat(grant.has("amountDisbursed")).as("not whether she has been paid").isFalse();
        assertThat(grant.toString()).doesNotContain("@").doesNotContain(consented.toString())
                .doesNotContain(greta.toString()).doesNotContain(reference(consented));

        for (String absent : List.of("Pia Privatsson", "Ett tyst fältarbete", "pia-" + tag, private_.toString(),
                pia.toString(), reference(private_), "Vera Väntande", "Ännu inte accepterat", notAccepted.toString())) {
            assertThat(body).as("a grant without consent or not accepted is not there in any form").doesNotContain(absent);
        }
        assertThat(body).doesNotContain(greta.toString()).doesNotContain("greta-" + tag);

        // the JSON API of grants to persons shows the same grant, with the same opaque id, and nothing of the others
        String api = get("/api/v1/grants-to-persons?programme=resestipendium&country=zm").body();
        JsonNode listed = json.readTree(api).path("items");
        JsonNode greta_ = StreamSupport.stream(listed.spliterator(), false)
                .filter(g -> g.path("title").asString().equals("Lokala val i Zambia")).findFirst()
                .orElseThrow(() -> new AssertionError("the consented grant is missing from the API"));
        assertThat(grant.path("id").asString()).endsWith(greta_.path("id").asString());
        assertThat(greta_.path("name").asString()).isEqualTo("Greta Givande");
        assertThat(greta_.path("university").asString()).isEqualTo("Lunds universitet");
        assertThat(greta_.path("amountGrantedSek").asLong()).isEqualTo(18_000);
        assertThat(greta_.propertyNames()).containsExactlyInAnyOrder("id", "programme", "round", "year", "name",
                "university", "country", "title", "amountGrantedSek");
        for (String absent : List.of("Pia Privatsson", "Ett tyst fältarbete", "Vera Väntande", "@", greta.toString())) {
            assertThat(api).doesNotContain(absent);
        }
        assertThat(get("/api/v1/grants-to-persons?year=förra").statusCode()).isEqualTo(400);

        // the statistics count the grants the package shows: one of 18 000 kr in this round, nothing said of its payment
        String statistics = get("/statistik.csv?per=round&programme=resestipendium").body();
        assertThat(statistics.lines().map(l -> l.replace("\"", "")).filter(l -> l.startsWith(round + ",")).findFirst())
                .as("the round's row").hasValueSatisfying(l -> assertThat(l).contains(",Resestipendium (360Giving),", ",1,18000,0,"));
    }

    /** A grant of 18 000 kr to a student, as the publishing of the round records it. */
    private UUID granted(UUID student, String title, boolean consent) {
        UUID id = UUID.randomUUID();
        int version = jdbc.sql("SELECT max(version) FROM programme_form WHERE programme_key = 'resestipendium'")
                .query(Integer.class).single();
        String reference = "R-GIVE-" + id.toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, form_version, component_key, applicant_user_id,
                                         status, title, reference, created_by, created_at, updated_at, submitted_at)
                VALUES (?, ?, 'resestipendium', ?, 'fieldwork', ?, 'submitted', ?, ?, 'test', now(), now(), now())
                """).params(id, round, version, student, title, reference).update();
        personalGrants.record(new NewPersonalGrant(id, "resestipendium", round, student, reference, title,
                "Lunds universitet", "ZM", 18_000, consent, Instant.now().minus(Duration.ofDays(1))), "test");
        return id;
    }

    private String reference(UUID application) {
        return jdbc.sql("SELECT reference FROM application WHERE id = ?").param(application).query(String.class).single();
    }

    private void section(UUID id, String key, String answers) {
        jdbc.sql("""
                INSERT INTO application_section (application_id, section_key, answers, state, version)
                VALUES (?, ?, ?::jsonb, 'completed', 1)
                """).params(id, key, answers).update();
    }
}

package se.partnerskap.grant;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.partnerskap.assessment.AssessmentFixtures;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.DecisionForms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funded partnerships as IATI 2.03 activities: valid by the IATI XML Schema (read from the test resources, never
 * the network) and following the main rules of the IATI standard ruleset, for the demo data and for a round granted
 * and published here; one granted project read element by element.
 */
class IatiActivitiesTest extends AbstractIntegrationTest {

    private static final String PATH = "/api/v1/iati/activities.xml";
    private static Schema schema;

    @Autowired
    FundedPartnerships funded;

    @Autowired
    PartnerskapProperties properties;

    private UUID round;
    private UUID numbered;
    private String formerNumber;

    @BeforeAll
    static void schema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // iati-common.xsd and xml.xsd beside it, as files; nothing is fetched from the network
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        schema = factory.newSchema(IatiActivitiesTest.class.getResource("/iati-2.03/iati-activities-schema.xsd"));
    }

    @AfterEach
    void removeTheRound() {
        if (round != null) {
            jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        }
        if (numbered != null) {
            jdbc.sql("UPDATE swedish_organisation SET organisation_number = CAST(? AS text) WHERE id = ?")
                    .params(formerNumber, numbered)
                    .update();
        }
    }

    @Test
    void theDemoDataIsValidIatiFollowsTheRulesetAndLeavesOutOnlyPartnershipsWithoutAPeriod() throws Exception {
        HttpResponse<byte[]> r = xml(PATH, "Origin", "https://data.example.org");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualToIgnoringCase("application/xml;charset=UTF-8");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin").orElse("")).isEqualTo("*");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").contains("public");
        Document doc = valid(r.body());
        followsTheRuleset(doc);
        int withPeriod = jdbc.sql("""
                SELECT count(*) FROM funded_partnership f WHERE starts_on IS NOT NULL
                AND EXISTS (SELECT 1 FROM funded_partnership_partner p WHERE p.funded_partnership_id = f.id)
                """).query(Integer.class).single();
        assertThat(withPeriod).as("demo partnerships with a period").isPositive();
        assertThat(doc.getElementsByTagName("iati-activity").getLength()).isEqualTo(withPeriod);
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.03");
        // the demo's completed partnerships are closed, with an actual end
        assertThat(activities(doc).stream().filter(a -> attribute(a, "activity-status", "code").equals("4")))
                .isNotEmpty().allMatch(a -> dates(a, "4").size() == 1);
    }

    @Test
    void aRepeatedRequestWithItsETagGetsNotModified() {
        HttpResponse<byte[]> first = xml(PATH);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(xml(PATH).headers().firstValue("ETag")).as("the same data, the same tag").contains(etag);
        HttpResponse<String> again = send(client(), HttpRequest.newBuilder(URI.create(url(PATH)))
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aRoundGrantedAndPublishedHereBecomesActivitiesWithTheirOrganisationsMoneyAndLanguages() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        round = fixtures.round(1_000_000);
        UUID karlstadOrg = fixtures.municipality("1780");
        // Karlstad's organisation number as the registry records it, put back afterwards
        numbered = karlstadOrg;
        formerNumber = jdbc.sql("SELECT organisation_number FROM swedish_organisation WHERE id = ?").param(karlstadOrg)
                .query(String.class).list().getFirst();
        jdbc.sql("UPDATE swedish_organisation SET organisation_number = '212000-1850' WHERE id = ?").param(karlstadOrg)
                .update();
        UUID karlstad = fixtures.submitted(round, karlstadOrg, "Dialog i Kisumu", "Kisumu County", "KE",
                "participation", 200_000, "sv");
        UUID aneby = fixtures.submitted(round, fixtures.municipality("0604"), "Open budgets in Lviv", "Lviv oblast",
                "UA", "transparency", 450_000, "en");
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, karlstad, "200000");
        decide(officer, aneby, "450000");
        String page = get(officer, "/handlaggning/omgangar/" + round).body();
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> funded.byKey("decision:" + karlstad).isPresent()
                && funded.byKey("decision:" + aneby).isPresent());
        FundedPartnership project = funded.byKey("decision:" + karlstad).orElseThrow();
        LocalDate today = funded.today();
        // 80 000 kr paid out today, the next tranche due
        jdbc.sql("""
                INSERT INTO project_payment (id, funded_partnership_id, kind, amount_sek, status, due_since, released_on,
                                             reference, released_by, released_at)
                VALUES (?, ?, 'tranche', 80000, 'released', now(), ?, 'VER-1', 'olle', now()),
                       (?, ?, 'tranche', 80000, 'due', now(), NULL, NULL, NULL, NULL)
                """).params(UUID.randomUUID(), project.id(), today, UUID.randomUUID(), project.id()).update();

        Document doc = valid(xml(PATH).body());
        followsTheRuleset(doc);
        String reporting = properties.openData().iatiIdentifier();
        Element a = activity(doc, reporting + "-decision:" + karlstad);
        assertThat(attribute(a, "activity-status", "code")).as("running").isEqualTo("2");
        assertThat(narratives(first(a, "title"))).containsExactly("sv:Dialog i Kisumu");
        assertThat(narratives(first(a, "description"))).isNotEmpty();
        List<String> orgs = new ArrayList<>();
        for (Element o : children(a, "participating-org")) {
            orgs.add(o.getAttribute("role") + " " + o.getAttribute("ref") + " " + o.getAttribute("type") + " "
                    + o.getTextContent());
        }
        assertThat(orgs).containsExactly("1 SE-0 10 Sida",
                "3 " + reporting + " 10 " + properties.openData().publisherName(),
                "4 SE-ON-2120001850 11 Karlstads kommun", "4  11 Kisumu County");
        assertThat(dates(a, "1")).containsExactly(project.startsOn().toString());
        assertThat(dates(a, "2")).containsExactly(project.startsOn().toString());
        assertThat(dates(a, "3")).containsExactly(project.endsOn().toString());
        assertThat(dates(a, "4")).isEmpty();
        assertThat(attribute(a, "recipient-country", "code")).isEqualTo("KE");
        assertThat(attribute(a, "recipient-country", "percentage")).isEqualTo("100");
        assertThat(attribute(a, "sector", "code")).isEqualTo("15112");
        assertThat(attribute(a, "default-flow-type", "code")).isEqualTo("10");
        assertThat(attribute(a, "default-finance-type", "code")).isEqualTo("110");
        assertThat(attribute(a, "default-aid-type", "code")).isEqualTo("C01");
        assertThat(a.getAttribute("default-currency")).isEqualTo("SEK");
        assertThat(children(a, "budget").stream().mapToLong(b -> Long.parseLong(first(b, "value").getTextContent())).sum())
                .as("the budgets sum to the grant").isEqualTo(200_000);
        List<String> transactions = children(a, "transaction").stream().map(t -> attribute(t, "transaction-type", "code")
                + " " + attribute(t, "transaction-date", "iso-date") + " " + first(t, "value").getTextContent()).toList();
        assertThat(transactions).containsExactly("2 " + today + " 200000", "3 " + today + " 80000");
        assertThat(children(a, "transaction")).allMatch(t -> attribute(t, "receiver-org", "ref").equals("SE-ON-2120001850")
                && attribute(t, "provider-org", "ref").equals(reporting));

        Element lviv = activity(doc, reporting + "-decision:" + aneby);
        assertThat(narratives(first(lviv, "title"))).containsExactly("en:Open budgets in Lviv");
        assertThat(attribute(lviv, "recipient-country", "code")).isEqualTo("UA");
        assertThat(children(lviv, "transaction")).hasSize(1);
    }

    // --- the ruleset ---------------------------------------------------------------------------------

    /**
     * The main rules of the IATI standard ruleset: every identifier starts with the reporting organisation's (and
     * is unique, without / & | ?), every activity has a start date, a sector, a recipient country, percentages that
     * sum to 100 and budgets of at most a year, and no actual date lies in the future.
     */
    private void followsTheRuleset(Document doc) {
        LocalDate today = funded.today();
        String reporting = properties.openData().iatiIdentifier();
        Set<String> identifiers = new HashSet<>();
        List<Element> all = activities(doc);
        assertThat(all).isNotEmpty();
        for (Element a : all) {
            String id = first(a, "iati-identifier").getTextContent();
            assertThat(identifiers.add(id)).as("unique: " + id).isTrue();
            assertThat(attribute(a, "reporting-org", "ref")).isEqualTo(reporting);
            assertThat(id).startsWith(reporting + "-").doesNotContainPattern("[/&|?\\s]");
            assertThat(dates(a, "1").size() + dates(a, "2").size()).as(id + " has a start date").isPositive();
            assertThat(percentages(a, "sector")).as(id + " sector percentages").isEqualTo(100);
            assertThat(children(a, "recipient-country")).as(id + " has a country").isNotEmpty();
            assertThat(percentages(a, "recipient-country")).as(id + " country percentages").isEqualTo(100);
            List<String> actual = new ArrayList<>(dates(a, "2"));
            actual.addAll(dates(a, "4"));
            children(a, "transaction").forEach(t -> actual.add(attribute(t, "transaction-date", "iso-date")));
            assertThat(actual).as(id + " actual dates").allMatch(d -> !LocalDate.parse(d).isAfter(today));
            for (Element b : children(a, "budget")) {
                LocalDate from = LocalDate.parse(attribute(b, "period-start", "iso-date"));
                LocalDate to = LocalDate.parse(attribute(b, "period-end", "iso-date"));
                assertThat(to).as(id + " budget of at most a year").isAfterOrEqualTo(from).isBefore(from.plusYears(1));
            }
            if (!dates(a, "1").isEmpty() && !dates(a, "3").isEmpty()) {
                assertThat(dates(a, "3").getFirst()).as(id + " ends after it starts").isGreaterThanOrEqualTo(dates(a, "1").getFirst());
            }
            assertThat(narratives(first(a, "title"))).as(id + " title").isNotEmpty();
            assertThat(narratives(first(a, "description"))).as(id + " description").isNotEmpty();
        }
    }

    // --- reading the document --------------------------------------------------------------------------

    private HttpResponse<byte[]> xml(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(client(), b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The document, after the IATI schema has validated it. */
    private static Document valid(byte[] xml) throws Exception {
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private void decide(HttpClient officer, UUID application, String amount) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page,
                DecisionForms.complete(Map.of("outcome", "granted", "amount", amount))).statusCode()).isEqualTo(302);
    }

    private static List<Element> activities(Document doc) {
        return children(doc.getDocumentElement(), "iati-activity");
    }

    private static Element activity(Document doc, String identifier) {
        return activities(doc).stream().filter(a -> first(a, "iati-identifier").getTextContent().equals(identifier))
                .findFirst().orElseThrow(() -> new AssertionError("no activity " + identifier));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) {
            throw new AssertionError("no " + name);
        }
        return found.getFirst();
    }

    private static String attribute(Element parent, String child, String attribute) {
        return first(parent, child).getAttribute(attribute);
    }

    private static List<String> dates(Element a, String type) {
        return children(a, "activity-date").stream().filter(d -> d.getAttribute("type").equals(type))
                .map(d -> d.getAttribute("iso-date")).toList();
    }

    private static int percentages(Element a, String element) {
        return children(a, element).stream().mapToInt(e -> Integer.parseInt(e.getAttribute("percentage"))).sum();
    }

    /** Each narrative as its language (xml:lang) and text. */
    private static List<String> narratives(Element e) {
        return children(e, "narrative").stream()
                .map(n -> n.getAttributeNS(XMLConstants.XML_NS_URI, "lang") + ":" + n.getTextContent()).toList();
    }
}

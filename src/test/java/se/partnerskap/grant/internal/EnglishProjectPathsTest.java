package se.partnerskap.grant.internal;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FollowUpFixtures;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewProject;
import se.partnerskap.grant.Projects;
import se.partnerskap.support.TestProgramme;
import se.partnerskap.support.EnglishAddresses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grantee and a case officer who work in English walk a project's pages under /en, as a crawler would —
 * the agreement, the payments, the reports with their attachments and receipt, the change requests — and
 * meet no Swedish address: every link, form action and redirect is an English path all the way down.
 */
class EnglishProjectPathsTest extends ReportFixtures {

    private static final Pattern ATTACHMENT = Pattern.compile("/attachments/([0-9a-f-]{36})\"");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** Every Swedish word of the follow-up's addresses. */
    private static final Set<String> SWEDISH = swedishWords();

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    private FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
        clock.set(noon(LocalDate.of(2027, 1, 15))); // the first year's report may be submitted
    }

    @AfterEach
    void clean() {
        fixtures.clean();
    }

    private static Set<String> swedishWords() {
        Set<String> words = new LinkedHashSet<>(List.of("mina-projekt", "uppfoljning"));
        for (int i = 0; i < GrantPaths.WORDS.length; i += 2) {
            words.add(GrantPaths.WORDS[i]);
        }
        return words;
    }

    private FundedPartnership englishProject() {
        return fixtures.project("english", fixtures.municipality("1780"), TestProgramme.KEY, 200_000, START, 2, List.of(
                new NewProject.CostLine("travel", "Resor till Kisumu", "swedish", 100_000),
                new NewProject.CostLine("salaries", "Arbetstid", "swedish", 100_000)));
    }

    private UUID firstReport(FundedPartnership p) {
        return jdbc.sql("SELECT id FROM project_report WHERE funded_partnership_id = ? ORDER BY due_on, position LIMIT 1")
                .param(p.id()).query(UUID.class).single();
    }

    private static Map<String, String> answers() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("progress", "We trained 40 staff in water safety.");
        f.put("results", "Two new routines adopted.");
        f.put("lessons", "Start the translations early.");
        f.put("actual.1", "100000");
        f.put("explanation.1", "");
        f.put("actual.2", "100000");
        f.put("explanation.2", "");
        return f;
    }

    @Test
    void aGranteeWalkingTheirProjectInEnglishMeetsOnlyEnglishAddresses() {
        FundedPartnership p = englishProject();
        UUID report = firstReport(p);
        String base = "/en/my-projects/" + p.key();
        String reportPath = base + "/reports/" + report;
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        Predicate<String> ours = link -> link.startsWith("/en/my-projects");

        Map<String, String> visited = crawl(anna, List.of("/en/my-projects", base), ours);
        assertThat(visited).containsKeys(base, reportPath);
        assertThat(visited.get(base)).contains("action=\"" + base + "/agreement\"")
                .contains("action=\"" + base + "/change-requests\"").contains("href=\"" + base + "/agreement.pdf\"");

        // accepting the agreement and asking for a change redirect to the English project page
        assertEnglishRedirect(postForm(anna, base + "/agreement", visited.get(base),
                Map.of("signatoryName", "Eva Ek", "signatoryRole", "Mayor", "signatoryPlace", "Karlstad")), base);
        assertEnglishRedirect(postForm(anna, base + "/change-requests", visited.get(base), Map.of("kind", "extension",
                "newEndsOn", "2028-06-30", "reason", "The partner's elections delayed the work.")), base);
        // a refused change request is the English page again, with English forms
        HttpResponse<String> refused = postForm(anna, base + "/change-requests", visited.get(base), Map.of("kind", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertEnglishLinks(refused.body(), "a refused change request");

        // an attachment: uploaded, linked, removed — each step on English addresses
        String page = get(anna, reportPath).body();
        HttpResponse<String> uploaded = upload(anna, reportPath + "/attachments", csrf(page), "costs.pdf", pdf());
        assertEnglishRedirect(uploaded, reportPath);
        page = crawl(anna, List.of(reportPath), ours).get(reportPath);
        Matcher m = ATTACHMENT.matcher(page);
        assertThat(m.find()).as("the attachment's English link").isTrue();
        String attachment = m.group(1);
        assertThat(page).contains("action=\"" + reportPath + "/attachments/" + attachment + "/remove\"")
                .contains("hx-post=\"" + reportPath + "\"");
        assertThat(bytes(anna, reportPath + "/attachments/" + attachment).statusCode()).isEqualTo(200);
        assertEnglishRedirect(postForm(anna, reportPath + "/attachments/" + attachment + "/remove", page, Map.of()),
                reportPath);

        // saving and submitting: the saved form and then the receipt, in English
        Map<String, String> fields = new LinkedHashMap<>(answers());
        fields.put("version", "0");
        HttpResponse<String> saved = postForm(anna, reportPath, page, fields);
        assertEnglishRedirect(saved, reportPath);
        fields.put("version", String.valueOf(version(report)));
        fields.put("action", "submit");
        HttpResponse<String> submitted = postForm(anna, reportPath, page, fields);
        assertEnglishRedirect(submitted, reportPath + "/receipt");
        Map<String, String> receipt = crawl(anna, List.of(reportPath + "/receipt"), ours);
        assertThat(receipt.get(reportPath + "/receipt")).contains("href=\"" + reportPath + "\"");

        // the language switcher leads to the same page in Swedish words, and back
        assertThat(get(anna, reportPath + "/receipt").body()).contains("hreflang=\"sv\" href=\"/mina-projekt/" + p.key()
                + "/redovisningar/" + report + "/kvitto\"");
        assertThat(get(anna, "/mina-projekt/" + p.key() + "/redovisningar/" + report).body())
                .contains("hreflang=\"en\" href=\"" + reportPath + "\"");
        // an English address with the Swedish words given out before still answers
        assertThat(get(anna, base + "/redovisningar/" + report).statusCode()).isEqualTo(200);
        assertThat(bytes(anna, base + "/avtal.pdf").statusCode()).isEqualTo(200);
    }

    @Test
    void aCaseOfficerFollowingUpAProjectInEnglishMeetsOnlyEnglishAddresses() {
        FundedPartnership p = englishProject();
        UUID report = firstReport(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String mine = "/mina-projekt/" + p.key();
        String minePage = get(anna, mine).body();
        assertThat(postForm(anna, mine + "/avtal", minePage, Map.of("signatoryName", "Eva Ek", "signatoryRole", "Mayor", "signatoryPlace", "Karlstad"))
                .statusCode()).isEqualTo(302);
        assertThat(postForm(anna, mine + "/andringar", minePage, Map.of("kind", "extension", "newEndsOn", "2028-06-30",
                "reason", "Elections.")).statusCode()).isEqualTo(302);
        Map<String, String> fields = new LinkedHashMap<>(answers());
        fields.put("version", "0");
        fields.put("action", "submit");
        String reportPage = get(anna, "/mina-projekt/" + p.key() + "/redovisningar/" + report).body();
        assertThat(postForm(anna, "/mina-projekt/" + p.key() + "/redovisningar/" + report, reportPage, fields)
                .statusCode()).isEqualTo(302);
        UUID payment = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project_payment (id, funded_partnership_id, kind, amount_sek, tranche_position, status, due_since)
                VALUES (?, ?, 'tranche', 40000, 1, 'due', now())
                """).params(payment, p.id()).update();
        UUID change = jdbc.sql("SELECT id FROM project_change_request WHERE funded_partnership_id = ?").param(p.id())
                .query(UUID.class).single();

        String base = "/en/follow-up/projects/" + p.key();
        String review = "/en/follow-up/reports/" + report;
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        // the lists link to every project; the crawl follows this project's pages and the lists themselves
        Predicate<String> ours = link -> link.startsWith("/en/follow-up") && (link.contains(p.key())
                || link.contains(report.toString()) || link.equals("/en/follow-up") || link.equals("/en/follow-up/reports"));
        Map<String, String> visited = crawl(olle, List.of("/en/follow-up", "/en/follow-up/reports", base), ours);
        assertThat(visited).containsKeys(base, review);
        String page = visited.get(base);
        assertThat(page).contains("action=\"" + base + "/countersign\"")
                .contains("action=\"" + base + "/payments/" + payment + "\"")
                .contains("action=\"" + base + "/change-requests/" + change + "\"")
                .contains("href=\"" + base + "/agreement.pdf\"");
        assertThat(visited.get("/en/follow-up")).contains("href=\"" + base + "\"");
        assertThat(visited.get(review)).contains("action=\"" + review + "/approve\"")
                .contains("action=\"" + review + "/return\"");

        assertEnglishRedirect(postForm(olle, base + "/countersign", page,
                Map.of("countersignName", "Olle Officer", "countersignRole", "Case officer", "countersignPlace", "Visby")), base);
        assertEnglishRedirect(postForm(olle, base + "/payments/" + payment, page,
                Map.of("releasedOn", "2027-01-14", "reference", "VER-1")), base);
        HttpResponse<String> refused = postForm(olle, base + "/change-requests/" + change, page, Map.of("decision", "refuse"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertEnglishLinks(refused.body(), "a refused decision");
        assertEnglishRedirect(postForm(olle, base + "/change-requests/" + change, page, Map.of("decision", "approve")),
                base);
        assertEnglishRedirect(postForm(olle, review + "/approve", visited.get(review), Map.of("eligible", "150000")),
                review);
        assertThat(status(report)).isEqualTo("approved");
        crawl(olle, List.of(base, review), ours);

        assertThat(get(olle, review).body()).contains("hreflang=\"sv\" href=\"/uppfoljning/redovisningar/" + report + "\"");
        assertThat(get(olle, "/uppfoljning/projekt/" + p.key()).body())
                .contains("hreflang=\"en\" href=\"" + base + "\"");
        // English addresses with the Swedish words given out before still answer
        assertThat(get(olle, "/en/follow-up/projekt/" + p.key()).statusCode()).isEqualTo(200);
        assertThat(get(olle, "/en/follow-up/redovisningar/" + report).statusCode()).isEqualTo(200);
    }

    /** Follows the links {@code follow} accepts from the starting pages, checking each page's addresses. */
    private Map<String, String> crawl(HttpClient client, List<String> start, Predicate<String> follow) {
        return EnglishAddresses.crawl(path -> get(client, path), this::location, start,
                follow.and(path -> !path.contains("/attachments/")), 60, SWEDISH);
    }

    private static void assertEnglishLinks(String html, String where) {
        links(html, EnglishAddresses.LINK).forEach(link -> assertEnglish(link, "a link or form on " + where));
    }

    private static Set<String> links(String html, Pattern pattern) {
        return EnglishAddresses.links(html, pattern);
    }

    private static void assertEnglish(String path, String where) {
        EnglishAddresses.assertEnglish(path, where, SWEDISH);
    }

    /** A redirect to an English address ({@code to}, when given, without its fragment). */
    private void assertEnglishRedirect(HttpResponse<String> response, String to) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = location(response);
        assertThat(location).as("a redirect").startsWith("/en");
        assertEnglish(location, "a redirect");
        if (to != null) {
            assertThat(location.split("#")[0]).isEqualTo(to);
        }
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("http") ? location.substring(url("").length()) : location;
    }

    private HttpResponse<byte[]> bytes(HttpClient client, String path) {
        try {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

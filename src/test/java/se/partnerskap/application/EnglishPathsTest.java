package se.partnerskap.application;

import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Section;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Language;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.EnglishAddresses;

import static org.assertj.core.api.Assertions.assertThat;
import static se.partnerskap.application.SubmissionFixtures.DURING;

/**
 * An applicant who works in English walks every page of an application under /en, as a crawler would, and
 * meets no Swedish address: every link, form action and redirect is an English path all the way down.
 */
class EnglishPathsTest extends AbstractIntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    /** Every Swedish word of the applications' addresses. */
    private static final Set<String> SWEDISH = swedishWords();

    @Autowired
    Applications applications;

    SubmissionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(DURING);
    }

    private static Set<String> swedishWords() {
        Set<String> words = new LinkedHashSet<>(List.of("ansokningar", "granska", "ta-bort", "konflikt", "skicka-in",
                "kvitto", "kvitto.pdf", "aterkalla", "stangd", "mina"));
        // the municipal partnership's sections, as its form names them
        words.addAll(List.of("sokande", "partner", "karnomraden", "utmaning", "aktiviteter", "bilagor", "fragor"));
        return words;
    }

    @Test
    void everyLinkFormAndRedirectOfAnEnglishApplicationIsAnEnglishPath() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "english-" + round + "@karlstad.example");
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);

        Map<String, String> visited = crawl(anna, List.of("/en/applications", "/en/applications/" + id,
                "/en/applications/mine"));
        assertThat(visited.keySet()).as("the pages walked").contains("/en/applications/" + id + "/challenge",
                "/en/applications/" + id + "/partners", "/en/applications/" + id + "/check-answers",
                "/en/applications/" + id + "/submit", "/en/applications/" + id + "/attachments");

        // saving a section redirects to an English page
        String challenge = visited.get("/en/applications/" + id + "/challenge");
        HttpResponse<String> saved = postForm(anna, "/en/applications/" + id + "/challenge", challenge,
                Map.of("version", version(challenge), "title", "Dialogue in Kisumu and Karlstad",
                        "challenge", "Few young people take part.", "objectives", "More of them.", "results", "A model."));
        assertEnglishRedirect(saved);

        // submitting redirects to the English receipt, whose links and forms are English too
        String submit = get(anna, "/en/applications/" + id + "/submit").body();
        HttpResponse<String> submitted = postForm(anna, "/en/applications/" + id + "/submit", submit,
                Map.of("key", key(submit), "declaration", "yes"));
        assertEnglishRedirect(submitted);
        assertThat(location(submitted)).endsWith("/en/applications/" + id + "/receipt");
        Map<String, String> after = crawl(anna, List.of(location(submitted)));
        HttpResponse<String> withdrawn = postForm(anna, "/en/applications/" + id + "/withdraw",
                after.get("/en/applications/" + id + "/receipt"), Map.of());
        assertEnglishRedirect(withdrawn);
    }

    @Test
    void theLanguageSwitcherOfASectionPageLeadsToTheSamePageWithTheOtherLanguagesWords() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.draft(DemoUsers.ANNA, round, false);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        assertThat(get(anna, "/ansokningar/" + id + "/utmaning").body())
                .contains("hreflang=\"en\" href=\"/en/applications/" + id + "/challenge\"");
        assertThat(get(anna, "/en/applications/" + id + "/core-areas").body())
                .contains("hreflang=\"sv\" href=\"/ansokningar/" + id + "/karnomraden\"");
        assertThat(get(anna, "/en/applications/" + id + "/check-answers").body())
                .contains("hreflang=\"sv\" href=\"/ansokningar/" + id + "/granska\"");
        // an address in the other language's words given out before still answers
        assertThat(get(anna, "/en/applications/" + id + "/utmaning").statusCode()).isEqualTo(200);
    }

    /** Follows every link below /en/applications from the starting pages, checking each page's addresses. */
    private Map<String, String> crawl(HttpClient client, List<String> start) {
        return EnglishAddresses.crawl(path -> get(client, path), this::location, start,
                path -> path.startsWith("/en/applications") && !isDownload(path), 80, SWEDISH);
    }

    /** An attachment's download: /en/applications/{id}/attachments/{attachment}. */
    private static boolean isDownload(String path) {
        return path.matches("/en/applications/[^/]+/attachments/[^/]+(/.*)?");
    }

    private static void assertEnglish(String path, String where) {
        EnglishAddresses.assertEnglish(path, where, SWEDISH);
    }

    private void assertEnglishRedirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        String location = location(response);
        assertThat(location).as("a redirect").startsWith("/en");
        assertEnglish(location, "a redirect");
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("http") ? location.substring(url("").length()) : location;
    }

    private static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("the submit form with its key").isTrue();
        return m.group(1);
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("the section form with its version").isTrue();
        return m.group(1);
    }
}

package se.partnerskap.application;

import se.partnerskap.application.internal.Applications;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.partnerskap.application.SubmissionFixtures.DURING;

/**
 * The project's title in the other language: an optional field of the challenge section beside the title,
 * labelled by the language the form is in, checked for length like the title, kept by autosave, and shown
 * in "check your answers" and in the PDF copy of the submitted application.
 */
class OtherLanguageTitleTest extends AbstractIntegrationTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Autowired
    Applications applications;

    SubmissionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(DURING);
    }

    private String titleOther(UUID id) {
        return jdbc.sql("SELECT answers -> 'titleOther' ->> 0 FROM application_section WHERE application_id = ? AND section_key = 'challenge'")
                .param(id).query(String.class).optional().orElse(null);
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theFieldIsLabelledByTheFormsLanguageKeptByAutosaveAndCheckedForLength() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.draft(DemoUsers.ANNA, round, false);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);

        String sv = get(anna, "/ansokningar/" + id + "/utmaning").body();
        assertThat(sv).contains("<label for=\"titleOther\">Projektets titel på engelska</label>")
                .contains("Visas på de engelska sidorna om beviljade projekt");
        String en = get(anna, "/en/applications/" + id + "/challenge").body();
        assertThat(en).contains("<label for=\"titleOther\">The project's title in Swedish</label>")
                .contains("Shown on the Swedish pages about granted projects");

        // autosave (htmx) keeps it
        HttpResponse<String> saved = postForm(anna, "/ansokningar/" + id + "/utmaning", sv,
                Map.of("version", version(sv), "title", "Dialog i Kisumu", "titleOther", "Dialogue in Kisumu"),
                "HX-Request", "true");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(titleOther(id)).isEqualTo("Dialogue in Kisumu");
        assertThat(get(anna, "/ansokningar/" + id + "/utmaning").body()).contains("value=\"Dialogue in Kisumu\"");

        // no longer than the title may be; what was typed stays in the form
        String page = get(anna, "/ansokningar/" + id + "/utmaning").body();
        String tooLong = "x".repeat(201);
        HttpResponse<String> refused = postForm(anna, "/ansokningar/" + id + "/utmaning", page,
                Map.of("version", version(page), "title", "Dialog i Kisumu", "titleOther", tooLong));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#titleOther\"").contains("Högst 200 tecken (du har skrivit 201)")
                .contains("value=\"" + tooLong + "\"");
        HttpResponse<String> refusedEn = postForm(anna, "/en/applications/" + id + "/challenge", page,
                Map.of("version", version(get(anna, "/en/applications/" + id + "/challenge").body()),
                        "title", "Dialog i Kisumu", "titleOther", tooLong));
        assertThat(refusedEn.statusCode()).isEqualTo(422);
        assertThat(refusedEn.body()).contains("At most 200 characters");
    }

    @Test
    void itIsShownWhenCheckingTheAnswersAndInThePdfCopy() throws IOException {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "other-title-" + round + "@karlstad.example");
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        String section = get(anna, "/ansokningar/" + id + "/utmaning").body();
        assertThat(postForm(anna, "/ansokningar/" + id + "/utmaning", section, Map.of("version", version(section),
                "title", "Dialog i Kisumu och Karlstad", "titleOther", "Dialogue in Kisumu and Karlstad",
                "challenge", "Få unga deltar i lokala beslut.", "objectives", "Fler unga i dialogen.",
                "results", "En gemensam modell för dialog.")).statusCode()).isEqualTo(302);

        assertThat(get(anna, "/ansokningar/" + id + "/granska").body()).contains("<dt>Projektets titel på engelska</dt>")
                .contains("Dialogue in Kisumu and Karlstad");
        assertThat(get(anna, "/en/applications/" + id + "/check-answers").body())
                .contains("<dt>The project's title in Swedish</dt>");

        String submit = get(anna, "/ansokningar/" + id + "/skicka-in").body();
        Matcher key = KEY.matcher(submit);
        assertThat(key.find()).isTrue();
        assertThat(postForm(anna, "/ansokningar/" + id + "/skicka-in", submit,
                Map.of("key", key.group(1), "declaration", "yes")).statusCode()).isEqualTo(302);
        try (PDDocument doc = Loader.loadPDF(pdf(anna, "/ansokningar/" + id + "/kvitto.pdf"))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Projektets titel på engelska").contains("Dialogue in Kisumu and Karlstad");
        }
    }

    private byte[] pdf(HttpClient client, String path) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

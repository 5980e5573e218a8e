package se.partnerskap.application;

import se.partnerskap.application.internal.Applications;
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
import se.partnerskap.support.AccessiblePdf;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of a submitted application is a tagged PDF/UA and PDF/A document in its language (issue 13). */
class AccessibleApplicationPdfTest extends AbstractIntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Autowired
    Applications applications;

    SubmissionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(SubmissionFixtures.DURING);
    }

    @Test
    void theApplicationCopyIsTaggedInItsLanguageWithItsReferenceAndTitleAsTitle() throws Exception {
        UUID round = fixtures.round(null, false);
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        UUID swedish = fixtures.complete(DemoUsers.ANNA, round, "kontakt-sv-" + round + "@karlstad.example");
        submit(anna, "/ansokningar/" + swedish + "/skicka-in");
        byte[] svCopy = pdf(anna, "/ansokningar/" + swedish + "/kvitto.pdf");
        AccessiblePdf.assertAccessible(svCopy, "sv", title(swedish));
        se.partnerskap.support.DocumentImages.write(svCopy, "application-copy-sv");

        // a partner typed with letters the embedded font lacks: still an archivable file, nothing left unembedded
        UUID english = fixtures.complete(DemoUsers.ANNA, round, "kontakt-en-" + round + "@karlstad.example", false,
                "Львівська область 北京 \uD83C\uDF3B", "UA", 150_000);
        submit(anna, "/en/applications/" + english + "/submit");
        byte[] copy = pdf(anna, "/en/applications/" + english + "/receipt.pdf");
        AccessiblePdf.assertAccessible(copy, "en", title(english));
        try (PDDocument doc = Loader.loadPDF(copy)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Львівська область");
        }
    }

    private String title(UUID id) {
        return jdbc.sql("SELECT reference || ' – ' || title FROM application WHERE id = ?").param(id)
                .query(String.class).single();
    }

    private void submit(HttpClient client, String path) {
        String page = get(client, path).body();
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("the submit form with its key").isTrue();
        assertThat(postForm(client, path, page, Map.of("key", m.group(1), "declaration", "yes")).statusCode())
                .isEqualTo(302);
    }

    private byte[] pdf(HttpClient client, String path) throws Exception {
        HttpResponse<byte[]> pdf = client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }
}

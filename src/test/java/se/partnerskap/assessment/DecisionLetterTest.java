package se.partnerskap.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision letter: a PDF in the applicant's language naming the applicant, the amount and the round. */
class DecisionLetterTest extends AbstractIntegrationTest {

    @Test
    void theLetterNamesTheApplicantTheAmountAndTheRoundInTheApplicantsLanguage() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        UUID swedish = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County",
                "KE", "participation", 200_000, "sv");
        UUID english = fixtures.submitted(round, fixtures.region("17"), "Water in Lviv", "Lviv oblast", "UA",
                "transparency", 400_000, "en");
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        assertThat(letter(officer, swedish).statusCode()).isEqualTo(404); // no decision yet

        decide(officer, swedish, Map.of("outcome", "granted", "amount", "180000", "conditions", "Slutrapport senast 2027-12-31."));
        String sv = text(letter(officer, swedish));
        assertThat(sv).contains("Karlstad").contains("180 000 kr").contains("Hösten 2026 (bedömningstest)")
                .contains("Beviljas").contains("Slutrapport senast 2027-12-31.");

        decide(officer, english, Map.of("outcome", "granted", "amount", "400000"));
        String en = text(letter(officer, english));
        assertThat(en).contains("Region Värmland").contains("SEK 400,000").contains("Autumn 2026 (assessment test)")
                .contains("Granted");
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, fields).statusCode())
                .isEqualTo(302);
    }

    private HttpResponse<byte[]> letter(HttpClient client, UUID application) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url("/handlaggning/ansokningar/" + application
                + "/beslutsbrev.pdf"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> pdf) throws Exception {
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }
}

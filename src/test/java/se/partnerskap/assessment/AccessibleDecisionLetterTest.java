package se.partnerskap.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.AccessiblePdf;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision letter is a tagged PDF/UA and PDF/A document in the applicant's language (issue 13). */
class AccessibleDecisionLetterTest extends AbstractIntegrationTest {

    @Autowired
    MessageSource messages;

    @Test
    void theDecisionLetterIsTaggedInTheApplicantsLanguageAndArchivable() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        UUID swedish = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Kisumu", "Kisumu County",
                "KE", "participation", 200_000, "sv");
        UUID english = fixtures.submitted(round, fixtures.region("17"), "Water in Lviv", "Lviv oblast", "UA",
                "transparency", 400_000, "en");
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        decide(officer, swedish, Map.of("outcome", "granted", "amount", "180000", "conditions", "Slutrapport senast 2027-12-31."));
        decide(officer, english, Map.of("outcome", "rejected", "reasonSv", "Utanför ramen.", "reasonEn", "Outside the scope."));

        // the title names the decision by its reference, as the letter's heading and footer do
        AccessiblePdf.assertAccessible(letter(officer, swedish), "sv", heading(Locale.of("sv")) + " – " + reference(swedish));
        AccessiblePdf.assertAccessible(letter(officer, english), "en", heading(Locale.ENGLISH) + " – " + reference(english));
    }

    private String reference(UUID application) {
        return jdbc.sql("SELECT reference FROM application WHERE id = ?").param(application).query(String.class).single();
    }

    private String heading(Locale locale) {
        return messages.getMessage("assessment.letter.heading", null, locale);
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields)).statusCode())
                .isEqualTo(302);
    }

    private byte[] letter(HttpClient client, UUID application) throws Exception {
        HttpResponse<byte[]> pdf = client.send(HttpRequest.newBuilder(URI.create(url("/handlaggning/ansokningar/"
                + application + "/beslutsbrev.pdf"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }
}

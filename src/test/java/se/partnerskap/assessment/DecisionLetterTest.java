package se.partnerskap.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision letter is the funder's decision as a document: letterhead, reference number and date,
 * the applicant by its full name and organisation number, the decision with amount, conditions and
 * reasons, who decided, whom to contact, what happens next, the programme's text on reconsideration and
 * appeal, and page numbers; in the language the applicant applied in.
 */
class DecisionLetterTest extends AbstractIntegrationTest {

    @Test
    void theLetterIsTheFundersDecisionWithReasonsDecisionMakerNextStepsAndReviewInTheApplicantsLanguage()
            throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        jdbc.sql("UPDATE programme SET funder_contact = 'kp@icld.example, 0498-29 91 80' WHERE key = ?")
                .param(AssessmentFixtures.PROGRAMME).update();
        UUID karlstad = fixtures.municipality("1780");
        jdbc.sql("UPDATE swedish_organisation SET organisation_number = '212000-0001' WHERE id = ?").param(karlstad)
                .update();
        UUID swedish = fixtures.submitted(round, karlstad, "Dialog i Kisumu", "Kisumu County", "KE", "participation",
                200_000, "sv");
        UUID english = fixtures.submitted(round, fixtures.region("17"), "Water in Lviv", "Lviv oblast", "UA",
                "transparency", 400_000, "en");
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        assertThat(letter(officer, swedish).statusCode()).isEqualTo(404); // no decision yet

        decide(officer, swedish, Map.of("outcome", "granted", "amount", "180000", "conditions",
                "Slutrapport senast 2027-12-31.", "reasonSv", "Partnerskapet är väl förankrat i båda kommunerna.",
                "reasonEn", "The partnership is well rooted in both municipalities.", "makerName", "Maria Ek",
                "makerRole", "Generalsekreterare"));
        HttpResponse<byte[]> svLetter = letter(officer, swedish);
        se.partnerskap.support.DocumentImages.write(svLetter.body(), "decision-letter-sv");
        String sv = text(svLetter);
        assertThat(sv).contains("ICLD – Internationellt centrum för lokal demokrati").contains("Söderväg 1D, 621 58 Visby")
                .contains("kp@icld.example, 0498-29 91 80")
                .contains("Diarienummer").contains(reference(swedish))
                .contains("Beslutsdatum " + decisionDate(swedish, Language.SV))
                .contains("Karlstads kommun").contains("Organisationsnummer 212000-0001")
                .doesNotContain("Till Karlstad")
                .contains("beviljar Karlstads kommun ett bidrag på 180 000 kr till projektet Dialog i Kisumu")
                .contains("Hösten 2026 (bedömningstest)").contains("Beviljas")
                .contains("Villkor för bidraget").contains("Slutrapport senast 2027-12-31.")
                .contains("Skäl för beslutet").contains("Partnerskapet är väl förankrat i båda kommunerna.")
                .contains("Beslutet har fattats av Maria Ek, Generalsekreterare")
                .contains("Ärendet har handlagts av " + DemoUsers.OLLE.name())
                .contains("Vad händer nu").contains("Ett avtal om bidraget upprättas i portalen")
                .contains("Omprövning och överklagande").contains("kan därför inte överklagas enligt förvaltningslagen")
                .contains("inom tre veckor")
                .contains("Kontakt")
                .contains("Sida 1 av ");
        assertThat(sv).doesNotContainPattern("\\d{1,2}:\\d{2}"); // the decision date is a date, not a time

        decide(officer, english, Map.of("outcome", "granted", "amount", "400000"));
        String en = text(letter(officer, english));
        assertThat(en).contains("ICLD – Swedish International Centre for Local Democracy")
                .contains("Reference").contains(reference(english))
                .contains("Date of decision " + decisionDate(english, Language.EN))
                .contains("Region Värmland").doesNotContain("Organisation number") // not recorded, not shown
                .contains("SEK 400,000").contains("Autumn 2026 (assessment test)").contains("Granted")
                .contains("Reasons for the decision").contains("The application meets the programme's requirements.")
                .contains("The decision was made by " + se.partnerskap.support.DecisionForms.MAKER_NAME + ", "
                        + se.partnerskap.support.DecisionForms.MAKER_ROLE)
                .contains("What happens next").contains("Your authorised signatory accepts it")
                .contains("Reconsideration and appeal")
                .contains("can therefore not be appealed under the Swedish Administrative Procedure Act")
                .contains("Page 1 of ");
        assertThat(en).doesNotContainPattern("\\d{1,2}:\\d{2}");
    }

    @Test
    void aRejectionGivesItsReasonsAndTheProgrammesOwnTextOnReview() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(jdbc);
        UUID round = fixtures.round(1_000_000);
        jdbc.sql("UPDATE programme SET review_text_sv = 'Beslutet kan överklagas till förvaltningsrätten inom tre veckor.' WHERE key = ?")
                .param(AssessmentFixtures.PROGRAMME).update();
        try {
            UUID application = fixtures.submitted(round, fixtures.municipality("1780"), "Dialog i Nakuru", "Nakuru",
                    "KE", "participation", 200_000, "sv");
            HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
            decide(officer, application, Map.of("outcome", "rejected", "reasonSv", "Budgeten räcker inte.",
                    "reasonEn", "The budget does not suffice."));
            String sv = text(letter(officer, application));
            assertThat(sv).contains("avslår ansökan från Karlstads kommun").contains("Avslås")
                    .contains("Skäl för beslutet").contains("Budgeten räcker inte.")
                    .contains("Beslutet kan överklagas till förvaltningsrätten inom tre veckor.")
                    .contains("Ni är välkomna att söka igen").doesNotContain("Beviljat belopp");
        } finally {
            jdbc.sql("""
                    UPDATE programme t SET review_text_sv = p.review_text_sv FROM programme p
                    WHERE p.key = 'kommunala-partnerskap' AND t.key = ?
                    """).param(AssessmentFixtures.PROGRAMME).update();
        }
    }

    private String reference(UUID application) {
        return jdbc.sql("SELECT reference FROM application WHERE id = ?").param(application).query(String.class).single();
    }

    private String decisionDate(UUID application, Language lang) {
        Instant at = jdbc.sql("SELECT decided_at FROM decision WHERE application_id = ?").param(application)
                .query(java.sql.Timestamp.class).single().toInstant();
        return StockholmTime.date(StockholmTime.at(at).toLocalDate(), lang);
    }

    private void decide(HttpClient officer, UUID application, Map<String, String> fields) {
        String page = get(officer, "/handlaggning/ansokningar/" + application).body();
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page, se.partnerskap.support.DecisionForms.complete(fields)).statusCode())
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
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("[ \\t]*\\R[ \\t]*", " ");
        }
    }
}

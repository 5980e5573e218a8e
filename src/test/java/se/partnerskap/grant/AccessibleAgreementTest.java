package se.partnerskap.grant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.AccessiblePdf;
import se.partnerskap.support.TestProgramme;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grant agreement is a tagged PDF/UA and PDF/A document in Swedish and English, with its budget as a
 * table with column headers, both as the project stands and as frozen at countersigning (issue 13).
 */
class AccessibleAgreementTest extends AbstractIntegrationTest {

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    @Autowired
    MessageSource messages;

    private FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
    }

    @AfterEach
    void clean() {
        fixtures.clean();
    }

    private String slug;

    @Test
    void theAgreementIsTaggedAndArchivableBeforeAndAfterItIsCountersigned() throws Exception {
        FundedPartnership p = fixtures.project("karlstad", fixtures.municipality("1780"), TestProgramme.KEY, 200_000,
                LocalDate.of(2026, 1, 1), 2, List.of(
                        new NewProject.CostLine("travel", "Resor till Kisumu", "swedish", 100_000),
                        new NewProject.CostLine("salaries", "Arbetstid", "swedish", 100_000)));
        slug = jdbc.sql("SELECT slug FROM funded_partnership WHERE id = ?").param(p.id()).query(String.class).single();
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        List<String> types = AccessiblePdf.assertAccessible(pdf(anna, "/mina-projekt/" + p.key() + "/avtal.pdf"), "sv",
                heading(Locale.of("sv")));
        assertThat(types).as("headings of the agreement's parts").contains("H2");
        AccessiblePdf.assertAccessible(pdf(anna, "/en/my-projects/" + p.key() + "/avtal.pdf"), "en", heading(Locale.ENGLISH));

        jdbc.sql("""
                UPDATE project_agreement SET accepted_name = 'Eva Ek', accepted_role = 'Kommundirektör', accepted_place = 'Karlstad',
                       accepted_by = 'anna', accepted_at = now() WHERE funded_partnership_id = ?
                """).param(p.id()).update();
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        String page = get(officer, "/uppfoljning/projekt/" + p.key()).body();
        assertThat(postForm(officer, "/uppfoljning/projekt/" + p.key() + "/kontrasignera", page,
                Map.of("countersignName", "Olle Officer", "countersignRole", "Handläggare", "countersignPlace", "Visby")).statusCode())
                .isEqualTo(302);
        Map<String, Object> frozen = jdbc.sql("SELECT signed_pdf_sv, signed_pdf_en FROM project_agreement WHERE funded_partnership_id = ?")
                .param(p.id()).query().singleRow();
        AccessiblePdf.assertAccessible((byte[]) frozen.get("signed_pdf_sv"), "sv", heading(Locale.of("sv")));
        AccessiblePdf.assertAccessible((byte[]) frozen.get("signed_pdf_en"), "en", heading(Locale.ENGLISH));
    }

    private String heading(Locale locale) {
        // the agreement names the project it is about: by its reference, or by its address without an application
        return messages.getMessage("followup.agreement.heading", null, locale) + " – " + slug;
    }

    private byte[] pdf(HttpClient client, String path) throws Exception {
        HttpResponse<byte[]> pdf = client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }
}

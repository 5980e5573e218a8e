package se.partnerskap.grant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.Workbooks;
import se.partnerskap.support.TestProgramme;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up of funded projects through HTTP: the project a published grant becomes, the agreement,
 * the payments made due by approved reports (once per report), their release, change requests, the
 * officers' view and export, and 404 for another organisation's project at every address.
 */
class FollowUpTest extends AbstractIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private FollowUpFixtures fixtures;
    private UUID karlstad;
    private UUID round;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
        karlstad = fixtures.municipality("1780");
    }

    @AfterEach
    void clean() {
        fixtures.clean();
        if (round != null) {
            jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        }
    }

    /** The officer countersigns with the name, role and place the signature block shows. */
    private static final Map<String, String> COUNTERSIGN = Map.of("countersignName", "Olle B.", "countersignRole",
            "Handläggare", "countersignPlace", "Visby");

    private FundedPartnership karlstadProject(long amount, String programme) {
        return fixtures.project("karlstad", karlstad, programme, amount, START, 2, List.of(
                new NewProject.CostLine("travel", "Resor till Kisumu", "swedish", 100_000),
                new NewProject.CostLine("salaries", "Arbetstid", "swedish", 100_000)));
    }

    private HttpClient anna() {
        return loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
    }

    private HttpClient olle() {
        return loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
    }

    // --- the project a grant becomes -------------------------------------------------------------

    @Test
    void publishingARoundMakesTheGrantAProjectWithItsBudgetScaledToTheGrantItsContactsAndItsReports() {
        TestProgramme.ensure(jdbc);
        Instant opens = ZonedDateTime.of(LocalDateTime.of(2023, 9, 15, 0, 0), StockholmTime.ZONE).toInstant();
        Instant closes = ZonedDateTime.of(LocalDateTime.of(2023, 10, 15, 23, 59, 59), StockholmTime.ZONE).toInstant();
        round = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, budget_sek)
                VALUES (?, ?, ?, 'Uppföljningstest', 'Follow-up test', ?, ?, 'closed', 1000000)
                """).params(round, TestProgramme.KEY, "followup-" + round, Timestamp.from(opens), Timestamp.from(closes))
                .update();
        jdbc.sql("INSERT INTO round_component (round_id, programme_key, component_key) VALUES (?, ?, 'project')")
                .params(round, TestProgramme.KEY).update();
        UUID application = UUID.randomUUID();
        String reference = "KP-U-" + application.toString().substring(0, 8).toUpperCase();
        Timestamp at = Timestamp.from(closes.minusSeconds(86_400));
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title,
                                         created_by, created_at, updated_at, reference, submitted_at)
                VALUES (?, ?, ?, 'project', ?, 'submitted', 'Dialog i Kisumu', 'anna@example.org', ?, ?, ?, ?)
                """).params(application, round, TestProgramme.KEY, karlstad, at, at, reference, at).update();
        section(application, "partners", "{\"partner1Name\": [\"Kisumu County\"], \"partner1Country\": [\"KE\"],"
                + " \"partner1ContactName\": [\"Achieng Otieno\"], \"partner1ContactEmail\": [\"achieng@kisumu.example\"]}");
        section(application, "core-areas", "{\"coreAreas\": [\"participation\"], \"theme\": [\"Dialog\"]}");
        section(application, "applicant", "{\"contactName\": [\"Karin Kontakt\"], \"contactEmail\": [\"karin@karlstad.example\"],"
                + " \"contactRole\": [\"Projektledare\"], \"contactPhone\": [\"054-123 45\"]}");
        section(application, "activities", "{\"years\": [\"2\"]}");
        // 200 001 kr applied for over three lines; 150 000 kr granted
        section(application, "budget", "{\"requested\": [\"200001\"],"
                + " \"line1Category\": [\"travel\"], \"line1Description\": [\"Resor\"], \"line1Party\": [\"swedish\"], \"line1Amount\": [\"100 000\"],"
                + " \"line2Category\": [\"salaries\"], \"line2Description\": [\"Arbetstid\"], \"line2Party\": [\"swedish\"], \"line2Amount\": [\"50000\"],"
                + " \"line3Category\": [\"meetings\"], \"line3Description\": [\"Möten\"], \"line3Party\": [\"partner\"], \"line3Amount\": [\"50001\"]}");
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                VALUES (?, ?, 1, ?, ?, '{}'::jsonb, '\\x00'::bytea, 'sv', 'anna@example.org', ?)
                """).params(UUID.randomUUID(), application, reference, "key-" + application, at).update();

        HttpClient officer = olle();
        String page = page(officer, "/handlaggning/ansokningar/" + application);
        assertThat(postForm(officer, "/handlaggning/ansokningar/" + application + "/beslut", page,
                se.partnerskap.support.DecisionForms.complete(Map.of("outcome", "granted", "amount", "150000")))
                .statusCode()).isEqualTo(302);
        page = page(officer, "/handlaggning/omgangar/" + round);
        assertThat(postForm(officer, "/handlaggning/omgangar/" + round + "/publicera", page, Map.of("confirm", "yes"))
                .statusCode()).isEqualTo(302);
        String key = "decision:" + application;
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM project_report r JOIN funded_partnership f ON f.id = r.funded_partnership_id WHERE f.key = ?
                """).param(key).query(Integer.class).single() > 0);

        UUID id = funded.byKey(key).orElseThrow().id();
        List<Map<String, Object>> lines = jdbc.sql("""
                SELECT position, category, applied_sek, approved_sek FROM project_budget_line WHERE funded_partnership_id = ? ORDER BY position
                """).param(id).query().listOfRows();
        assertThat(lines).extracting(l -> l.get("applied_sek")).containsExactly(100_000L, 50_000L, 50_001L);
        assertThat(lines).extracting(l -> (Long) l.get("approved_sek")).containsExactly(75_000L, 37_500L, 37_500L);
        assertThat(lines.stream().mapToLong(l -> (Long) l.get("approved_sek")).sum()).isEqualTo(150_000L);
        Map<String, Object> project = jdbc.sql("SELECT application_id, title, starts_on, ends_on FROM funded_partnership WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(project.get("application_id")).isEqualTo(application);
        assertThat(project.get("title")).isEqualTo("Dialog i Kisumu");
        LocalDate starts = ((java.sql.Date) project.get("starts_on")).toLocalDate();
        assertThat(((java.sql.Date) project.get("ends_on")).toLocalDate()).isEqualTo(starts.plusYears(2).minusDays(1));
        List<Map<String, Object>> reports = jdbc.sql("""
                SELECT kind, period_from, period_to, due_on, status FROM project_report WHERE funded_partnership_id = ? ORDER BY position
                """).param(id).query().listOfRows();
        assertThat(reports).extracting(r -> r.get("kind")).containsExactly("annual", "final");
        assertThat(((java.sql.Date) reports.get(0).get("due_on")).toLocalDate())
                .isEqualTo(starts.plusYears(1).minusDays(1).plusMonths(2));
        assertThat(((java.sql.Date) reports.get(1).get("period_from")).toLocalDate()).isEqualTo(starts.plusYears(1));
        assertThat(((java.sql.Date) reports.get(1).get("due_on")).toLocalDate())
                .isEqualTo(starts.plusYears(2).minusDays(1).plusDays(60));
        assertThat(jdbc.sql("SELECT name FROM project_contact WHERE funded_partnership_id = ? ORDER BY position")
                .param(id).query(String.class).list()).containsExactly("Karin Kontakt", "Achieng Otieno");
        // the officers' export names the project by its application's reference number, its partner's country by name
        var exported = Workbooks.read(bytes(olle(), "/uppfoljning/export.xlsx").body());
        var projects = exported.sheet("Projekt");
        int row = java.util.stream.IntStream.range(2, projects.size())
                .filter(r -> Workbooks.texts(projects, r).getFirst().equals(reference)).findFirst().orElseThrow();
        assertThat(Workbooks.texts(projects, row)).contains("Dialog i Kisumu", "Kenya").doesNotContain(key);
        assertThat(Workbooks.cell(projects, row, 5).asDate().toLocalDate()).isEqualTo(starts);
        assertThat(exported.sheets().values().stream().flatMap(List::stream).flatMap(r -> r.stream())
                .filter(java.util.Objects::nonNull).map(c -> c.getText())).doesNotContain(key);

        // the grantee sees it among its projects, with the agreement to accept and the next report
        HttpClient anna = anna();
        String mine = page(anna, "/mina-projekt");
        assertThat(mine).contains("Dialog i Kisumu").contains("Avtal att godkänna");
        String projectPage = page(anna, "/mina-projekt/" + key);
        assertThat(projectPage).contains("75 000").contains("150 000").contains("Karin Kontakt").contains("Årsredovisning 1")
                .contains("/mina-projekt/" + key + "/redovisningar/");
        assertThat(page(anna, "/en/my-projects/" + key)).contains("SEK 150,000").contains("Annual report 1");
        agreementOfAPublishedGrantNamesItsReferenceAndThePartiesAndIsSignedByBoth(anna, officer, key, reference);
        // publishing delivered again establishes nothing twice
        transactions.executeWithoutResult(s -> events.publishEvent(
                new se.partnerskap.assessment.RoundPublished(round, NOW, List.of(application))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%RoundPublished' AND serialized_event LIKE ?
                  AND completion_date IS NULL
                """).param("%" + round + "%").query(Integer.class).single() == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM project_report WHERE funded_partnership_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(2);
    }

    /**
     * The agreement of a grant from the portal: the reference number in the text, the footer and the file
     * name (never the internal key), the parties with organisation numbers, the period, the approved budget
     * with its total, payment, reporting, repayment and termination terms, the guidelines, and a signature
     * block that each party's signing fills in.
     */
    private void agreementOfAPublishedGrantNamesItsReferenceAndThePartiesAndIsSignedByBoth(HttpClient anna,
            HttpClient officer, String key, String reference) {
        jdbc.sql("UPDATE swedish_organisation SET organisation_number = '212000-0001' WHERE id = ?").param(karlstad)
                .update();
        try {
            HttpResponse<byte[]> pdf = bytes(anna, "/mina-projekt/" + key + "/avtal.pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .contains("avtal-" + reference + ".pdf").doesNotContain("decision"));
            String sv = flat(text(pdf.body()));
            assertThat(sv).doesNotContain("decision:").contains("Avtal " + reference)
                    .contains("Diarienummer " + reference)
                    .contains("Bidragsgivare ICLD – Internationellt centrum för lokal demokrati")
                    .contains("Söderväg 1D, 621 58 Visby")
                    .contains("Bidragsmottagare Karlstads kommun, organisationsnummer 212000-0001")
                    .contains("Kisumu County").contains("Projektperiod")
                    .contains("Resor").contains("75 000 kr").contains("Summa 150 000 kr")
                    .contains("Utbetalning").contains("Redovisning").contains("Årsredovisning")
                    .contains("Återbetalning").contains("ska betala tillbaka")
                    .contains("Uppsägning och hävning")
                    .contains("Riktlinjer och budgetriktlinjer för Kommunala partnerskap (i den lydelse som gällde")
                    .contains("ansökan " + reference)
                    .contains("Underskrifter").contains("Part Namn Roll Ort Datum").contains("Ännu inte undertecknat")
                    .containsPattern("Sida 1 av \\d");
            String en = flat(text(bytes(anna, "/en/my-projects/" + key + "/avtal.pdf").body()));
            assertThat(en).doesNotContain("decision:").contains("Agreement " + reference).contains("Reference " + reference)
                    .contains("Grantee Karlstads kommun, organisation number 212000-0001").contains("Total SEK 150,000")
                    .contains("Repayment").contains("Termination").contains("Not signed yet")
                    .containsPattern("Page 1 of \\d");

            clock.set(Instant.parse("2027-01-20T13:00:00Z"));
            String projectPage = page(anna, "/mina-projekt/" + key);
            HttpResponse<String> noPlace = postForm(anna, "/mina-projekt/" + key + "/avtal", projectPage, Map.of(
                    "signatoryName", "Eva Ek", "signatoryRole", "Kommundirektör"));
            assertThat(noPlace.statusCode()).isEqualTo(422);
            assertThat(noPlace.body()).contains("Skriv orten där avtalet undertecknas.")
                    .contains("value=\"Kommundirektör\"");
            assertThat(postForm(anna, "/mina-projekt/" + key + "/avtal", projectPage, Map.of("signatoryName", "Eva Ek",
                    "signatoryRole", "Kommundirektör", "signatoryPlace", "Karlstad")).statusCode()).isEqualTo(302);
            String followUpPage = page(officer, "/uppfoljning/projekt/" + key);
            HttpResponse<String> noRole = postForm(officer, "/uppfoljning/projekt/" + key + "/kontrasignera", followUpPage,
                    Map.of("countersignName", "Olle Bergström", "countersignPlace", "Visby"));
            assertThat(noRole.statusCode()).isEqualTo(422);
            assertThat(noRole.body()).contains("Skriv rollen för den som kontrasignerar avtalet.")
                    .contains("value=\"Olle Bergström\"");
            clock.set(Instant.parse("2027-01-22T08:00:00Z"));
            assertThat(postForm(officer, "/uppfoljning/projekt/" + key + "/kontrasignera", followUpPage, Map.of(
                    "countersignName", "Olle Bergström", "countersignRole", "Handläggare", "countersignPlace", "Visby"))
                    .statusCode()).isEqualTo(302);
            byte[] signedPdf = bytes(anna, "/mina-projekt/" + key + "/avtal.pdf").body();
            se.partnerskap.support.DocumentImages.write(signedPdf, "agreement-sv");
            String signed = flat(text(signedPdf));
            assertThat(signed).contains("Olle Bergström Handläggare Visby 22 januari 2027")
                    .contains("Karlstads kommun Eva Ek Kommundirektör Karlstad 20 januari 2027")
                    .doesNotContain("Ännu inte undertecknat").doesNotContain("decision:");
            assertThat(flat(text(bytes(officer, "/en/follow-up/projekt/" + key + "/avtal.pdf").body())))
                    .contains("Olle Bergström Handläggare Visby 22 January 2027");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            jdbc.sql("UPDATE swedish_organisation SET organisation_number = NULL WHERE id = ?").param(karlstad).update();
        }
    }

    private void section(UUID id, String key, String answers) {
        jdbc.sql("""
                INSERT INTO application_section (application_id, section_key, answers, state, version)
                VALUES (?, ?, ?::jsonb, 'completed', 1)
                """).params(id, key, answers).update();
    }

    @Test
    void theBudgetIsScaledInWholeKronorToAddUpToTheGrant() {
        assertThat(Projects.scale(new long[] {1, 1, 1}, 100)).containsExactly(34, 33, 33);
        assertThat(Projects.scale(new long[] {0, 0}, 500)).containsExactly(500, 0);
        assertThat(Projects.scale(new long[] {300_000, 100_000}, 400_000)).containsExactly(300_000, 100_000);
        assertThat(Projects.schedule(LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), 60))
                .extracting(Projects.ReportPeriod::kind).containsExactly("annual", "annual", "final");
        assertThat(Projects.schedule(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), 60)).singleElement()
                .satisfies(r -> assertThat(r.dueOn()).isEqualTo(LocalDate.of(2027, 4, 29)));
    }

    // --- the agreement -----------------------------------------------------------------------------

    @Test
    void theGranteeAcceptsTheAgreementOnceAndTheOfficerCountersignsIt() throws Exception {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        HttpClient anna = anna();
        String base = "/mina-projekt/" + p.key();

        HttpResponse<byte[]> pdf = bytes(anna, base + "/avtal.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(text(pdf.body())).contains("Avtal om bidrag").contains("Projekt karlstad").contains("Karlstad")
                .contains("200 000 kr").contains("Resor till Kisumu").contains("Årsredovisning");
        assertThat(text(bytes(anna, "/en/my-projects/" + p.key() + "/avtal.pdf").body())).contains("Grant agreement")
                .contains("SEK 200,000");

        String page = page(anna, base);
        HttpResponse<String> empty = postForm(anna, base + "/avtal", page, Map.of("signatoryName", " ", "signatoryRole", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("error-summary").contains("Skriv namnet på den som godkänner avtalet.")
                .contains("href=\"#agreement-signatoryName\"");
        assertThat(accepted(p.id())).isNull();

        clock.set(Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(postForm(anna, base + "/avtal", page, Map.of("signatoryName", "Eva Ek", "signatoryRole", "Kommundirektör",
                "signatoryPlace", "Karlstad")).statusCode()).isEqualTo(302);
        Map<String, Object> a = jdbc.sql("SELECT * FROM project_agreement WHERE funded_partnership_id = ?").param(p.id())
                .query().singleRow();
        assertThat(a.get("accepted_name")).isEqualTo("Eva Ek");
        assertThat(a.get("accepted_role")).isEqualTo("Kommundirektör");
        assertThat(a.get("accepted_by")).isEqualTo(DemoUsers.ANNA.email());
        assertThat(((Timestamp) a.get("accepted_at")).toInstant()).isEqualTo(Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(page(anna, base)).contains("Godkänt av Eva Ek, Kommundirektör, 2 december 2026 10:30");

        // a second acceptance is refused and changes nothing
        HttpResponse<String> again = postForm(anna, base + "/avtal", page, Map.of("signatoryName", "Someone Else", "signatoryRole", "Clerk",
                "signatoryPlace", "Kil"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Avtalet är redan godkänt. Inget har ändrats.")
                .contains("href=\"#agreement-form\"").contains("id=\"agreement-form\"");
        assertThat(jdbc.sql("SELECT accepted_name FROM project_agreement WHERE funded_partnership_id = ?").param(p.id())
                .query(String.class).single()).isEqualTo("Eva Ek");

        // the grantee cannot countersign; the officer can, once
        assertThat(postForm(anna, "/uppfoljning/projekt/" + p.key() + "/kontrasignera", page, COUNTERSIGN).statusCode())
                .isIn(403, 404);
        HttpClient officer = olle();
        String officerPage = page(officer, "/uppfoljning/projekt/" + p.key());
        assertThat(officerPage).contains("Kontrasignera avtalet");
        assertThat(postForm(officer, "/uppfoljning/projekt/" + p.key() + "/kontrasignera", officerPage, COUNTERSIGN).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT countersigned_by FROM project_agreement WHERE funded_partnership_id = ?").param(p.id())
                .query(String.class).single()).isEqualTo(DemoUsers.OLLE.email());
        HttpResponse<String> twice = postForm(officer, "/uppfoljning/projekt/" + p.key() + "/kontrasignera", officerPage, COUNTERSIGN);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("Avtalet är redan kontrasignerat. Inget har ändrats.");
        assertThat(audits(p.id(), "project-agreement-accepted")).isEqualTo(1);
        assertThat(audits(p.id(), "project-agreement-countersigned")).isEqualTo(1);
        // the officer is named, in the portal and in the PDF, not by a login address
        assertThat(flat(text(bytes(anna, base + "/avtal.pdf").body()))).contains("Eva Ek Kommundirektör Karlstad 2 december 2026")
                .contains("Olle B. Handläggare Visby 2 december 2026");
        assertThat(page(anna, base)).contains("Kontrasignerat av " + DemoUsers.OLLE.name())
                .doesNotContain("Kontrasignerat av " + DemoUsers.OLLE.email());
        assertThat(page(anna, base)).contains("Avtalet godkändes").contains("Avtalet kontrasignerades");
    }

    @Test
    void theCountersignedAgreementIsFrozenSoLaterChangesToTheProjectDoNotAlterWhatWasSigned() throws Exception {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        jdbc.sql("""
                UPDATE project_agreement SET accepted_name = 'Eva Ek', accepted_role = 'Kommundirektör',
                       accepted_by = 'anna', accepted_at = now() WHERE funded_partnership_id = ?
                """).param(p.id()).update();
        HttpClient officer = olle();
        String officerPage = page(officer, "/uppfoljning/projekt/" + p.key());
        assertThat(postForm(officer, "/uppfoljning/projekt/" + p.key() + "/kontrasignera", officerPage, COUNTERSIGN).statusCode())
                .isEqualTo(302);
        Map<String, Object> frozen = jdbc.sql("SELECT signed_pdf_sv, signed_pdf_en FROM project_agreement WHERE funded_partnership_id = ?")
                .param(p.id()).query().singleRow();
        byte[] sv = (byte[]) frozen.get("signed_pdf_sv");
        byte[] en = (byte[]) frozen.get("signed_pdf_en");
        assertThat(flat(text(sv))).contains("Projekt karlstad").contains("Resor till Kisumu").contains("Eva Ek Kommundirektör")
                .contains("Olle B. Handläggare Visby");
        assertThat(flat(text(en))).contains("Grant agreement").contains("Olle B. Handläggare Visby");

        // the project changes after signing: another title, another line, another end
        jdbc.sql("UPDATE funded_partnership SET title = 'Ett annat namn', ends_on = ends_on + 365 WHERE id = ?")
                .param(p.id()).update();
        jdbc.sql("UPDATE project_budget_line SET description = 'Något annat' WHERE funded_partnership_id = ? AND position = 1")
                .param(p.id()).update();
        assertThat(page(anna(), "/mina-projekt/" + p.key())).contains("Ett annat namn");

        // what the grantee and the officer download is what was signed, byte for byte
        for (var download : List.of(bytes(anna(), "/mina-projekt/" + p.key() + "/avtal.pdf"),
                bytes(officer, "/uppfoljning/projekt/" + p.key() + "/avtal.pdf"))) {
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(sv);
        }
        assertThat(bytes(anna(), "/en/my-projects/" + p.key() + "/avtal.pdf").body()).isEqualTo(en);
        assertThat(text(sv)).doesNotContain("Ett annat namn").doesNotContain("Något annat");
        assertThat(jdbc.sql("""
                SELECT details->>'sha256Sv' FROM audit_entry WHERE subject_id = ? AND action = 'project-agreement-countersigned'
                """).param(p.id().toString()).query(String.class).single()).isEqualTo(se.partnerskap.shared.Sha256.hex(sv));
    }

    @Test
    void anAgreementCountersignedBeforeCopiesWereKeptIsStillShown() throws Exception {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        jdbc.sql("""
                UPDATE project_agreement SET accepted_name = 'Eva Ek', accepted_role = 'Kommundirektör', accepted_by = 'anna',
                       accepted_at = now(), countersigned_by = ?, countersigned_at = now() WHERE funded_partnership_id = ?
                """).params(DemoUsers.OLLE.email(), p.id()).update();
        HttpResponse<byte[]> pdf = bytes(anna(), "/mina-projekt/" + p.key() + "/avtal.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        // signed before place and the countersigner's role were asked for: the officer by name, the place blank
        assertThat(flat(text(pdf.body()))).contains("Projekt karlstad").contains("Eva Ek Kommundirektör")
                .contains(DemoUsers.OLLE.name()).doesNotContain("Ännu inte undertecknat");
    }

    private Object accepted(UUID project) {
        return jdbc.sql("SELECT accepted_at FROM project_agreement WHERE funded_partnership_id = ?").param(project)
                .query(Timestamp.class).optional().orElse(null);
    }

    // --- payments ------------------------------------------------------------------------------------

    @Test
    void anApprovedReportMakesItsReimbursementDueOnceAndTheFinalReportCompletesTheProject() {
        FundedPartnership p = karlstadProject(300_000, TestProgramme.KEY);
        UUID annual = report(p.id(), 1);
        approve(p.id(), annual, false, 120_000);
        approve(p.id(), annual, false, 120_000); // delivered twice
        assertThat(payments(p.id())).singleElement().satisfies(r -> {
            assertThat(r.get("kind")).isEqualTo("reimbursement");
            assertThat(r.get("amount_sek")).isEqualTo(120_000L);
            assertThat(r.get("status")).isEqualTo("due");
        });
        // reported costs above what is left are paid up to the approved budget
        approve(p.id(), report(p.id(), 2), true, 250_000);
        assertThat(payments(p.id())).extracting(r -> r.get("amount_sek")).containsExactly(120_000L, 180_000L);
        assertThat(jdbc.sql("SELECT status FROM funded_partnership WHERE id = ?").param(p.id()).query(String.class).single())
                .isEqualTo("completed");
        String page = page(olle(), "/uppfoljning/projekt/" + p.key());
        assertThat(page).contains("Att betala ut").contains("300 000").contains("Projektet avslutades");
    }

    @Test
    void aTrancheProgrammePaysOnCountersigningAndOnEachApprovedReportAndAsksBackWhatWasNotSpent() {
        fixtures.tranchesProgramme();
        FundedPartnership p = karlstadProject(100_000, FollowUpFixtures.TRANCHES);
        jdbc.sql("UPDATE project_agreement SET accepted_name = 'Eva Ek', accepted_role = 'Direktör', accepted_by = 'x', accepted_at = now() WHERE funded_partnership_id = ?")
                .param(p.id()).update();
        HttpClient officer = olle();
        String page = page(officer, "/uppfoljning/projekt/" + p.key());
        assertThat(page).contains("Förskott i delutbetalningar");
        assertThat(postForm(officer, "/uppfoljning/projekt/" + p.key() + "/kontrasignera", page, COUNTERSIGN).statusCode())
                .isEqualTo(302);
        assertThat(payments(p.id())).singleElement().satisfies(r -> {
            assertThat(r.get("kind")).isEqualTo("tranche");
            assertThat(r.get("tranche_position")).isEqualTo(1);
            assertThat(r.get("amount_sek")).isEqualTo(40_000L);
        });
        UUID annual = report(p.id(), 1);
        approve(p.id(), annual, false, 10_000);
        approve(p.id(), annual, false, 10_000);
        approve(p.id(), report(p.id(), 2), true, 30_000);
        assertThat(payments(p.id())).extracting(r -> r.get("kind") + ":" + r.get("amount_sek"))
                .containsExactly("tranche:40000", "tranche:40000", "tranche:20000", "repayment:60000");
        String after = page(officer, "/uppfoljning/projekt/" + p.key());
        assertThat(after).contains("Att återbetala").contains("60 000");
        assertThat(page(anna(), "/en/my-projects/" + p.key())).contains("To be repaid").contains("SEK 60,000");
    }

    @Test
    void anOfficerReleasesADuePaymentWithADateAndAReferenceOnce() {
        FundedPartnership p = karlstadProject(300_000, TestProgramme.KEY);
        approve(p.id(), report(p.id(), 1), false, 50_000);
        UUID payment = (UUID) payments(p.id()).getFirst().get("id");
        HttpClient officer = olle();
        String path = "/uppfoljning/projekt/" + p.key() + "/utbetalningar/" + payment;
        String page = page(officer, "/uppfoljning/projekt/" + p.key());
        for (Map<String, String> bad : List.of(
                Map.of("releasedOn", "2026-11-30", "reference", " "),
                Map.of("releasedOn", "", "reference", "VER-1"),
                Map.of("releasedOn", "2026-12-24", "reference", "VER-1"),
                Map.of("releasedOn", "30/11/2026", "reference", "VER-1"))) {
            HttpResponse<String> refused = postForm(officer, path, page, bad);
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(422);
            assertThat(refused.body()).contains("error-summary").contains("href=\"#payment-" + payment);
            assertThat(payments(p.id()).getFirst().get("status")).isEqualTo("due");
        }
        assertThat(postForm(officer, path, page, Map.of("releasedOn", "2026-11-30", "reference", "VER-1")).body())
                .doesNotContain("error-summary");
        Map<String, Object> released = payments(p.id()).getFirst();
        assertThat(released.get("status")).isEqualTo("released");
        assertThat(released.get("reference")).isEqualTo("VER-1");
        HttpResponse<String> again = postForm(officer, path, page, Map.of("releasedOn", "2026-12-01", "reference", "VER-2"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Betalningen är redan registrerad. Inget har ändrats.");
        assertThat(payments(p.id()).getFirst().get("reference")).isEqualTo("VER-1");
        assertThat(audits(p.id(), "project-payment-released")).isEqualTo(1);
        assertThat(page(anna(), "/mina-projekt/" + p.key())).contains("Utbetald 30 november 2026, referens VER-1")
                .contains("En utbetalning gjordes");
    }

    private UUID report(UUID project, int position) {
        return jdbc.sql("SELECT id FROM project_report WHERE funded_partnership_id = ? AND position = ?")
                .params(project, position).query(UUID.class).single();
    }

    /** As the reports' review does it: the report approved and the event published in one transaction. */
    private void approve(UUID project, UUID report, boolean finalReport, long eligible) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("UPDATE project_report SET status = 'approved', eligible_sek = ?, reviewed_by = ?, reviewed_at = now() WHERE id = ?")
                    .params(eligible, DemoUsers.OLLE.email(), report).update();
            events.publishEvent(new ReportApproved(project, report, finalReport, eligible, clock.instant(),
                    DemoUsers.OLLE.email()));
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%ReportApproved' AND serialized_event LIKE ?
                  AND completion_date IS NULL
                """).param("%" + report + "%").query(Integer.class).single() == 0);
    }

    private List<Map<String, Object>> payments(UUID project) {
        return jdbc.sql("""
                SELECT id, kind, amount_sek, tranche_position, status, reference FROM project_payment
                WHERE funded_partnership_id = ? ORDER BY due_since, kind DESC, tranche_position
                """).param(project).query().listOfRows();
    }

    private int audits(UUID project, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                .params(project.toString(), action).query(Integer.class).single();
    }

    // --- changes -------------------------------------------------------------------------------------

    @Test
    void aChangeRequestWithBadInputIsRefusedFieldByFieldAndNothingIsStored() {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        HttpClient anna = anna();
        String base = "/mina-projekt/" + p.key();
        String page = page(anna, base);
        List<Map<String, String>> bad = List.of(
                Map.of("kind", "extension", "newEndsOn", "2027-06-30", "reason", "Mer tid"),
                Map.of("kind", "extension", "newEndsOn", "snart", "reason", "Mer tid"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "-5000", "reason", "Dyrare resor"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "0", "reason", "Dyrare resor"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "100001", "reason", "Dyrare resor"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "9".repeat(40), "reason", "Dyrare resor"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "-" + "9".repeat(40), "reason", "Dyrare resor"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "1", "amount", "1000", "reason", "Dyrare resor"),
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "1000", "reason", " "),
                Map.of("kind", "", "reason", "Något"));
        for (Map<String, String> form : bad) {
            HttpResponse<String> r = postForm(anna, base + "/andringar", page, form);
            assertThat(r.statusCode()).as(form.toString()).isEqualTo(422);
            assertThat(r.body()).as(form.toString()).contains("error-summary").contains("field-error");
        }
        HttpResponse<String> kept = postForm(anna, base + "/andringar", page,
                Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2", "amount", "-5000", "reason", "Dyrare resor"));
        assertThat(kept.body()).contains("Beloppet måste vara större än noll.").contains("value=\"-5000\"")
                .contains(">Dyrare resor</textarea>");
        assertThat(jdbc.sql("SELECT count(*) FROM project_change_request WHERE funded_partnership_id = ?").param(p.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anApprovedExtensionMovesTheEndAndTheFinalReportAndARefusedBudgetMoveChangesNothing() {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        HttpClient anna = anna();
        String base = "/mina-projekt/" + p.key();
        String page = page(anna, base);
        assertThat(postForm(anna, base + "/andringar", page,
                Map.of("kind", "extension", "newEndsOn", "2028-06-30", "reason", "Valet försenade arbetet")).statusCode())
                .isEqualTo(302);
        assertThat(postForm(anna, base + "/andringar", page, Map.of("kind", "budget-move", "fromLine", "1", "toLine", "2",
                "amount", "25 000", "reason", "Fler möten"))).satisfies(r -> assertThat(r.statusCode()).isEqualTo(302));
        List<UUID> changes = jdbc.sql("SELECT id FROM project_change_request WHERE funded_partnership_id = ? ORDER BY requested_at, kind DESC")
                .param(p.id()).query(UUID.class).list();
        assertThat(changes).hasSize(2);

        HttpClient officer = olle();
        String officerPage = page(officer, "/uppfoljning/projekt/" + p.key());
        assertThat(page(officer, "/uppfoljning?flag=change-pending")).contains(p.key());
        String extension = "/uppfoljning/projekt/" + p.key() + "/andringar/" + changes.get(0);
        String move = "/uppfoljning/projekt/" + p.key() + "/andringar/" + changes.get(1);
        assertThat(postForm(officer, extension, officerPage, Map.of("decision", "approve", "comment", "")).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT ends_on FROM funded_partnership WHERE id = ?").param(p.id()).query(LocalDate.class)
                .single()).isEqualTo(LocalDate.of(2028, 6, 30));
        Map<String, Object> last = jdbc.sql("SELECT period_to, due_on FROM project_report WHERE funded_partnership_id = ? AND kind = 'final'")
                .param(p.id()).query().singleRow();
        assertThat(((java.sql.Date) last.get("period_to")).toLocalDate()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(((java.sql.Date) last.get("due_on")).toLocalDate()).isEqualTo(LocalDate.of(2028, 8, 29));
        // deciding again changes nothing
        HttpResponse<String> again = postForm(officer, extension, officerPage, Map.of("decision", "refuse", "comment", "Nej"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Begäran är redan beslutad. Inget har ändrats.");

        // a refusal needs a comment
        HttpResponse<String> noComment = postForm(officer, move, officerPage, Map.of("decision", "refuse", "comment", ""));
        assertThat(noComment.statusCode()).isEqualTo(422);
        assertThat(noComment.body()).contains("Skriv varför begäran avslås.");
        assertThat(postForm(officer, move, officerPage, Map.of("decision", "refuse", "comment", "Resorna är redan dyra"))
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT approved_sek FROM project_budget_line WHERE funded_partnership_id = ? ORDER BY position")
                .param(p.id()).query(Long.class).list()).containsExactly(100_000L, 100_000L);

        String history = page(anna, base);
        assertThat(history).contains("En ändring begärdes").contains("En ändring godkändes").contains("En ändring avslogs")
                .contains("Valet försenade arbetet").contains("Resorna är redan dyra").contains("30 juni 2028");
    }

    @Test
    void anApprovedBudgetMoveMovesTheAmountAndKeepsTheTotal() {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        HttpClient anna = anna();
        String base = "/mina-projekt/" + p.key();
        assertThat(postForm(anna, base + "/andringar", page(anna, base), Map.of("kind", "budget-move", "fromLine", "1",
                "toLine", "2", "amount", "25000", "reason", "Fler möten")).statusCode()).isEqualTo(302);
        UUID change = jdbc.sql("SELECT id FROM project_change_request WHERE funded_partnership_id = ?").param(p.id())
                .query(UUID.class).single();
        HttpClient officer = olle();
        approve(p.id(), report(p.id(), 1), false, 40_000);
        // every text of the pages comes from the bundles, in both languages
        for (String path : List.of("/uppfoljning/projekt/" + p.key(), "/en/follow-up/projekt/" + p.key(), "/uppfoljning",
                "/en/follow-up")) {
            assertThat(page(officer, path)).as(path).doesNotContainPattern("followup\\.[a-z]");
        }
        for (String path : List.of(base, "/en/my-projects/" + p.key(), "/mina-projekt", "/en/my-projects")) {
            assertThat(page(anna, path)).as(path).doesNotContainPattern("followup\\.[a-z]");
        }
        assertThat(postForm(officer, "/uppfoljning/projekt/" + p.key() + "/andringar/" + change,
                page(officer, "/uppfoljning/projekt/" + p.key()), Map.of("decision", "approve")).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT approved_sek FROM project_budget_line WHERE funded_partnership_id = ? ORDER BY position")
                .param(p.id()).query(Long.class).list()).containsExactly(75_000L, 125_000L);
        assertThat(audits(p.id(), "project-change-approved")).isEqualTo(1);
    }

    // --- who sees what -------------------------------------------------------------------------------

    @Test
    void anotherOrganisationsProjectIsNotFoundAtEveryAddress() {
        FundedPartnership p = karlstadProject(200_000, TestProgramme.KEY);
        HttpClient per = loggedInAs(DemoUsers.PER.email(), DemoUsers.PASSWORD);
        String base = "/mina-projekt/" + p.key();
        String page = page(per, "/mina-projekt");
        assertThat(page).doesNotContain(p.key());
        for (String path : List.of(base, base + "/avtal.pdf", "/en/my-projects/" + p.key(),
                "/en/my-projects/" + p.key() + "/avtal.pdf", "/mina-projekt/followup-test-nothing-here")) {
            HttpResponse<String> r = get(per, path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("Projekt karlstad");
        }
        assertThat(postForm(per, base + "/avtal", page, Map.of("signatoryName", "Per", "signatoryRole", "Direktör")).statusCode())
                .isEqualTo(404);
        assertThat(postForm(per, base + "/andringar", page, Map.of("kind", "extension", "newEndsOn", "2030-01-01",
                "reason", "x")).statusCode()).isEqualTo(404);
        assertThat(accepted(p.id())).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM project_change_request WHERE funded_partnership_id = ?").param(p.id())
                .query(Integer.class).single()).isZero();
        // and the officers' pages are not for applicants
        assertThat(get(per, "/uppfoljning").statusCode()).isIn(403, 404);
        assertThat(get(per, "/uppfoljning/projekt/" + p.key()).statusCode()).isIn(403, 404);
        assertThat(get(per, "/uppfoljning/export.xlsx").statusCode()).isIn(403, 404);
    }

    // --- the officers' view and export ---------------------------------------------------------------

    @Test
    void theFollowUpViewFlagsWhatNeedsAttentionAndTheExportHasProjectsPaymentsAndReports() throws Exception {
        FundedPartnership p = karlstadProject(300_000, TestProgramme.KEY);
        approve(p.id(), report(p.id(), 1), false, 50_000);
        HttpClient officer = olle();
        String list = page(officer, "/uppfoljning");
        assertThat(list).contains(p.key()).contains("Avtalet är inte godkänt").contains("Utbetalning att göra")
                .contains("/uppfoljning/redovisningar");
        assertThat(page(officer, "/uppfoljning?flag=payment-due")).contains(p.key());
        assertThat(page(officer, "/uppfoljning?flag=report-returned")).doesNotContain(p.key());
        assertThat(page(officer, "/en/follow-up?flag=payment-due")).contains("Payment due").contains("SEK 300,000");

        HttpResponse<byte[]> xlsx = bytes(officer, "/uppfoljning/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        Map<String, String> entries = unzip(xlsx.body());
        assertThat(entries.keySet()).contains("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml");
        String all = String.join("\n", entries.values());
        assertThat(entries.get("xl/workbook.xml")).contains("Projekt").contains("Utbetalningar").contains("Redovisningar");
        assertThat(all).contains(p.key()).contains("Slutredovisning").contains("300000").contains("50000");
        // read as a reader of it: a document title, each sheet under its title with its headings frozen,
        // amounts as numbers and dates as dates
        Workbooks book = Workbooks.read(xlsx.body());
        assertThat(book.title()).isEqualTo("Uppföljning av projekten");
        assertThat(book.sheets().keySet()).containsExactly("Projekt", "Utbetalningar", "Redovisningar");
        for (int sheet = 1; sheet <= 3; sheet++) {
            assertThat(book.frozenRows(sheet)).isEqualTo(2);
        }
        var projects = book.sheet("Projekt");
        assertThat(Workbooks.texts(projects, 0).getFirst()).isEqualTo("Uppföljning: Projekt");
        assertThat(Workbooks.texts(projects, 1)).startsWith("Diarienummer", "Projekt", "Svensk part", "Partnerland");
        int row = java.util.stream.IntStream.range(2, projects.size())
                .filter(r -> Workbooks.texts(projects, r).getFirst().equals(p.key())).findFirst().orElseThrow();
        assertThat(Workbooks.cell(projects, row, 5).asDate().toLocalDate()).isEqualTo(p.startsOn());
        assertThat(Workbooks.cell(projects, row, 5).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(Workbooks.cell(projects, row, 7).asNumber()).isEqualByComparingTo("300000");
        var reports = book.sheet("Redovisningar");
        int final_ = java.util.stream.IntStream.range(2, reports.size())
                .filter(r -> Workbooks.texts(reports, r).getFirst().equals(p.key())
                        && Workbooks.texts(reports, r).get(2).equals("Slutredovisning")).findFirst().orElseThrow();
        assertThat(Workbooks.cell(reports, final_, 5).asDate().toLocalDate()).isAfter(p.startsOn());
        // in English as well (fastexcel writes non-ASCII letters as character references)
        String en = String.join("\n", unzip(bytes(officer, "/en/follow-up/export.xlsx?flag=payment-due").body()).values());
        assertThat(en).contains(p.key()).contains("Reimbursement").contains("Final report").contains("Not started")
                .contains("Payment due");
    }

    /** A page's HTML with the no-break spaces of amounts and dates as plain spaces. */
    private String page(HttpClient client, String path) {
        return get(client, path).body().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private HttpResponse<byte[]> bytes(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text with its line breaks as spaces, so that a table row reads as one line. */
    private static String flat(String text) {
        return text.replaceAll("[ \\t]*\\R[ \\t]*", " ");
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("follow-up", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    entries.put(e.getName(), new String(in.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return entries;
    }
}

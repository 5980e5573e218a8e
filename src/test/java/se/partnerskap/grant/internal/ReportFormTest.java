package se.partnerskap.grant.internal;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import se.partnerskap.notification.MailCatcher;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormTest extends ReportFixtures {

    private static final LocalDate AFTER_PERIOD = LocalDate.of(2027, 1, 15);

    private List<MailCatcher.CaughtMail> mailsAbout(UUID report, String to, int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(report, to).size() >= atLeast);
        return mailsAbout(report, to);
    }

    private List<MailCatcher.CaughtMail> mailsAbout(UUID report, String to) {
        return mail.messagesTo(to).stream()
                .filter(m -> m.headers().stream().anyMatch(h -> h.equals("X-Partnerskap-Report: " + report))).toList();
    }

    @Test
    void memberSeesKindPeriodLanguageCoreAreasAndBudgetInBothLanguages() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);

        HttpResponse<String> sv = get(anna, path(p, report));
        assertThat(sv.statusCode()).isEqualTo(200);
        assertThat(sv.body()).contains("Årsredovisning 1").contains("1 januari 2026 – 31 december 2026")
                .contains("1 mars 2027").contains("skrivs på engelska")
                .contains("name=\"area." + p.coreAreas().get(0) + "\"").contains("name=\"actual.1\"")
                .contains(money(100_000)).contains(money(170_000)).contains("Resor till Kisumu")
                .contains("hx-post=\"" + path(p, report) + "\"");

        HttpResponse<String> en = get(anna, enPath(p, report));
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Annual report 1").contains("written in English").contains("SEK\u00a0100,000")
                .contains("Financial statement");
    }

    @Test
    void anotherOrganisationsReportIsNotFoundAtEveryAddress() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();
        assertThat(upload(anna, path(p, report) + "/bilagor", csrf(page), "a.pdf", pdf()).statusCode()).isEqualTo(302);
        String attachment = jdbc.sql("SELECT id FROM project_report_attachment WHERE report_id = ?").param(report)
                .query(UUID.class).single().toString();

        HttpClient per = loggedInAs(PER, PASSWORD);
        String perPage = get(per, "/konto").body();
        for (String base : List.of(path(p, report), enPath(p, report))) {
            assertThat(get(per, base).statusCode()).as(base).isEqualTo(404);
            assertThat(get(per, base + "/kvitto").statusCode()).isEqualTo(404);
            assertThat(get(per, base + "/bilagor/" + attachment).statusCode()).isEqualTo(404);
            assertThat(post(per, base, perPage, complete(p, "100000"), false).statusCode()).isEqualTo(404);
            assertThat(post(per, base, perPage, Map.of("action", "submit", "version", "0"), false).statusCode()).isEqualTo(404);
            assertThat(post(per, base, perPage, Map.of("progress", "x", "version", "0"), true).statusCode()).isEqualTo(404);
            assertThat(post(per, base + "/konflikt", perPage, Map.of(), false).statusCode()).isEqualTo(404);
            assertThat(post(per, base + "/bilagor/" + attachment + "/ta-bort", perPage, Map.of(), false).statusCode()).isEqualTo(404);
            assertThat(upload(per, base + "/bilagor", csrf(perPage), "b.pdf", pdf()).statusCode()).isEqualTo(404);
        }
        // the right report under another project's key, and ids that are not ids
        ReportData.Project other = project();
        assertThat(get(anna, path(other, report)).statusCode()).isEqualTo(404);
        assertThat(get(anna, "/mina-projekt/" + p.key() + "/redovisningar/not-a-report").statusCode()).isEqualTo(404);
        assertThat(get(anna, path(p, report) + "/bilagor/not-an-id").statusCode()).isEqualTo(404);

        assertThat(version(report)).isZero(); // Anna's upload does not touch the answers
        assertThat(answers(report)).isEqualTo("{}");
        assertThat(jdbc.sql("SELECT count(*) FROM project_report_attachment WHERE report_id = ?").param(report)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void draftIsSavedByButtonAndByAutosaveAndANegativeAmountSavesNothing() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();

        HttpResponse<String> saved = post(anna, path(p, report), page,
                Map.of("version", "0", "progress", "Half way there", "actual.1", "12 000", "action", "save"), false);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(status(report)).isEqualTo("draft");
        assertThat(version(report)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actual_sek FROM project_report_line WHERE report_id = ? AND position = 1").param(report)
                .query(Long.class).single()).isEqualTo(12_000L);
        assertThat(get(anna, path(p, report)).body()).contains("Half way there").contains("value=\"12 000\"");

        HttpResponse<String> autosaved = post(anna, path(p, report), page,
                Map.of("version", "1", "progress", "Half way there, and more", "actual.1", "13000"), true);
        assertThat(autosaved.statusCode()).isEqualTo(200);
        assertThat(autosaved.body()).contains("id=\"autosave\"").contains("name=\"version\" value=\"2\"").contains("Sparat");
        assertThat(answers(report)).contains("Half way there, and more");

        HttpResponse<String> negative = post(anna, path(p, report), page,
                Map.of("version", "2", "progress", "Changed", "actual.1", "-500", "action", "save"), false);
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).contains("error-summary").contains("href=\"#f-actual-1\"")
                .contains("Beloppet kan inte vara negativt").contains("value=\"-500\"").contains("Changed");
        assertThat(version(report)).isEqualTo(2);
        assertThat(answers(report)).doesNotContain("Changed");
        assertThat(jdbc.sql("SELECT actual_sek FROM project_report_line WHERE report_id = ? AND position = 1").param(report)
                .query(Long.class).single()).isEqualTo(13_000L);

        HttpResponse<String> autosaveNegative = post(anna, path(p, report), page,
                Map.of("version", "2", "actual.1", "-1"), true);
        assertThat(autosaveNegative.body()).contains("Inte sparat");
        assertThat(version(report)).isEqualTo(2);

        // forty nines: a field error, on save and on autosave, never a server error
        String nines = "9".repeat(40);
        HttpResponse<String> huge = post(anna, path(p, report), page,
                Map.of("version", "2", "progress", "Changed", "actual.1", nines, "action", "save"), false);
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(huge.body()).contains("href=\"#f-actual-1\"").contains("Beloppet är för stort").contains("value=\"" + nines + "\"");
        assertThat(post(anna, path(p, report), page, Map.of("version", "2", "actual.1", nines), true).body()).contains("Inte sparat");
        assertThat(version(report)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'report.saved'")
                .param(report.toString()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aConflictingSaveKeepsBothVersions() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();
        post(anna, path(p, report), page, Map.of("version", "0", "progress", "Colleague text"), false);

        HttpResponse<String> autosaved = post(anna, path(p, report), page, Map.of("version", "0", "progress", "My text"), true);
        assertThat(autosaved.body()).contains("någon annan har sparat").contains("name=\"version\" value=\"0\"");
        HttpResponse<String> late = post(anna, path(p, report), page, Map.of("version", "0", "progress", "My text"), false);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("My text").contains("Colleague text").contains("Spara min version");
        assertThat(answers(report)).contains("Colleague text").doesNotContain("My text");
        // the refused text is kept: reopening shows it again
        assertThat(get(anna, path(p, report)).body()).contains("My text").contains("Behåll den sparade versionen");

        HttpResponse<String> mine = post(anna, path(p, report), page, Map.of("version", "1", "progress", "My text"), false);
        assertThat(mine.statusCode()).isEqualTo(302);
        assertThat(answers(report)).contains("My text");
        assertThat(jdbc.sql("SELECT count(*) FROM project_report_conflict WHERE report_id = ? AND resolved_at IS NULL")
                .param(report).query(Integer.class).single()).isZero();
    }

    @Test
    void submittingBeforeThePeriodIsOverIsRefusedAndNothingChanges() {
        ReportData.Project p = project();
        UUID report = annual(p);
        clock.set(noon(LocalDate.of(2026, 12, 31)));
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();
        Map<String, String> fields = new java.util.HashMap<>(complete(p, "100000"));
        fields.put("version", "0");
        fields.put("action", "submit");

        HttpResponse<String> refused = post(anna, path(p, report), page, fields, false);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Perioden är inte slut förrän 31 december 2026")
                .contains("We trained 40 staff");
        assertThat(status(report)).isEqualTo("not-started");
        assertThat(version(report)).isZero();
    }

    @Test
    void submissionNeedsEveryAnswerAndAnExplanationForALargeVariance() {
        ReportData.Project p = project();
        UUID report = annual(p);
        clock.set(noon(AFTER_PERIOD));
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();
        Map<String, String> fields = new java.util.HashMap<>(complete(p, "125000")); // 25 % over the budget
        fields.put("results", "");
        fields.put("version", "0");
        fields.put("action", "submit");

        HttpResponse<String> refused = post(anna, path(p, report), page, fields, false);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#f-results\"").contains("href=\"#f-explanation-1\"")
                .contains("avviker från budgeten med mer än 10 procent").contains("value=\"125000\"");
        assertThat(status(report)).isEqualTo("not-started");

        fields.put("results", "Two routines.");
        fields.put("explanation.1", "Flights cost more than planned.");
        HttpResponse<String> submitted = post(anna, path(p, report), page, fields, false);
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith(path(p, report) + "/kvitto");
        assertThat(status(report)).isEqualTo("submitted");
        assertThat(jdbc.sql("SELECT explanation FROM project_report_line WHERE report_id = ? AND position = 1")
                .param(report).query(String.class).single()).isEqualTo("Flights cost more than planned.");

        HttpResponse<String> receipt = get(anna, path(p, report) + "/kvitto");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains("Redovisningen är inskickad").contains(money(193_000));
        MailCatcher.CaughtMail mailed = mailsAbout(report, ANNA, 1).getFirst();
        assertThat(mailed.subject()).contains("Redovisningen har tagits emot");
        assertThat(mailed.text()).contains(path(p, report));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'report.submitted'")
                .param(report.toString()).query(Integer.class).single()).isEqualTo(1);

        // a submitted report cannot be changed: a clear answer and nothing saved
        HttpResponse<String> again = post(anna, path(p, report), page,
                Map.of("version", "1", "progress", "Sneaky change", "action", "save"), false);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("kan inte längre ändras");
        assertThat(answers(report)).doesNotContain("Sneaky change");
        assertThat(post(anna, path(p, report), page, Map.of("version", "1", "progress", "x"), true).body())
                .contains("Inte sparat");
        assertThat(upload(anna, path(p, report) + "/bilagor", csrf(page), "late.pdf", pdf()).statusCode()).isEqualTo(409);
        assertThat(get(anna, path(p, report)).body()).contains("Flights cost more than planned.")
                .doesNotContain("name=\"actual.1\"");
    }

    @Test
    void attachmentsArePdfsThatMembersCanDownloadAndRemove() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String page = get(anna, path(p, report)).body();

        HttpResponse<String> notPdf = upload(anna, path(p, report) + "/bilagor", csrf(page), "fake.pdf",
                "just text pretending".getBytes());
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(notPdf.body()).contains("Filen är inte en PDF");
        HttpResponse<String> scripted = upload(anna, path(p, report) + "/bilagor", csrf(page), "skript.pdf", scriptedPdf());
        assertThat(scripted.statusCode()).isEqualTo(422);
        assertThat(scripted.body()).contains("PDF-filen innehåller JavaScript");
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        HttpResponse<String> tooLarge = upload(anna, path(p, report) + "/bilagor", csrf(page), "big.pdf", big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Filen är för stor. Den får vara högst 10 MB.");
        assertThat(jdbc.sql("SELECT count(*) FROM project_report_attachment WHERE report_id = ?").param(report)
                .query(Integer.class).single()).isZero();

        assertThat(upload(anna, path(p, report) + "/bilagor", csrf(page), "ekonomi.pdf", pdf()).statusCode()).isEqualTo(302);
        UUID attachment = jdbc.sql("SELECT id FROM project_report_attachment WHERE report_id = ?").param(report)
                .query(UUID.class).single();
        assertThat(get(anna, path(p, report)).body()).contains("ekonomi.pdf");
        HttpResponse<String> download = get(anna, path(p, report) + "/bilagor/" + attachment);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");

        assertThat(post(anna, path(p, report) + "/bilagor/" + attachment + "/ta-bort", page, Map.of(), false)
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM project_report_attachment WHERE report_id = ?").param(report)
                .query(Integer.class).single()).isZero();
    }

    /** A real PDF (made with PDFBox) that runs a script when opened. */
    private static byte[] scriptedPdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.getDocumentCatalog().setOpenAction(
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)"));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

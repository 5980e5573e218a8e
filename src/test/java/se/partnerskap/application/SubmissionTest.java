package se.partnerskap.application;

import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.DeadlinePassedException;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.Submissions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.partnerskap.application.SubmissionFixtures.DEADLINE;
import static se.partnerskap.application.SubmissionFixtures.DURING;

/** Submission through real HTTP against PostgreSQL, with the receipt caught by GreenMail. */
class SubmissionTest extends AbstractIntegrationTest {

    private static final Pattern REFERENCE = Pattern.compile("KP-2026-H-\\d{4}");
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Autowired
    Applications applications;

    @Autowired
    Submissions submissions;

    @Autowired
    SubmittedApplications submitted;

    SubmissionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(DURING);
    }

    private HttpClient anna() {
        return loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
    }

    private static String submitPath(UUID id) {
        return "/ansokningar/" + id + "/skicka-in";
    }

    private HttpResponse<String> submit(HttpClient client, UUID id) {
        String page = get(client, submitPath(id)).body();
        return postForm(client, submitPath(id), page, Map.of("key", key(page), "declaration", "yes"));
    }

    private static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("the submit form with its key").isTrue();
        return m.group(1);
    }

    private int submissionsOf(UUID id) {
        return jdbc.sql("SELECT count(*) FROM submission WHERE application_id = ?").param(id).query(Integer.class).single();
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single();
    }

    private String reference(UUID id) {
        return jdbc.sql("SELECT reference FROM application WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    @Test
    void submitInAnOpenRoundGivesAReferenceOneSnapshotAPdfAndAReceiptMail() throws IOException {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "kontakt-" + round + "@karlstad.example");
        HttpClient anna = anna();

        HttpResponse<String> page = get(anna, submitPath(id));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ansökan uppfyller villkoren").contains("200\u00a0000\u00a0kr");

        HttpResponse<String> response = postForm(anna, submitPath(id), page.body(),
                Map.of("key", key(page.body()), "declaration", "yes"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/ansokningar/" + id + "/kvitto");

        String reference = reference(id);
        assertThat(reference).matches(REFERENCE.pattern());
        assertThat(status(id)).isEqualTo("submitted");
        assertThat(submissionsOf(id)).isEqualTo(1);
        String snapshot = jdbc.sql("SELECT snapshot::text FROM submission WHERE application_id = ?").param(id)
                .query(String.class).single();
        assertThat(snapshot).contains(reference).contains("Kisumu County").contains("Karlstad")
                .contains("avsiktsforklaring.pdf").contains("\"sha256\"").contains(DemoUsers.ANNA.email())
                // the form it was filled against: the round's question in both languages, with its type
                .contains("Vad vill ni lära er?").contains("What do you want to learn?").contains("\"short-text\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.submitted' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);

        HttpResponse<String> receipt = get(anna, "/ansokningar/" + id + "/kvitto");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains("Ansökan är inskickad").contains(reference).contains("confirmation-panel");

        HttpResponse<byte[]> pdf = send(anna, "/ansokningar/" + id + "/kvitto.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(reference).contains("Karlstad").contains("Kisumu County")
                    .contains("Kenya").contains("200\u00a0000\u00a0kr".replace('\u00a0', ' ').substring(0, 3));
            // the copy names who submitted it by name, not by the address they log in with
            assertThat(text).contains(DemoUsers.ANNA.name()).doesNotContain(DemoUsers.ANNA.email());
        }

        var mails = mailTo("kontakt-" + round + "@karlstad.example", 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().subject()).contains(reference);
        assertThat(mails.getFirst().text()).contains(reference).contains("Karlstad");
    }

    @Test
    void twoPartnersAndTwelveCostLinesReachTheSnapshotThePdfAndTheProjectPlan() throws IOException {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "tolv-" + round + "@karlstad.example");
        UUID me = fixtures.userId(DemoUsers.ANNA);
        fixtures.save(id, me, DemoUsers.ANNA, "partners", Map.of("partner1Name", "Kisumu County",
                "partner1Type", "district", "partner1Country", "KE", "partner1ContactName", "Achieng Otieno",
                "partner1ContactEmail", "achieng@kisumu.example", "partner2Name", "Arusha City",
                "partner2Type", "municipality", "partner2Country", "TZ", "partner2ContactName", "Neema Mushi",
                "partner2ContactEmail", "neema@arusha.example"));
        Map<String, String> budget = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            budget.put("line" + i + "Category", i % 2 == 0 ? "travel" : "meetings");
            budget.put("line" + i + "Description", "Kostnad nummer " + i);
            budget.put("line" + i + "Party", "swedish");
            budget.put("line" + i + "Amount", "10000");
        }
        budget.put("requested", "120000");
        fixtures.save(id, me, DemoUsers.ANNA, "budget", budget);
        HttpClient anna = anna();
        assertThat(submit(anna, id).statusCode()).isEqualTo(302);

        SubmittedPlan plan = submitted.plan(id).orElseThrow();
        assertThat(plan.costLines()).hasSize(12);
        assertThat(plan.costLines().getLast().description()).isEqualTo("Kostnad nummer 12");
        assertThat(plan.costLines().stream().mapToLong(SubmittedPlan.CostLine::amountSek).sum()).isEqualTo(120_000);
        assertThat(plan.contacts()).extracting(SubmittedPlan.Contact::name).contains("Achieng Otieno", "Neema Mushi");
        SubmittedApplication application = submitted.find(id).orElseThrow();
        assertThat(application.partnerNames()).containsExactly("Kisumu County", "Arusha City");
        assertThat(application.countries()).containsExactly("KE", "TZ");
        assertThat(jdbc.sql("SELECT snapshot::text FROM submission WHERE application_id = ?").param(id)
                .query(String.class).single()).contains("Arusha City").contains("Kostnad nummer 12");
        HttpResponse<byte[]> pdf = send(anna, "/ansokningar/" + id + "/kvitto.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replace('\n', ' ');
            assertThat(text).contains("Arusha City").contains("Kostnad nummer 12").contains("Partnerorganisation 2");
            assertThat(text.replace('\u00a0', ' ').replace('\u202f', ' ')).contains("Budgetens totalsumma 120 000 kr");
        }
    }

    @Test
    void theCopyFollowsTheFormSectionsInTheTaskListsOrderFieldsInTheFormsWordsAndTheBudgetAsATableWithItsTotal()
            throws IOException {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "ordning-" + round + "@karlstad.example");
        UUID me = fixtures.userId(DemoUsers.ANNA);
        // stored in another order than the form's: the amount asked for first, the second line before the first
        Map<String, String> budget = new java.util.LinkedHashMap<>();
        budget.put("requested", "200000");
        budget.put("line2Amount", "50000");
        budget.put("line2Party", "partner");
        budget.put("line2Description", "Resor till Kisumu");
        budget.put("line2Category", "travel");
        budget.put("line1Amount", "150000");
        budget.put("line1Description", "Projektledning");
        budget.put("line1Party", "swedish");
        budget.put("line1Category", "salaries");
        fixtures.save(id, me, DemoUsers.ANNA, "budget", budget);
        Map<String, String> applicant = new java.util.LinkedHashMap<>();
        applicant.put("contactRole", "Samordnare");
        applicant.put("contactEmail", "ordning-" + round + "@karlstad.example");
        applicant.put("contactName", "Anna Lindqvist");
        fixtures.save(id, me, DemoUsers.ANNA, "applicant", applicant);
        HttpClient anna = anna();
        assertThat(submit(anna, id).statusCode()).isEqualTo(302);

        String text;
        try (PDDocument doc = Loader.loadPDF(send(anna, "/ansokningar/" + id + "/kvitto.pdf").body())) {
            // labels wrap in their column: one space for any run of spaces and line breaks
            text = new PDFTextStripper().getText(doc).replaceAll("[\\s\u00a0\u202f]+", " ");
        }
        // the sections as the task list has them, each answer under the form's label, in the form's order
        assertInOrder(text, "Sökande organisation och kontaktpersoner", "Namn", "Anna Lindqvist", "E-postadress",
                "Roll eller befattning", "Samordnare",
                "Partnerorganisationer", "Partnerorganisationens namn (1)", "Kisumu County", "Typ av organisation (1)",
                "Kommun", "Land (1)", "Kenya",
                "Kärnområden och tema", "Kärnområden", "Tema", "Medborgardialog",
                "Gemensam utmaning, mål och förväntade resultat", "Ansökans titel", "Den gemensamma utmaningen", "Mål",
                "Förväntade resultat",
                "Aktiviteter och tidsplan", "Antal år", "Aktiviteter", "Tidsplan",
                "Budget", "Kategori Beskrivning Vilken part Belopp",
                "Arbetstid Projektledning Svenska parten 150 000 kr",
                "Resor Resor till Kisumu Partnern 50 000 kr",
                "Budgetens totalsumma 200 000 kr", "Belopp som ni söker 200 000 kr",
                "Bilagor", "avsiktsforklaring.pdf",
                "Omgångens frågor", "Hur man når unga");
        // the form's words for the categories, not other ones
        assertThat(text).doesNotContain("Löner").doesNotContain("Kostnad 1:");
    }

    /** Each text found after the one before it. */
    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int next = text.indexOf(part, at);
            assertThat(next).as("\"" + part + "\" after position " + at + " in:\n" + text).isGreaterThanOrEqualTo(0);
            at = next + part.length();
        }
    }

    @Test
    void submittingTwiceGivesTheSameReferenceAndOneSnapshot() throws Exception {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "twice@karlstad.example");
        HttpClient anna = anna();
        String page = get(anna, submitPath(id)).body();
        Map<String, String> form = Map.of("key", key(page), "declaration", "yes");

        assertThat(postForm(anna, submitPath(id), page, form).statusCode()).isEqualTo(302);
        String reference = reference(id);
        HttpResponse<String> again = postForm(anna, submitPath(id), page, form);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/kvitto");
        assertThat(reference(id)).isEqualTo(reference);
        assertThat(submissionsOf(id)).isEqualTo(1);
        // another rendering of the form (another key) finds the application submitted
        assertThat(postForm(anna, submitPath(id), page, Map.of("key", UUID.randomUUID().toString(),
                "declaration", "yes")).statusCode()).isEqualTo(302);
        assertThat(submissionsOf(id)).isEqualTo(1);
        assertThat(mailTo("twice@karlstad.example", 1)).hasSize(1);
    }

    @Test
    void twoConcurrentSubmitsOfOneFormGiveOneSnapshotAndOneReference() throws Exception {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "concurrent@karlstad.example");
        HttpClient anna = anna();
        String page = get(anna, submitPath(id)).body();
        Map<String, String> form = Map.of("key", key(page), "declaration", "yes");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> post = () -> {
            start.await();
            return postForm(anna, submitPath(id), page, form).statusCode();
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(post);
            Future<Integer> b = pool.submit(post);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsOnly(302);
        }
        assertThat(submissionsOf(id)).isEqualTo(1);
        assertThat(reference(id)).matches(REFERENCE.pattern());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.submitted' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentSubmitsOfTwoApplicationsGetConsecutiveNumbers() throws Exception {
        UUID round = fixtures.round(null, false);
        UUID first = fixtures.complete(DemoUsers.ANNA, round, "seq1@karlstad.example");
        UUID second = fixtures.complete(DemoUsers.ANNA, round, "seq2@karlstad.example", true, "Dodoma", "TZ", 200_000);
        HttpClient anna = anna();
        String page1 = get(anna, submitPath(first)).body();
        String page2 = get(anna, submitPath(second)).body();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return postForm(anna, submitPath(first), page1, Map.of("key", key(page1), "declaration", "yes")).statusCode();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return postForm(anna, submitPath(second), page2, Map.of("key", key(page2), "declaration", "yes")).statusCode();
            });
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsOnly(302);
        }
        int n1 = Integer.parseInt(reference(first).substring(10));
        int n2 = Integer.parseInt(reference(second).substring(10));
        assertThat(Math.abs(n1 - n2)).isEqualTo(1);
    }

    @Test
    void submitOneSecondAfterTheDeadlineIsRefusedAndTheDraftBecomesReadOnly() {
        UUID round = fixtures.round(null, true);
        UUID onTime = fixtures.complete(DemoUsers.ANNA, round, "ontime@karlstad.example");
        UUID late = fixtures.complete(DemoUsers.ANNA, round, "late@karlstad.example", true, "Mwanza", "TZ", 200_000);
        HttpClient anna = anna();
        String onTimePage = get(anna, submitPath(onTime)).body();
        String latePage = get(anna, submitPath(late)).body();

        clock.set(DEADLINE);
        assertThat(postForm(anna, submitPath(onTime), onTimePage, Map.of("key", key(onTimePage), "declaration", "yes"))
                .statusCode()).isEqualTo(302);
        assertThat(status(onTime)).isEqualTo("submitted");

        clock.set(DEADLINE.plusSeconds(1));
        HttpResponse<String> refused = postForm(anna, submitPath(late), latePage,
                Map.of("key", key(latePage), "declaration", "yes"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Utkastet kan inte längre ändras eller skickas in");
        assertThat(status(late)).isEqualTo("draft");
        assertThat(submissionsOf(late)).isZero();
        assertThat(reference(late)).isNull();

        // the draft is read-only: saves and attachments are refused, what was saved is kept
        UUID me = fixtures.userId(DemoUsers.ANNA);
        int version = applications.load(late, me).orElseThrow().section("challenge").version();
        assertThatThrownBy(() -> applications.saveSection(late, me, DemoUsers.ANNA.email(), "challenge",
                new Answers(Map.of("title", List.of("Ändrad för sent"))), version))
                .isInstanceOf(DeadlinePassedException.class);
        assertThatThrownBy(() -> applications.attach(late, me, DemoUsers.ANNA.email(), "sen.pdf", SubmissionFixtures.pdf()))
                .isInstanceOf(DeadlinePassedException.class);
        assertThat(applications.load(late, me).orElseThrow().title()).isEqualTo("Dialog i Kisumu och Karlstad");

        HttpResponse<String> closed = get(anna, "/ansokningar/" + late + "/stangd");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("Sista dagen har passerat");
        HttpResponse<String> mine = get(anna, "/ansokningar/mina");
        assertThat(mine.body()).contains("Stängd – kan inte ändras");
        // and the submitted one can no longer be withdrawn
        assertThat(submissions.withdraw(onTime, me, DemoUsers.ANNA.email())).isEqualTo(Submissions.Withdrawal.CLOSED);
    }

    @Test
    void withdrawAndResubmitKeepsTheReferenceAndMakesASecondSnapshot() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "withdraw@karlstad.example");
        HttpClient anna = anna();
        assertThat(submit(anna, id).statusCode()).isEqualTo(302);
        String reference = reference(id);

        String receipt = get(anna, "/ansokningar/" + id + "/kvitto").body();
        HttpResponse<String> withdrawn = postForm(anna, "/ansokningar/" + id + "/aterkalla", receipt, Map.of());
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("withdrawn");
        assertThat(reference(id)).isEqualTo(reference);
        assertThat(get(anna, "/ansokningar/" + id + "/kvitto").body()).contains("Ansökan är återkallad").contains(reference);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.withdrawn' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);

        // withdrawn to be changed: the sections can be edited again, and the change goes into version 2
        String challenge = get(anna, "/ansokningar/" + id + "/utmaning").body();
        var m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        assertThat(postForm(anna, "/ansokningar/" + id + "/utmaning", challenge, Map.of("version", m.group(1),
                "title", "Ändrad titel", "challenge", "Ändrad utmaning", "objectives", "Mål", "results", "Resultat"))
                .statusCode()).isEqualTo(302);

        assertThat(submit(anna, id).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("submitted");
        assertThat(jdbc.sql("SELECT snapshot::text FROM submission WHERE application_id = ? AND version = 2").param(id)
                .query(String.class).single()).contains("Ändrad utmaning");
        assertThat(reference(id)).isEqualTo(reference);
        assertThat(jdbc.sql("SELECT version FROM submission WHERE application_id = ? ORDER BY version").param(id)
                .query(Integer.class).list()).containsExactly(1, 2);
        assertThat(jdbc.sql("SELECT DISTINCT reference FROM submission WHERE application_id = ?").param(id)
                .query(String.class).list()).containsExactly(reference);
        assertThat(mailTo("withdraw@karlstad.example", 2)).hasSize(2);
        // a snapshot is never changed
        assertThatThrownBy(() -> jdbc.sql("UPDATE submission SET submitted_by = 'someone' WHERE application_id = ?")
                .param(id).update()).hasMessageContaining("immutable");
    }

    @Test
    void theDeadlineIsAValidICalendarEventInUtc() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.draft(DemoUsers.ANNA, round, false);
        HttpResponse<String> ics = get(anna(), "/en/applications/" + id + "/deadline.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String body = ics.body();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = body.replace("\r\n ", "");
        List<String> lines = List.of(unfolded.split("\r\n"));
        assertThat(lines).contains("VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM", "END:VALARM",
                "TRIGGER:-P1D");
        assertThat(lines).anyMatch(l -> l.startsWith("PRODID:")).anyMatch(l -> l.startsWith("UID:"))
                .anyMatch(l -> l.matches("DTSTAMP:\\d{8}T\\d{6}Z"));
        // 15 October 23:59:59 in Stockholm (summer time) is 21:59:59 UTC
        assertThat(lines).contains("DTSTART:20261015T215959Z");
        String start = lines.stream().filter(l -> l.startsWith("DTSTART:")).findFirst().orElseThrow().substring(8);
        assertThat(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(start, Instant::from))
                .isEqualTo(DEADLINE);
        assertThat(lines).anyMatch(l -> l.startsWith("SUMMARY;LANGUAGE=en:Deadline: Autumn 2026 (test)"));
    }

    @Test
    void anotherOrganisationGets404AtEveryAddress() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "private@karlstad.example");
        assertThat(submit(anna(), id).statusCode()).isEqualTo(302);

        HttpClient per = loggedInAs(DemoUsers.PER.email(), DemoUsers.PASSWORD);
        for (String path : List.of("/skicka-in", "/kvitto", "/kvitto.pdf", "/deadline.ics", "/stangd")) {
            assertThat(get(per, "/ansokningar/" + id + path).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/submit", "/receipt", "/receipt.pdf", "/deadline.ics", "/closed")) {
            assertThat(get(per, "/en/applications/" + id + path).statusCode()).as(path).isEqualTo(404);
        }
        String perPage = get(per, "/ansokningar/mina").body();
        assertThat(perPage).doesNotContain(id.toString());
        assertThat(postForm(per, "/ansokningar/" + id + "/aterkalla", perPage, Map.of()).statusCode()).isEqualTo(404);
        assertThat(postForm(per, "/ansokningar/" + id + "/skicka-in", perPage,
                Map.of("key", UUID.randomUUID().toString(), "declaration", "yes")).statusCode()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("submitted");
        assertThat(get(per, "/ansokningar/" + UUID.randomUUID() + "/kvitto.pdf").statusCode()).isEqualTo(404);
        assertThat(get(per, "/ansokningar/inte-ett-id/kvitto").statusCode()).isEqualTo(404);
    }

    @Test
    void myApplicationsAreShownFiftyAPageTheLatestChangedFirst() {
        UUID round = fixtures.round(null, true);
        UUID newest = fixtures.complete(DemoUsers.ANNA, round, "pages@karlstad.example");
        // changed after everything else Anna's organisations have (dates far ahead of the tests' clock), and
        // sixty older drafts of the same organisation, copied by SQL: the newest, then copies 1–49 on the first
        // page, copies 50–60 first on the second
        jdbc.sql("UPDATE application SET title = 'Nyast', updated_at = TIMESTAMPTZ '2100-01-02 12:00Z' WHERE id = ?")
                .param(newest).update();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title,
                                         created_by, created_at, updated_at)
                SELECT gen_random_uuid(), round_id, programme_key, component_key, lead_organisation_id, 'draft',
                       'Sidkopia ' || n, created_by, created_at, TIMESTAMPTZ '2100-01-01 12:00Z' - n * interval '1 hour'
                FROM application, generate_series(1, 60) n WHERE id = ?
                """).param(newest).update();
        try {
            HttpClient anna = anna();
            String first = get(anna, "/ansokningar/mina").body();
            // every application of Anna's organisations is counted, the sixty copies and the rest
            var counted = java.util.regex.Pattern.compile("(\\d+) ansökningar, de senast ändrade först").matcher(first);
            assertThat(counted.find()).as("the count above the pager").isTrue();
            int total = Integer.parseInt(counted.group(1));
            assertThat(total).isGreaterThanOrEqualTo(61);
            int pages = (total + 49) / 50;
            assertThat(first).contains("Nyast").contains("Sida 1 av " + pages).contains("Sidkopia 49<")
                    .contains("href=\"/ansokningar/mina?page=2\" rel=\"next\"").doesNotContain("rel=\"prev\"")
                    .doesNotContain("Sidkopia 50<");
            assertThat(first.indexOf("Nyast")).isLessThan(first.indexOf("Sidkopia 1<"));
            String second = get(anna, "/ansokningar/mina?page=2").body();
            assertThat(second).contains("Sida 2 av " + pages).contains("Sidkopia 50<").contains("Sidkopia 60<")
                    .doesNotContain("Nyast").contains("href=\"/ansokningar/mina\" rel=\"prev\"");
            assertThat(get(anna, "/ansokningar/mina?page=" + pages).body()).contains("Sida " + pages + " av " + pages)
                    .doesNotContain("rel=\"next\"");
            assertThat(get(anna, "/en/applications/mine?page=2").body()).contains("Page 2 of " + pages)
                    .contains("href=\"/en/applications/mine\" rel=\"prev\"");
            assertThat(get(anna, "/ansokningar/mina?page=inte-ett-tal").body()).contains("Sida 1 av " + pages);
        } finally {
            // the other tests of "my applications" find their applications on the first page again
            jdbc.sql("DELETE FROM application WHERE title LIKE 'Sidkopia %' AND lead_organisation_id = "
                    + "(SELECT lead_organisation_id FROM application WHERE id = ?)").param(newest).update();
            jdbc.sql("UPDATE application SET updated_at = created_at WHERE id = ?").param(newest).update();
        }
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "csrf@karlstad.example");
        HttpClient anna = anna();
        String page = get(anna, submitPath(id)).body();
        HttpResponse<String> response = send(anna, HttpRequest.newBuilder(URI.create(url(submitPath(id))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key(page) + "&declaration=yes")).build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<html");
        assertThat(status(id)).isEqualTo("draft");
        assertThat(submissionsOf(id)).isZero();
    }

    @Test
    void theDeclarationMustBeTicked() {
        UUID round = fixtures.round(null, true);
        UUID id = fixtures.complete(DemoUsers.ANNA, round, "declare@karlstad.example");
        HttpClient anna = anna();
        String page = get(anna, "/en/applications/" + id + "/submit").body();
        HttpResponse<String> response = postForm(anna, "/en/applications/" + id + "/submit", page, Map.of("key", key(page)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Tick the box to declare that the information is correct");
        assertThat(status(id)).isEqualTo("draft");
    }

    @Test
    void myApplicationsShowStatusCountdownReferenceAndLinks() {
        UUID round = fixtures.round(null, true);
        UUID draft = fixtures.draft(DemoUsers.ANNA, round, false);
        UUID submitted = fixtures.complete(DemoUsers.ANNA, round, "mine@karlstad.example");
        HttpClient anna = anna();
        assertThat(submit(anna, submitted).statusCode()).isEqualTo(302);
        // the latest changed of Anna's organisations' applications, whatever other tests left: on the first page
        jdbc.sql("UPDATE application SET updated_at = TIMESTAMPTZ '2099-06-01 12:00Z' WHERE id IN (?, ?)")
                .params(draft, submitted).update();

        clock.set(DEADLINE.minus(java.time.Duration.ofDays(3)).minusSeconds(60));
        String sv = get(anna, "/ansokningar/mina").body();
        assertThat(sv).contains("3 dagar kvar").contains(reference(submitted))
                .contains("/ansokningar/" + submitted + "/kvitto.pdf").contains("/ansokningar/" + draft + "/deadline.ics")
                .contains("/ansokningar/" + draft + "/skicka-in");
        String en = get(anna, "/en/applications/mine").body();
        assertThat(en).contains("3 days left").contains("/en/applications/" + submitted + "/receipt.pdf")
                .contains("/en/applications/" + draft + "/submit");
        clock.set(DEADLINE.minus(java.time.Duration.ofHours(5)));
        assertThat(get(anna, "/en/applications/mine").body()).contains("5 hours left");
    }

    private HttpResponse<byte[]> send(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

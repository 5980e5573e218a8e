package se.partnerskap.grant.internal;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import se.partnerskap.grant.ReportApproved;
import se.partnerskap.notification.MailCatcher;

import static org.assertj.core.api.Assertions.assertThat;

class ReportReviewTest extends ReportFixtures {

    @Autowired
    ConfigurableApplicationContext context;

    private final List<ReportApproved> approved = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof ReportApproved r) {
            approved.add(r);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    private static String review(UUID report) {
        return "/uppfoljning/redovisningar/" + report;
    }

    @Test
    void theOfficersListShowsAwaitingOverdueAndReturnedReportsWithEmptyStates() {
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        clock.set(noon(LocalDate.of(1990, 1, 1))); // before anything is due: nothing overdue
        ReportData.Project p = project();
        HttpResponse<String> empty = get(olle, "/uppfoljning/redovisningar");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Inga redovisningar är försenade");
        if (jdbc.sql("SELECT count(*) FROM project_report WHERE status IN ('submitted', 'returned')").query(Integer.class).single() == 0) {
            assertThat(empty.body()).contains("Inga redovisningar väntar på granskning").contains("Inga redovisningar är återsända");
        }

        UUID waiting = submitted(p, 1);
        UUID late = report(p, "annual", 2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 1));
        UUID sentBack = submitted(p, 3);
        jdbc.sql("UPDATE project_report SET status = 'returned', reviewed_at = now(), reviewed_by = ?, review_comment = 'More' WHERE id = ?")
                .params(OLLE, sentBack).update();
        clock.set(noon(LocalDate.of(2027, 3, 11)));

        String list = get(olle, "/uppfoljning/redovisningar").body();
        String awaiting = list.substring(list.indexOf("id=\"awaiting\""), list.indexOf("id=\"overdue\""));
        String overdue = list.substring(list.indexOf("id=\"overdue\""), list.indexOf("id=\"returned\""));
        String returned = list.substring(list.indexOf("id=\"returned\""));
        assertThat(awaiting).contains(review(waiting)).doesNotContain(review(late)).contains("Karlstad")
                .contains("/uppfoljning/projekt/" + p.key());
        assertThat(overdue).contains(review(late)).contains("10 dagar").contains("1 mars 2027");
        assertThat(returned).contains(review(sentBack));

        assertThat(get(olle, "/en/follow-up/redovisningar").body()).contains("Awaiting review").contains("10 days");
        // applicants do not get the officer's pages
        assertThat(get(loggedInAs(ANNA, PASSWORD), "/uppfoljning/redovisningar").statusCode()).isIn(403, 404);
    }

    @Test
    void approvalRecordsTheReviewAndPublishesReportApprovedOnce() {
        ReportData.Project p = project();
        UUID report = submitted(p, 1);
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        HttpResponse<String> page = get(olle, review(report));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Flights cost more.").contains("We trained 40 staff")
                .contains("class=\"variance\"").contains("name=\"eligible\" value=\"193000\"");

        HttpResponse<String> approve = post(olle, review(report) + "/godkann", page.body(), Map.of("eligible", "190000"), false);
        assertThat(approve.statusCode()).isEqualTo(302);
        assertThat(status(report)).isEqualTo("approved");
        assertThat(jdbc.sql("SELECT eligible_sek FROM project_report WHERE id = ?").param(report).query(Long.class).single())
                .isEqualTo(190_000L);
        assertThat(jdbc.sql("SELECT reviewed_by FROM project_report WHERE id = ?").param(report).query(String.class).single())
                .isEqualTo(OLLE);
        assertThat(approved).singleElement().satisfies(e -> {
            assertThat(e.reportId()).isEqualTo(report);
            assertThat(e.projectId()).isEqualTo(p.id());
            assertThat(e.eligibleSek()).isEqualTo(190_000L);
            assertThat(e.finalReport()).isFalse();
            assertThat(e.approvedBy()).isEqualTo(OLLE);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'report.approved'")
                .param(report.toString()).query(Integer.class).single()).isEqualTo(1);
        // the approval makes the reimbursement due: the reported eligible costs, capped at the approved budget (170 000)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT kind || ':' || amount_sek || ':' || status FROM project_payment WHERE report_id = ?")
                .param(report).query(String.class).list()).containsExactly("reimbursement:170000:due"));

        HttpResponse<String> second = post(olle, review(report) + "/godkann", page.body(), Map.of("eligible", "1000"), false);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Redovisningen är redan godkänd. Inget har ändrats.");
        assertThat(jdbc.sql("SELECT eligible_sek FROM project_report WHERE id = ?").param(report).query(Long.class).single())
                .isEqualTo(190_000L);
        assertThat(approved).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM project_payment WHERE funded_partnership_id = ?").param(p.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(post(olle, review(report) + "/returnera", page.body(), Map.of("comment", "Late"), false).statusCode())
                .isEqualTo(409);
        assertThat(status(report)).isEqualTo("approved");
    }

    @Test
    void anEligibleAmountAboveTheReportedOrNegativeIsRefusedAndNothingChanges() {
        ReportData.Project p = project();
        UUID report = submitted(p, 1);
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        String page = get(olle, review(report)).body();
        for (String bad : List.of("193001", "-5", "12,50", "")) {
            HttpResponse<String> refused = post(olle, review(report) + "/godkann", page, Map.of("eligible", bad), false);
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.body()).contains("error-summary").contains("href=\"#f-eligible\"").contains("value=\"" + bad + "\"");
        }
        assertThat(status(report)).isEqualTo("submitted");
        assertThat(approved).isEmpty();
    }

    @Test
    void aReturnedReportIsMailedToTheGranteeWhoCanEditAndResubmitIt() {
        ReportData.Project p = project();
        UUID report = submitted(p, 1);
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        String page = get(olle, review(report)).body();

        HttpResponse<String> noComment = post(olle, review(report) + "/returnera", page, Map.of("comment", " "), false);
        assertThat(noComment.statusCode()).isEqualTo(422);
        assertThat(noComment.body()).contains("Skriv vad som behöver kompletteras");
        assertThat(status(report)).isEqualTo("submitted");

        assertThat(post(olle, review(report) + "/returnera", page,
                Map.of("comment", "Please attach the invoices for travel."), false).statusCode()).isEqualTo(302);
        assertThat(status(report)).isEqualTo("returned");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(p.contactEmail(), report).size() == 1);
        MailCatcher.CaughtMail notice = mailsTo(p.contactEmail(), report).getFirst();
        assertThat(notice.text()).startsWith("Hej Karin Kontakt!").contains("Please attach the invoices for travel.")
                .contains(path(p, report));
        // the one who submitted the report is told too, by name and not by login address
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(ANNA, report).size() == 1);
        assertThat(mailsTo(ANNA, report).getFirst().text()).startsWith("Hej Anna Lindqvist!")
                .contains("har skickats tillbaka för komplettering").doesNotContain(ANNA);

        clock.set(noon(LocalDate.of(2027, 1, 10)));
        HttpClient anna = loggedInAs(ANNA, PASSWORD);
        String form = get(anna, path(p, report)).body();
        assertThat(form).contains("Please attach the invoices for travel.").contains("name=\"actual.1\"");
        Map<String, String> fields = new java.util.HashMap<>(complete(p, "125000"));
        fields.put("explanation.1", "Flights cost more; invoices attached.");
        fields.put("version", "3");
        fields.put("action", "submit");
        assertThat(post(anna, path(p, report), form, fields, false).statusCode()).isEqualTo(302);
        assertThat(status(report)).isEqualTo("submitted");
        assertThat(get(olle, "/uppfoljning/redovisningar").body()).contains(review(report));
    }

    @Test
    void actingOnAReportThatIsNotSubmittedIsRefused() {
        ReportData.Project p = project();
        UUID report = annual(p);
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        String page = get(olle, review(report)).body();
        assertThat(page).contains("Redovisningen är inte inskickad").doesNotContain("name=\"eligible\"");
        HttpResponse<String> refused = post(olle, review(report) + "/godkann", page, Map.of("eligible", "0"), false);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("inte inskickad och kan inte granskas");
        assertThat(status(report)).isEqualTo("not-started");
        assertThat(approved).isEmpty();
        assertThat(get(olle, "/uppfoljning/redovisningar/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get(olle, "/uppfoljning/redovisningar/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void theReviewWorksInEnglishToo() {
        ReportData.Project p = project();
        UUID report = submitted(p, 1);
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        String en = "/en/follow-up/reports/" + report;
        HttpResponse<String> page = get(olle, en);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Approve the report").contains("SEK\u00a0193,000")
                .contains("action=\"" + en + "/approve\"").contains("action=\"" + en + "/return\"");
        HttpResponse<String> approve = post(olle, en + "/approve", page.body(), Map.of("eligible", "193000"), false);
        assertThat(approve.statusCode()).isEqualTo(302);
        assertThat(approve.headers().firstValue("Location").orElseThrow()).endsWith(en);
        assertThat(status(report)).isEqualTo("approved");
        assertThat(get(olle, en).body()).contains("The report is approved.");
    }

    @Test
    void officersDownloadAttachments() {
        ReportData.Project p = project();
        UUID report = submitted(p, 1);
        UUID attachment = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project_report_attachment (id, report_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
                VALUES (?, ?, 'fakturor.pdf', 'application/pdf', ?, 'x', ?, ?, now())
                """).params(attachment, report, (long) pdf().length, pdf(), ANNA).update();
        HttpClient olle = loggedInAs(OLLE, PASSWORD);
        assertThat(get(olle, review(report)).body()).contains("fakturor.pdf");
        HttpResponse<String> file = get(olle, review(report) + "/bilagor/" + attachment);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF");
        assertThat(get(olle, review(report) + "/bilagor/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private List<MailCatcher.CaughtMail> mailsTo(String to, UUID report) {
        return mail.messagesTo(to).stream()
                .filter(m -> m.headers().stream().anyMatch(h -> h.equals("X-Partnerskap-Report: " + report))).toList();
    }
}

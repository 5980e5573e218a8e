package se.partnerskap.grant.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.notification.MailCatcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder schedule, walked with the controlled clock. */
class ReportRemindersTest extends ReportFixtures {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 1);

    /**
     * The job's work without its lock: a scheduled run of the shared test application that holds the
     * lock at that moment would make a locked call skip. Sending once does not depend on the lock.
     */
    @Autowired
    ReportReminderSender reminders;

    private List<MailCatcher.CaughtMail> mails(String to, UUID report) {
        return mail.messagesTo(to).stream()
                .filter(m -> m.headers().stream().anyMatch(h -> h.equals("X-Partnerskap-Report: " + report))).toList();
    }

    private List<String> kinds(UUID report) {
        return jdbc.sql("SELECT kind FROM project_report_reminder WHERE report_id = ? ORDER BY sent_at").param(report)
                .query(String.class).list();
    }

    private void runOn(LocalDate day) {
        clock.set(noon(day));
        reminders.sendDue();
    }

    @Test
    void remindersGoOut30And7DaysBeforeAndWhenOverdueEachOnce() {
        ReportData.Project p = project();
        UUID report = annual(p); // due 1 March 2027

        runOn(DUE.minusDays(40));
        assertThat(kinds(report)).isEmpty();
        assertThat(mails(p.contactEmail(), report)).isEmpty();

        runOn(DUE.minusDays(30));
        assertThat(kinds(report)).containsExactly("due-30");
        assertThat(mails(p.contactEmail(), report)).singleElement().satisfies(m -> {
            // a contact without an account, of a project without an application: in Swedish, by the name typed
            assertThat(m.subject()).contains("inom 30 dagar").doesNotContain("within 30 days");
            assertThat(m.text()).startsWith("Hej Karin Kontakt!").contains("1 mars 2027").contains(path(p, report))
                    .doesNotContain(enPath(p, report));
        });

        runOn(DUE.minusDays(30));
        runOn(DUE.minusDays(20));
        assertThat(kinds(report)).containsExactly("due-30");
        assertThat(mails(p.contactEmail(), report)).hasSize(1);

        runOn(DUE.minusDays(7));
        assertThat(kinds(report)).containsExactly("due-30", "due-7");
        assertThat(mails(p.contactEmail(), report)).anySatisfy(m -> assertThat(m.text())
                .contains("ska lämnas senast 1 mars 2027, om 7 dagar"));
        runOn(DUE);
        assertThat(kinds(report)).containsExactly("due-30", "due-7");
        assertThat(mails(p.contactEmail(), report)).hasSize(2);

        runOn(DUE.plusDays(1));
        runOn(DUE.plusDays(2));
        assertThat(kinds(report)).containsExactly("due-30", "due-7", "overdue");
        List<MailCatcher.CaughtMail> all = mails(p.contactEmail(), report);
        assertThat(all).hasSize(3);
        assertThat(all).anySatisfy(m -> {
            assertThat(m.subject()).contains("försenad");
            assertThat(m.text()).contains("är en dag försenad");
        });
        assertThat(all.stream().map(MailCatcher.CaughtMail::headers).flatMap(List::stream)
                .filter(h -> h.startsWith("X-Partnerskap-Reminder: ")).toList())
                .containsExactlyInAnyOrder("X-Partnerskap-Reminder: due-30", "X-Partnerskap-Reminder: due-7",
                        "X-Partnerskap-Reminder: overdue");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'report.reminder-sent'")
                .param(report.toString()).query(Integer.class).single()).isEqualTo(3);

        // recorded and shown to the case officer
        String review = get(loggedInAs(OLLE, PASSWORD), "/uppfoljning/redovisningar/" + report).body();
        assertThat(review).contains("30 dagar före").contains("7 dagar före").contains("Försenad").contains(p.contactEmail());
    }

    @Test
    void aReportFoundFiveDaysBeforeItsDueDateGetsOnlyTheSevenDayReminder() {
        ReportData.Project p = project();
        UUID report = annual(p);
        runOn(DUE.minusDays(5));
        runOn(DUE.minusDays(3));
        assertThat(kinds(report)).containsExactly("due-7");
        assertThat(mails(p.contactEmail(), report)).hasSize(1);
    }

    @Test
    void submittedAndApprovedReportsAreNotReminded() {
        ReportData.Project p = project();
        UUID submitted = submitted(p, 1); // due 1 March 2027
        UUID approved = report(p, "annual", 2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), DUE);
        jdbc.sql("UPDATE project_report SET status = 'approved' WHERE id = ?").param(approved).update();
        runOn(DUE.minusDays(6));
        runOn(DUE.plusDays(3));
        assertThat(kinds(submitted)).isEmpty();
        assertThat(kinds(approved)).isEmpty();
    }

    @Test
    void withoutContactAddressesTheOrganisationsMembersAreReminded() {
        ReportData.Project p = project();
        UUID report = annual(p);
        jdbc.sql("UPDATE project_contact SET email = '' WHERE funded_partnership_id = ?").param(p.id()).update();
        runOn(DUE.minusDays(7));
        assertThat(mails(ANNA, report)).hasSize(1);
        assertThat(jdbc.sql("SELECT array_to_string(recipients, ',') FROM project_report_reminder WHERE report_id = ?")
                .param(report).query(String.class).single()).contains(ANNA);
    }

    @Test
    void aContactRefusedByTheMailServerGetsTheReminderOnALaterRunAndTheOtherContactOnlyOnce() {
        ReportData.Project p = project();
        String other = "ekonom-" + UUID.randomUUID() + "@karlstad.example";
        jdbc.sql("""
                INSERT INTO project_contact (funded_partnership_id, position, name, role, email, signatory)
                VALUES (?, 2, 'Bo Ek', 'Ekonom', ?, false)
                """).params(p.id(), other).update();
        UUID report = annual(p);
        mail.refuse(other);
        try {
            runOn(DUE.minusDays(30));
            assertThat(mails(p.contactEmail(), report)).hasSize(1);
            assertThat(mails(other, report)).isEmpty();
            assertThat(kinds(report)).as("not recorded while one contact lacks it").isEmpty();

            runOn(DUE.minusDays(30));
            assertThat(mails(p.contactEmail(), report)).hasSize(1);
            assertThat(mails(other, report)).isEmpty();

            mail.accept(other);
            runOn(DUE.minusDays(29));
            assertThat(mails(other, report)).singleElement().satisfies(m -> assertThat(m.subject()).contains("inom 30 dagar"));
            assertThat(mails(p.contactEmail(), report)).hasSize(1);
            assertThat(kinds(report)).containsExactly("due-30");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'report.reminder-sent' AND subject_id = ?")
                    .param(report.toString()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            mail.accept(other);
        }
    }

    @Test
    void eachRecipientReadsTheReminderInTheirOwnLanguageAndAnAccountIsNamedByItsName() {
        ReportData.Project p = project();
        String english = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@karlstad.example";
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, language, created_at) VALUES (?, ?, 'Jane Doe', 'en', now())
                """).params(UUID.randomUUID(), english).update();
        jdbc.sql("""
                INSERT INTO project_contact (funded_partnership_id, position, name, role, email, signatory)
                VALUES (?, 2, 'J. D.', 'Controller', ?, false)
                """).params(p.id(), english.toUpperCase()).update();
        UUID report = annual(p);
        try {
            runOn(DUE.minusDays(7));
            assertThat(mails(english, report)).singleElement().satisfies(m -> {
                assertThat(m.subject()).contains("due within a week").doesNotContain("inom en vecka");
                assertThat(m.text()).startsWith("Hello Jane Doe,").contains("is due on 1 March 2027, in 7 days")
                        .contains(enPath(p, report)).doesNotContain(path(p, report));
            });
            assertThat(mails(p.contactEmail(), report)).singleElement().satisfies(m ->
                    assertThat(m.text()).startsWith("Hej Karin Kontakt!").contains("om 7 dagar"));
        } finally {
            jdbc.sql("DELETE FROM app_user WHERE email = ?").param(english).update();
        }
    }

    @Test
    void theApplicationsSubmitterAndTheContactsTypedInItsFormAreRemindedEachInTheirLanguage() {
        ReportData.Project p = project();
        String achieng = "achieng-" + p.id().toString().substring(0, 8) + "@kisumu.example";
        // the project came from an application written in English, submitted by Per (a Swedish account), naming
        // Achieng (no account) as a contact and Per once more
        UUID round = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, budget_sek)
                VALUES (?, ?, ?, 'Påminnelsetest', 'Reminder test', now() - interval '90 days', now() - interval '60 days',
                        'closed', 1000000)
                """).params(round, se.partnerskap.support.TestProgramme.KEY, "reminders-" + round).update();
        UUID application = UUID.randomUUID();
        String reference = "KP-R-" + application.toString().substring(0, 8).toUpperCase();
        jdbc.sql("""
                INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title,
                                         created_by, created_at, updated_at, reference, submitted_at)
                VALUES (?, ?, ?, 'project', ?, 'submitted', 'Water for all', ?, now(), now(), ?, now())
                """).params(application, round, se.partnerskap.support.TestProgramme.KEY, jdbc.sql(
                        "SELECT swedish_organisation_id FROM funded_partnership WHERE id = ?").param(p.id()).query(UUID.class)
                        .single(), PER, reference).update();
        jdbc.sql("""
                INSERT INTO submission (id, application_id, version, reference, idempotency_key, snapshot, pdf, language,
                                        submitted_by, submitted_at)
                VALUES (?, ?, 1, ?, ?, ?::jsonb, '\\x00'::bytea, 'en', ?, now())
                """).params(UUID.randomUUID(), application, reference, "key-" + application,
                "{\"sections\": {\"applicant\": {\"answers\": {\"contactName\": [\"Achieng Otieno\"], \"contactEmail\": [\""
                        + achieng + "\"], \"contact2Email\": [\"" + PER.toUpperCase() + "\"]}}}}", PER).update();
        jdbc.sql("UPDATE funded_partnership SET application_id = ? WHERE id = ?").params(application, p.id()).update();
        UUID report = annual(p);

        runOn(DUE.minusDays(7));
        assertThat(mails(PER, report)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("inom en vecka");
            assertThat(m.text()).startsWith("Hej Per Nilsson!").doesNotContain(PER);
        });
        assertThat(mails(achieng, report)).singleElement().satisfies(m ->
                assertThat(m.text()).startsWith("Hello Achieng Otieno,").contains("in 7 days"));
        // the project's own contact reads the language the application was written in
        assertThat(mails(p.contactEmail(), report)).singleElement().satisfies(m ->
                assertThat(m.text()).startsWith("Hello Karin Kontakt,"));
        assertThat(jdbc.sql("SELECT array_to_string(recipients, ',') FROM project_report_reminder WHERE report_id = ?")
                .param(report).query(String.class).single().split(","))
                .containsExactlyInAnyOrder(PER, achieng, p.contactEmail());
    }
}

package se.partnerskap.application;

import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.SaveResult;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.SectionState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.StockholmTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds made with SQL and complete drafts made through {@link Applications}, for the submission tests:
 * an autumn round of 2026 open 15 September 00:00 to 15 October 23:59:59 Stockholm time.
 */
final class SubmissionFixtures {

    static final Instant OPENS = ZonedDateTime.of(LocalDateTime.of(2026, 9, 15, 0, 0), StockholmTime.ZONE).toInstant();
    static final Instant DEADLINE = ZonedDateTime.of(LocalDateTime.of(2026, 10, 15, 23, 59, 59), StockholmTime.ZONE)
            .toInstant();
    static final Instant DURING = ZonedDateTime.of(LocalDateTime.of(2026, 10, 12, 12, 0), StockholmTime.ZONE).toInstant();

    private final JdbcClient jdbc;
    private final Applications applications;

    SubmissionFixtures(JdbcClient jdbc, Applications applications) {
        this.jdbc = jdbc;
        this.applications = applications;
    }

    /**
     * The tests' own programme, a copy of Kommunala partnerskap's components, amount rules, applicant kinds
     * and core areas, so that their rounds stay out of the real programme's pages and figures. Its key
     * has the same initials, so references still read KP-.
     */
    static final String PROGRAMME = se.partnerskap.support.TestProgramme.KEY;

    void programme() {
        se.partnerskap.support.TestProgramme.ensure(jdbc);
    }

    /** A round taking inceptions with partners in Kenya, Tanzania and Ukraine and one required question. */
    UUID round(Long maxAmountSek, boolean onePerLeadAndPartner) {
        programme();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, status, budget_sek,
                                   max_amount_sek, one_per_lead_and_partner, questions)
                VALUES (?, 'kommunala-partnerskapstest', ?, 'Hösten 2026 (test)', 'Autumn 2026 (test)', ?, ?, 'open', 10000000,
                        ?, ?, '[{"key":"q1","type":"short-text","required":true,"labelSv":"Vad vill ni lära er?",
                        "labelEn":"What do you want to learn?","helpSv":"","helpEn":"","maxLength":200,"options":[]}]'::jsonb)
                """).params(id, "test-" + id, Timestamp.from(OPENS), Timestamp.from(DEADLINE), maxAmountSek,
                onePerLeadAndPartner).update();
        for (String c : List.of("KE", "TZ", "UA")) {
            jdbc.sql("INSERT INTO round_country (round_id, country_iso2) VALUES (?, ?)").params(id, c).update();
        }
        jdbc.sql("""
                INSERT INTO round_component (round_id, programme_key, component_key)
                VALUES (?, 'kommunala-partnerskapstest', 'inception')
                """).param(id).update();
        return id;
    }

    UUID userId(DemoUsers.DemoUser user) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(user.email()).query(UUID.class).single();
    }

    /** The organisation of a demo user: its municipality (or its region with {@code region}). */
    UUID organisation(DemoUsers.DemoUser user, boolean region) {
        String sql = region ? "SELECT id FROM swedish_organisation WHERE region_code = ? AND kind = 'region'"
                : "SELECT id FROM swedish_organisation WHERE municipality_code = ? AND kind = 'municipality'";
        return jdbc.sql(sql).param(region ? user.regions().getFirst() : user.municipalities().getFirst())
                .query(UUID.class).single();
    }

    UUID draft(DemoUsers.DemoUser user, UUID round, boolean region) {
        return applications.start(userId(user), user.email(), organisation(user, region), round, "inception");
    }

    /** A draft with every section completed: partner "Kisumu County" in Kenya, 200 000 kr asked. */
    UUID complete(DemoUsers.DemoUser user, UUID round, String contactEmail) {
        return complete(user, round, contactEmail, false, "Kisumu County", "KE", 200_000);
    }

    UUID complete(DemoUsers.DemoUser user, UUID round, String contactEmail, boolean region, String partner,
            String country, long amount) {
        UUID id = draft(user, round, region);
        UUID me = userId(user);
        save(id, me, user, "applicant", Map.of("contactName", "Anna Lindqvist", "contactEmail", contactEmail,
                "contactRole", "Samordnare"));
        save(id, me, user, "partners", Map.of("partner1Name", partner, "partner1Type", "municipality",
                "partner1Country", country, "partner1ContactName", "Achieng Otieno",
                "partner1ContactEmail", "achieng@kisumu.example"));
        save(id, me, user, "core-areas", Map.of("coreAreas", "participation", "theme", "Medborgardialog"));
        save(id, me, user, "challenge", Map.of("title", "Dialog i Kisumu och Karlstad",
                "challenge", "Få unga deltar i lokala beslut.", "objectives", "Fler unga i dialogen.",
                "results", "En gemensam modell för dialog."));
        save(id, me, user, "activities", Map.of("years", "1", "activities", "Studiebesök och workshoppar.",
                "timePlan", "Vår och höst."));
        save(id, me, user, "budget", Map.of("line1Category", "travel", "line1Description", "Resor",
                "line1Party", "swedish", "line1Amount", String.valueOf(amount), "requested", String.valueOf(amount)));
        save(id, me, user, "questions", Map.of("q.q1", "Hur man når unga"));
        applications.attach(id, me, user.email(), "avsiktsforklaring.pdf", pdf());
        Application a = applications.load(id, me).orElseThrow();
        assertThat(a.sections().values()).allMatch(s -> s.state() == SectionState.COMPLETED);
        return id;
    }

    /** Saves the section of the application's form that {@code section} names by its key (or address segment). */
    SaveResult save(UUID id, UUID me, DemoUsers.DemoUser user, String section, Map<String, String> fields) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        fields.forEach((k, v) -> typed.put(k, List.of(v)));
        Application a = applications.load(id, me).orElseThrow();
        int version = a.section(a.form().ofSlug(section).orElseThrow()).version();
        SaveResult result = applications.saveSection(id, me, user.email(), section, new Answers(typed), version);
        assertThat(result).as(section + " saved").isInstanceOf(SaveResult.Saved.class);
        return result;
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

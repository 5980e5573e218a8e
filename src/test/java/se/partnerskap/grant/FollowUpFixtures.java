package se.partnerskap.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.support.TestProgramme;

/**
 * Projects for the follow-up's tests, made through the grant module's API as publishing makes them, in the
 * tests' own programmes (never the real one, whose counts other tests check). Keys start with
 * {@link #PREFIX}; {@link #clean()} removes them.
 */
public final class FollowUpFixtures {

    public static final String PREFIX = "followup-test-";
    /** A programme that pays advances: 40 % when the agreement is signed, 40 % per approved report, 20 % at the end. */
    public static final String TRANCHES = "kommunala-partnerskapstranch";

    private final JdbcClient jdbc;
    private final FundedPartnerships funded;
    private final Projects projects;

    public FollowUpFixtures(JdbcClient jdbc, FundedPartnerships funded, Projects projects) {
        this.jdbc = jdbc;
        this.funded = funded;
        this.projects = projects;
    }

    public void tranchesProgramme() {
        jdbc.sql("""
                INSERT INTO programme (key, name_sv, name_en, payment_model) VALUES (?, 'Delutbetalningar (test)', 'Tranches (test)', 'tranches')
                ON CONFLICT DO NOTHING
                """).param(TRANCHES).update();
        jdbc.sql("""
                INSERT INTO programme_form (programme_key, version, definition)
                SELECT ?, version, definition FROM programme_form WHERE programme_key = 'kommunala-partnerskap'
                ON CONFLICT DO NOTHING
                """).param(TRANCHES).update();
        jdbc.sql("""
                INSERT INTO programme_tranche (programme_key, position, share_percent, condition) VALUES
                  (?, 1, 40, 'agreement-signed'), (?, 2, 40, 'report-approved'), (?, 3, 20, 'final-report-approved')
                ON CONFLICT DO NOTHING
                """).params(TRANCHES, TRANCHES, TRANCHES).update();
    }

    public UUID municipality(String code) {
        return jdbc.sql("SELECT id FROM swedish_organisation WHERE municipality_code = ? AND kind = 'municipality'")
                .param(code).query(UUID.class).single();
    }

    /** A project of {@code organisation} granted {@code amount} from {@code start} for {@code years}. */
    public FundedPartnership project(String name, UUID organisation, String programme, long amount, LocalDate start,
            int years, List<NewProject.CostLine> lines) {
        if (programme.equals(TestProgramme.KEY)) {
            TestProgramme.ensure(jdbc);
        }
        String key = PREFIX + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = funded.record(NewFundedPartnership.of(key, programme, organisation, amount)
                .partners(List.of(new NewFundedPartnership.Partner(null, "KE")))
                .theme("Medborgardialog", "Citizen dialogue")
                .period(start, start.plusYears(years).minusDays(1), FundedPartnership.Status.ACTIVE), "test");
        projects.establish(id, new NewProject(null, "Projekt " + name, years, lines,
                List.of(new NewProject.Contact("Karin Kontakt", "Projektledare", "karin@example.org", "", false))), "test");
        return funded.byKey(key).orElseThrow();
    }

    public void clean() {
        jdbc.sql("DELETE FROM funded_partnership WHERE key LIKE ?").param(PREFIX + "%").update();
    }
}

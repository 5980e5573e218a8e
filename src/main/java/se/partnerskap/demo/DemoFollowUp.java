package se.partnerskap.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.grant.FollowUpActions;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.grant.NewProject;
import se.partnerskap.grant.Projects;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.programme.FollowUpTerms;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.StockholmTime;

/**
 * Two invented projects to follow up, so that "My projects" and the officers' follow-up are not empty in
 * the demo: one for anna's Karlstad (agreement accepted and countersigned, its first tranche paid) and one
 * for per's Piteå (agreement awaiting acceptance), each with its first annual report due within a month of
 * the day they are loaded. They belong to a demo programme of their own that pays advances in tranches, so
 * that the real programme's published partnerships and counts stay as they are. Once per database
 * (marker {@value #DATA_SET} in {@code demo_load}).
 */
@Service
class DemoFollowUp {

    static final String DATA_SET = "follow-up";
    static final String PROGRAMME = "kommunala-partnerskap-forskottsdemo";
    static final String ACTOR = "demo-follow-up";

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);

    private final JdbcClient jdbc;
    private final FollowUpTerms terms;
    private final FundedPartnerships funded;
    private final Projects projects;
    private final FollowUpActions actions;
    private final Registry registry;
    private final Audit audit;
    private final Clock clock;

    DemoFollowUp(JdbcClient jdbc, FollowUpTerms terms, FundedPartnerships funded, Projects projects,
            FollowUpActions actions, Registry registry, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.funded = funded;
        this.projects = projects;
        this.actions = actions;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public boolean loadOnce() {
        int marked = jdbc.sql("INSERT INTO demo_load (data_set, loaded_at) VALUES (?, ?) ON CONFLICT (data_set) DO NOTHING")
                .params(DATA_SET, Timestamp.from(clock.instant())).update();
        if (marked == 0) {
            return false;
        }
        terms.define(PROGRAMME, "Kommunala partnerskap – demo av förskott", "Municipal Partnership – advance payment demo",
                "tranches", List.of(new FollowUpTerms.Tranche(1, 40, "agreement-signed"),
                        new FollowUpTerms.Tranche(2, 40, "report-approved"),
                        new FollowUpTerms.Tranche(3, 20, "final-report-approved")));
        LocalDate today = StockholmTime.at(clock.instant()).toLocalDate();
        // the first project year ended about six weeks ago: its annual report is due in about two weeks
        LocalDate start = today.plusDays(15).minusMonths(Projects.ANNUAL_REPORT_MONTHS).minusYears(1).plusDays(1);

        String karlstad = project("demo-follow-up-karlstad", "1780", "Makueni County", "KE", 600_000, start,
                "Jämställda studieval i Makueni", "Gender-equal choices of studies in Makueni",
                List.of(new NewProject.CostLine("travel", "Resor till och i Makueni", "swedish", 240_000),
                        new NewProject.CostLine("salaries", "Arbetstid för projektgruppen", "swedish", 260_000),
                        new NewProject.CostLine("meetings", "Workshoppar med skolor", "partner", 100_000)),
                List.of(new NewProject.Contact(DemoUsers.ANNA.name(), "Projektledare", DemoUsers.ANNA.email(), "", false),
                        new NewProject.Contact("Grace Mwikali (påhittad)", "Makueni County", "", "", false)));
        actions.acceptAgreement(karlstad, "Eva Ekström (påhittad)", "Kommundirektör", "Karlstad", DemoUsers.ANNA.email());
        actions.countersignAgreement(karlstad, DemoUsers.OLLE.name(), "Handläggare", "Visby", DemoUsers.OLLE.email());
        actions.releaseDuePayments(karlstad, start.plusMonths(1), "DEMO-VER-0001", DemoUsers.OLLE.email());

        project("demo-follow-up-pitea", "2581", "An Giang", "VN", 450_000, start,
                "Ungas röster i klimatarbetet", "Young voices in climate work",
                List.of(new NewProject.CostLine("travel", "Resor till An Giang", "swedish", 200_000),
                        new NewProject.CostLine("salaries", "Arbetstid", "swedish", 150_000),
                        new NewProject.CostLine("translation", "Tolkning", "partner", 100_000)),
                List.of(new NewProject.Contact(DemoUsers.PER.name(), "Projektledare", DemoUsers.PER.email(), "", false)));
        audit.record(ACTOR, "demo-data-loaded", "demo-load", DATA_SET, Map.of("projects", 2));
        log.info("Loaded demo data set '{}': 2 projects to follow up", DATA_SET);
        return true;
    }

    private String project(String key, String municipality, String partner, String country, long amount, LocalDate start,
            String titleSv, String titleEn, List<NewProject.CostLine> lines, List<NewProject.Contact> contacts) {
        var org = registry.organisationOfMunicipality(municipality).orElseThrow();
        var partnerOrganisation = registry.partnerOrganisation(partner, country);
        var id = funded.record(NewFundedPartnership.of(key, PROGRAMME, org.id(), amount).demoAmount()
                .partners(List.of(new NewFundedPartnership.Partner(partnerOrganisation.id(), country)))
                .theme(titleSv, titleEn)
                .period(start, start.plusYears(2).minusDays(1), FundedPartnership.Status.ACTIVE)
                .note("Ett påhittat projekt för att visa uppföljningen i demon: belopp, personer och avtal är påhittade för demon.",
                        "An invented project to show the follow-up in the demo: amounts, people and agreement are invented for the demo.")
                .title(titleSv, titleEn),
                ACTOR);
        projects.establish(id, new NewProject(null, titleSv, 2, lines, contacts), ACTOR);
        return key;
    }
}

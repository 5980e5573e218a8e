package se.partnerskap.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.application.SubmittedPlan;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.grant.NewProject;
import se.partnerskap.grant.Projects;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.StockholmTime;

/**
 * Every grant of a published round becomes a funded partnership in {@code grant}, so that it appears in
 * the project directory and on the maps. Keyed by the decision, so a re-delivered event records nothing
 * twice. Each also becomes a project that is followed up ({@link Projects#establish}): the budget approved
 * per line in the decision, contacts, reports and agreement.
 */
@Component
class GrantedPartnerships {

    static final String ACTOR = "system:publishing";

    private final SubmittedApplications applications;
    private final Decisions decisions;
    private final Registry registry;
    private final FundedPartnerships funded;
    private final Projects projects;

    GrantedPartnerships(SubmittedApplications applications, Decisions decisions, Registry registry,
            FundedPartnerships funded, Projects projects) {
        this.projects = projects;
        this.applications = applications;
        this.decisions = decisions;
        this.registry = registry;
        this.funded = funded;
    }

    static String key(UUID applicationId) {
        return "decision:" + applicationId;
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        for (UUID id : event.decisionIds()) {
            Decisions.Decision d = decisions.of(id).orElseThrow();
            if (d.outcome() != Decisions.Outcome.GRANTED) {
                continue;
            }
            SubmittedApplication a = applications.find(id).orElseThrow();
            if (a.personal()) {
                // a grant to a person (the fieldwork grant) is no partnership: it is followed up as a lump sum and a
                // field report, not as a funded project of an organisation (docs/programmes.md says what is left)
                continue;
            }
            String theme = applications.theme(id).orElse(null);
            SubmittedPlan plan = applications.plan(id)
                    .orElse(new SubmittedPlan(List.of(), List.of(), java.util.OptionalInt.empty()));
            // the application states no dates: the period starts on the day of the decision and lasts the
            // years applied for (one when not given)
            int years = Math.max(1, plan.years().orElse(1));
            LocalDate starts = StockholmTime.at(d.decidedAt()).toLocalDate();
            // the title and theme are in the language the application was sent in; the public pages show them
            // in the other language too, saying which language they are in (unless a translation is given)
            boolean english = "en".equals(a.language());
            String title = a.title() == null || a.title().isBlank() ? null : a.title();
            // the applicant may give the title in the other language too (optional)
            String other = applications.titleInOtherLanguage(id).orElse(null);
            UUID partnership = funded.record(NewFundedPartnership.of(key(id), a.programme(), a.leadOrganisation(), d.amountSek())
                    .round(a.roundId()).partners(partners(a))
                    .theme(english ? null : theme, english ? theme : null).coreAreas(a.coreAreas(), false)
                    .period(starts, starts.plusYears(years).minusDays(1), FundedPartnership.Status.ACTIVE)
                    .title(english ? other : title, english ? title : other), ACTOR);
            projects.establish(partnership, new NewProject(id, a.title(), years,
                    decisions.approvedLines(id, d.amountSek()).stream().map(l -> new NewProject.CostLine(
                            l.line().category(), l.line().description(), l.line().party(), l.line().amountSek(),
                            l.approvedSek())).toList(),
                    plan.contacts().stream().map(c -> new NewProject.Contact(c.name(), c.role(), c.email(), c.phone(),
                            false)).toList()), ACTOR);
        }
    }

    /** Each named partner with its country; a country named without a partner stands as a country only. */
    private List<NewFundedPartnership.Partner> partners(SubmittedApplication a) {
        List<NewFundedPartnership.Partner> partners = new ArrayList<>();
        List<String> countries = a.countries();
        for (int i = 0; i < a.partnerNames().size() && !countries.isEmpty(); i++) {
            String country = countries.get(Math.min(i, countries.size() - 1));
            partners.add(new NewFundedPartnership.Partner(
                    registry.partnerOrganisation(a.partnerNames().get(i), country).id(), country));
        }
        for (int i = a.partnerNames().size(); i < countries.size(); i++) {
            partners.add(new NewFundedPartnership.Partner(null, countries.get(i)));
        }
        return partners;
    }
}

package se.partnerskap.assessment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.application.GranteeListing;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.grant.NewPersonalGrant;
import se.partnerskap.grant.PersonalGrants;

/**
 * Every grant to a person in a published round (the fieldwork grant) becomes a personal grant in {@code grant},
 * followed up there (acceptance, the lump sum, the field report and the thesis), as a grant to an organisation
 * becomes a funded partnership ({@link GrantedPartnerships}). Recorded once per application.
 */
@Component
class GrantedToPersons {

    static final String ACTOR = "system";

    private final SubmittedApplications applications;
    private final Decisions decisions;
    private final PersonalGrants grants;

    GrantedToPersons(SubmittedApplications applications, Decisions decisions, PersonalGrants grants) {
        this.applications = applications;
        this.decisions = decisions;
        this.grants = grants;
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        for (var id : event.decisionIds()) {
            Decisions.Decision d = decisions.of(id).orElseThrow();
            SubmittedApplication a = applications.find(id).orElseThrow();
            if (d.outcome() != Decisions.Outcome.GRANTED || !a.personal()) {
                continue;
            }
            GranteeListing listing = applications.listing(id).orElse(new GranteeListing(false, ""));
            grants.record(new NewPersonalGrant(id, a.programme(), a.roundId(), a.applicantUser(), a.reference(),
                    a.title() == null ? "" : a.title(), listing.affiliation(),
                    a.countries().isEmpty() ? null : a.countries().getFirst(), d.amountSek(), listing.consented(),
                    d.decidedAt()), ACTOR);
        }
    }
}

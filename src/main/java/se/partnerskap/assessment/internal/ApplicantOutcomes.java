package se.partnerskap.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.ApplicationOutcomes;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.grant.ApplicantProjects;
import se.partnerskap.programme.RoundStatus;
import se.partnerskap.programme.Rounds;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;

/**
 * What the applicant's page shows of assessment and follow-up: the decision and its letter once the round
 * is published (before that a decision is the officers' draft and may still change), then the agreement
 * and the project's events.
 */
@Component
class ApplicantOutcomes implements ApplicationOutcomes {

    private final SubmittedApplications applications;
    private final Decisions decisions;
    private final Rounds rounds;
    private final ApplicantProjects projects;
    private final MessageSource messages;

    ApplicantOutcomes(SubmittedApplications applications, Decisions decisions, Rounds rounds,
            ApplicantProjects projects, MessageSource messages) {
        this.applications = applications;
        this.decisions = decisions;
        this.rounds = rounds;
        this.projects = projects;
        this.messages = messages;
    }

    /** The decision of an application if its round is published; empty before. */
    Optional<Decisions.Decision> published(SubmittedApplication a) {
        boolean published = rounds.details(a.roundId()).map(r -> r.status() == RoundStatus.DECISIONS_PUBLISHED).orElse(false);
        return published ? decisions.of(a.id()) : Optional.empty();
    }

    @Override
    public Outcome of(UUID applicationId, Language lang) {
        Optional<SubmittedApplication> found = applications.find(applicationId);
        if (found.isEmpty()) {
            return Outcome.NONE;
        }
        Optional<Decisions.Decision> decision = published(found.get());
        if (decision.isEmpty()) {
            return Outcome.NONE;
        }
        Decisions.Decision d = decision.get();
        String base = "/ansokningar/" + applicationId;
        List<Document> documents = new ArrayList<>();
        List<Event> history = new ArrayList<>();
        documents.add(new Document(t("assessment.portal.letter", lang), base + "/beslutsbrev.pdf"));
        history.add(d.outcome() == Decisions.Outcome.GRANTED
                ? new Event(d.decidedAt(), t("assessment.portal.decided.granted", lang, Sek.of(d.amountSek()).format(lang)), "")
                : new Event(d.decidedAt(), t("assessment.portal.decided.rejected", lang), ""));
        projects.agreementSigned(applicationId).ifPresent(signed -> documents.add(new Document(
                t(signed ? "assessment.portal.agreementSigned" : "assessment.portal.agreement", lang), base + "/avtal.pdf")));
        projects.history(applicationId, lang).forEach(e -> history.add(new Event(e.at(), e.what(), e.detail())));
        return new Outcome(documents, history);
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}

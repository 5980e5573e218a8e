package se.partnerskap.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.notification.Recipient;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;

/**
 * Tells every applicant of a published round its decision by e-mail, with the decision letter as PDF (in
 * the language it applied in): the person who submitted and the contacts named in the form
 * ({@link SubmittedApplications#recipients}), each greeted by name in their own language. Exactly once per decision and contact: each mail is recorded per recipient
 * ({@link Mail#sendOnce}, key {@code decision:<application>}) in the transaction that sends it, so a
 * re-delivered {@link RoundPublished} sends only the mails that did not go out, and a refused address
 * leaves the publication incomplete without holding back the other contacts or applicants. Once all of an
 * application's contacts have their notice, a row in {@code decision_notice} says so and later deliveries
 * skip the application without rendering its letter again.
 */
@Component
class DecisionNotices {

    private static final Logger log = LoggerFactory.getLogger(DecisionNotices.class);

    private final JdbcClient jdbc;
    private final SubmittedApplications applications;
    private final Decisions decisions;
    private final DecisionLetters letters;
    private final Rounds rounds;
    private final Registry registry;
    private final Mail mail;
    private final MessageSource messages;
    private final Links links;
    private final Clock clock;
    private final TransactionTemplate eachNotice;

    DecisionNotices(JdbcClient jdbc, SubmittedApplications applications, Decisions decisions, DecisionLetters letters,
            Rounds rounds, Registry registry, Mail mail, MessageSource messages, Links links, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.decisions = decisions;
        this.letters = letters;
        this.rounds = rounds;
        this.registry = registry;
        this.mail = mail;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
        this.eachNotice = new TransactionTemplate(transactions);
        this.eachNotice.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        RoundDetails round = rounds.details(event.roundId()).orElseThrow();
        List<RuntimeException> failed = new ArrayList<>();
        for (UUID id : event.decisionIds()) {
            try {
                notify(id, round);
            } catch (RuntimeException e) {
                log.warn("Could not send every decision notice of application {}: {}", id, e.getMessage());
                failed.add(e);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("The decision notices of " + failed.size() + " applications of round "
                    + event.roundId() + " were not all sent; the publication stays incomplete and is retried",
                    failed.getFirst());
        }
    }

    private void notify(UUID applicationId, RoundDetails round) {
        SubmittedApplication a = applications.find(applicationId).orElseThrow();
        Decisions.Decision d = decisions.of(applicationId).orElseThrow();
        List<Recipient> to = applications.recipients(applicationId);
        Language lang = Language.ofCode(a.language());
        if (jdbc.sql("SELECT count(*) FROM decision_notice WHERE application_id = ?").param(applicationId)
                .query(Integer.class).single() > 0) {
            return; // every contact was told before
        }
        String organisation = a.personal() ? a.applicantName()
                : registry.swedishOrganisation(a.leadOrganisation()).map(SwedishOrganisation::name).orElse("");
        // the letter is the decision, in the language applied in; each mail around it in its reader's language
        byte[] pdf = letters.render(letters.letter(a, d));
        OutgoingMail.Attachment letter = new OutgoingMail.Attachment(a.reference() + "-" + t("publishing.mail.file",
                lang) + ".pdf", "application/pdf", pdf);
        mail.sendEachOnce("decision:" + applicationId, to.stream().map(r -> {
            Language l = r.language();
            String link = links.absolute(l, "/ansokningar/" + a.id(), "/en/applications/" + a.id());
            String outcome = t(d.outcome() == Decisions.Outcome.GRANTED ? "publishing.mail.granted"
                    : "publishing.mail.rejected", l, d.amountSek() == null ? "" : se.partnerskap.shared.Sek
                            .of(d.amountSek()).format(l));
            String text = r.greeting(messages) + "\n\n" + t("publishing.mail.text", l, organisation, a.title(),
                    a.reference(), round.name(l), outcome, link);
            return new OutgoingMail(r.email(), t("publishing.mail.subject", l, a.reference()), text,
                    Map.of("X-Partnerskap-Reference", a.reference()), List.of(letter));
        }).toList());
        eachNotice.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO decision_notice (application_id, round_id, recipients, language, sent_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (application_id) DO NOTHING
                """).params(applicationId, a.roundId(), String.join(", ", to.stream().map(Recipient::email).toList()), lang.code(),
                Timestamp.from(clock.instant())).update());
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}

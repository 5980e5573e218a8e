package se.partnerskap.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.audit.Audit;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.Rounds;

/**
 * Publishes a round's decisions, once: the round becomes {@code published} and {@link RoundPublished}
 * is committed with it, so the letters, the funded partnerships and the press release follow through the
 * event publication registry. Publishing again changes nothing; a round that still takes applications (or
 * has not opened) is refused, since an application submitted after publishing could never be decided.
 */
@Service
class RoundPublishing {

    sealed interface Result {
    }

    record Published(int decisions) implements Result {
    }

    record AlreadyPublished() implements Result {
    }

    /** Some submitted applications have no decision yet: publishing would leave their applicants untold. */
    record Undecided(int count) implements Result {
    }

    record NothingDecided() implements Result {
    }

    /** The round still takes applications (or has not opened): a new one could never be decided. */
    record NotClosed(Instant deadline) implements Result {
    }

    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final RoundManagement management;
    private final SubmittedApplications applications;
    private final Decisions decisions;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoundPublishing(JdbcClient jdbc, Rounds rounds, RoundManagement management, SubmittedApplications applications,
            Decisions decisions, Audit audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.management = management;
        this.applications = applications;
        this.decisions = decisions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Result publish(UUID roundId, String actor) {
        // the lock decisions take, so that no decision changes while the round is being published
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("decision:" + roundId).query((rs, i) -> 1).list();
        RoundDetails round = rounds.details(roundId).orElseThrow(() -> new IllegalArgumentException("No round " + roundId));
        switch (round.stateAt(clock.instant())) {
            case DECIDED -> {
                return new AlreadyPublished();
            }
            case DRAFT, SCHEDULED, OPEN -> {
                return new NotClosed(round.deadline());
            }
            case CLOSED -> // past its deadline but not yet marked by the closing job: close it first, audited
                    management.closeIfDue(roundId);
        }
        Map<UUID, Decisions.Decision> decided = decisions.ofRound(roundId);
        List<SubmittedApplication> submitted = applications.ofRound(roundId);
        int undecided = (int) submitted.stream().filter(a -> !decided.containsKey(a.id())).count();
        if (undecided > 0) {
            return new Undecided(undecided);
        }
        if (decided.isEmpty()) {
            return new NothingDecided();
        }
        // the row lock in markPublished decides between two officers who got this far at the same moment
        if (!rounds.markPublished(roundId)) {
            return new AlreadyPublished();
        }
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>(decided.keySet());
        long granted = decided.values().stream().filter(d -> d.outcome() == Decisions.Outcome.GRANTED).count();
        long total = decided.values().stream().filter(d -> d.amountSek() != null).mapToLong(Decisions.Decision::amountSek)
                .sum();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decisions", ids.size());
        details.put("granted", granted);
        details.put("grantedSek", total);
        audit.record(actor, "assessment.round-published", "round", roundId.toString(), details);
        events.publishEvent(new RoundPublished(roundId, now, ids));
        return new Published(ids.size());
    }
}

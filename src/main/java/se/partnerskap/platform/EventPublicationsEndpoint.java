package se.partnerskap.platform;

import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.audit.Audit;

/**
 * The operator's view of event publications that failed: {@code GET /actuator/publications} lists
 * them (retrying or given up, with attempts and the next attempt) and counts the unfinished ones by
 * status; {@code POST /actuator/publications/{id}} resubmits one now, audited. Behind the scraper's login
 * like every endpoint but health (identity.internal.ActuatorSecurity). The events themselves (addresses,
 * names) are not shown.
 */
@Component
@Endpoint(id = "publications", defaultAccess = Access.UNRESTRICTED)
public class EventPublicationsEndpoint {

    private final EventPublicationRepository publications;
    private final EventResubmission resubmission;
    private final EventRetryPolicy policy;
    private final Audit audit;
    private final TransactionTemplate transaction;

    EventPublicationsEndpoint(EventPublicationRepository publications, EventResubmission resubmission,
            EventRetryPolicy policy, Audit audit, TransactionTemplate transaction) {
        this.publications = publications;
        this.resubmission = resubmission;
        this.policy = policy;
        this.audit = audit;
        this.transaction = transaction;
    }

    public record Failed(UUID id, String event, String listener, Instant publishedAt, int attempts,
            Instant lastAttemptAt, Instant nextAttemptAt, boolean givenUp) {
    }

    public record Overview(int published, int processing, int resubmitted, int failed, long givenUp, int maxAttempts,
            List<Failed> failedPublications) {
    }

    public record Resubmitted(UUID id, boolean resubmitted) {
    }

    @ReadOperation
    public Overview overview() {
        List<Failed> failed = publications.findByStatus(Status.FAILED).stream()
                .sorted(Comparator.comparing(TargetEventPublication::getPublicationDate))
                .map(this::failed)
                .toList();
        return new Overview(publications.countByStatus(Status.PUBLISHED), publications.countByStatus(Status.PROCESSING),
                publications.countByStatus(Status.RESUBMITTED), failed.size(),
                failed.stream().filter(Failed::givenUp).count(), policy.maxAttempts(), failed);
    }

    @WriteOperation
    public Resubmitted resubmit(@Selector UUID id, Principal operator) {
        boolean done = resubmission.resubmitNow(id);
        if (done) {
            transaction.executeWithoutResult(status -> audit.record(operator == null ? "actuator" : operator.getName(),
                    "event-publication.resubmitted", "event_publication", id.toString(), Map.of()));
        }
        return new Resubmitted(id, done);
    }

    private Failed failed(TargetEventPublication p) {
        String type = p.getEvent().getClass().getName();
        return new Failed(p.getIdentifier(), type, p.getTargetIdentifier().getValue(), p.getPublicationDate(),
                p.getCompletionAttempts(), EventRetryPolicy.lastAttempt(p), policy.nextAttempt(p), policy.givenUp(p));
    }
}

package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.ApplicationOutcomes;
import se.partnerskap.audit.AuditLog;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * The applicant's view of what happened to an application: its own events (started, submitted, withdrawn)
 * from the audit log, and what the later modules report ({@link ApplicationOutcomes}: the decision once
 * published, the agreement, payments), oldest first, dates in Stockholm time; with the documents to
 * download.
 */
@Component
public class ApplicationHistory {

    /** The application's own events an applicant is told of (saves and conflicts are too many to be history). */
    static final Set<String> SHOWN = Set.of("application.draft-created", "application.submitted",
            "application.withdrawn");

    /** An event ready to show. */
    public record Line(String when, String what, String detail) {
    }

    /** The documents and the history of an application. */
    public record View(List<ApplicationOutcomes.Document> documents, List<Line> history) {
    }

    private final AuditLog auditLog;
    private final ObjectProvider<ApplicationOutcomes> outcomes;
    private final MessageSource messages;

    ApplicationHistory(AuditLog auditLog, ObjectProvider<ApplicationOutcomes> outcomes, MessageSource messages) {
        this.auditLog = auditLog;
        this.outcomes = outcomes;
        this.messages = messages;
    }

    View of(Application a, Language lang) {
        ApplicationOutcomes.Outcome outcome = a.isDraft() ? ApplicationOutcomes.Outcome.NONE
                : outcomes.stream().map(o -> o.of(a.id(), lang)).findFirst().orElse(ApplicationOutcomes.Outcome.NONE);
        List<ApplicationOutcomes.Event> events = new ArrayList<>(outcome.history());
        for (AuditLog.Entry e : auditLog.entries(new AuditLog.Filter(null, null, a.id().toString(), null))) {
            if (SHOWN.contains(e.action())) {
                String key = "application.history." + e.action().substring("application.".length());
                events.add(new ApplicationOutcomes.Event(e.occurredAt(),
                        messages.getMessage(key, null, key, lang.locale()), e.actor().startsWith("system:") ? ""
                                : messages.getMessage("application.history.by", new Object[] {e.actor()}, lang.locale())));
            }
        }
        events.sort(Comparator.comparing(ApplicationOutcomes.Event::at));
        return new View(outcome.documents(), events.stream().map(e -> new Line(StockholmTime.dateTime(e.at(), lang),
                e.what(), e.detail())).toList());
    }
}

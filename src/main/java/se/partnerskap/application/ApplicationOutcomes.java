package se.partnerskap.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * What became of an application after it was sent, as the modules that handle it afterwards know it: the
 * documents to download (the decision letter, the agreement) and the events of its history (decided,
 * agreement signed, paid). The applicant's page of the application shows them; assessment provides them,
 * so that the application module need not know assessment or grant. Called only for someone who may read
 * the application.
 */
public interface ApplicationOutcomes {

    Outcome of(UUID applicationId, Language lang);

    /** Documents and events, every text in {@code lang}. */
    record Outcome(List<Document> documents, List<Event> history) {

        public static final Outcome NONE = new Outcome(List.of(), List.of());

        public Outcome {
            documents = List.copyOf(documents);
            history = List.copyOf(history);
        }
    }

    /** A document to download: its name and its address (a Swedish path; the page puts it in its language). */
    record Document(String label, String path) {
    }

    /** An event: when, what happened, and a detail (an amount, a report) or "". */
    record Event(Instant at, String what, String detail) {
    }
}

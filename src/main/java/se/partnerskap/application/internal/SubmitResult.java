package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.List;

/** What became of a submit. */
public sealed interface SubmitResult {

    /** Committed now: a new snapshot. */
    record Submitted(SubmissionRecord submission) implements SubmitResult {
    }

    /**
     * Nothing new: the same form was sent before (same idempotency key) or the application is already
     * submitted. {@code submission} is the one that stands.
     */
    record AlreadySubmitted(SubmissionRecord submission) implements SubmitResult {
    }

    /** Refused: the round is closed by the server's clock (the deadline passed, or it is not open yet). */
    record Closed(Instant deadline) implements SubmitResult {
    }

    /** Refused: rules of eligibility failed; nothing was submitted. */
    record Ineligible(List<Ineligibility> reasons) implements SubmitResult {
    }

    /** Refused: the declaration was not confirmed. */
    record NotDeclared() implements SubmitResult {
    }
}

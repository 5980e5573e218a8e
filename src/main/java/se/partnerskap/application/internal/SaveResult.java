package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.Map;

/** What became of a section save. */
public sealed interface SaveResult {

    /**
     * Stored: the new version. {@code remaining} holds what is still to do: required answers missing, an amount over the maximum (the section is
     * then in progress); they are not errors of the save.
     */
    record Saved(int version, Instant at, SectionState state, Map<String, Problem> remaining) implements SaveResult {
    }

    /** Refused because a value is not valid (an amount of -5, a country outside the round): nothing stored. */
    record Invalid(Map<String, Problem> problems) implements SaveResult {
    }

    /** Refused because someone saved the section after the version this save was based on; kept as a conflict. */
    record Conflict(SectionAnswers current, Answers refused) implements SaveResult {
    }
}

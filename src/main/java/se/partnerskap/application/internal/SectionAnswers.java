package se.partnerskap.application.internal;

import java.time.Instant;

/** One section of an application as last saved: its answers, state and version (0 until first saved). */
public record SectionAnswers(String key, Answers answers, SectionState state, int version, String savedBy,
        Instant savedAt) {
}

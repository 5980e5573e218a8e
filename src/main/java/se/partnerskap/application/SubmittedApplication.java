package se.partnerskap.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submitted application as assessment reads it: who applies (an organisation, or a person for themselves with
 * {@code applicantUser} and {@code applicantName}), with whom, where, for what and how much, in which language it
 * was sent (the language of its letters).
 */
public record SubmittedApplication(UUID id, UUID roundId, String programme, String reference, String title,
        UUID leadOrganisation, UUID applicantUser, String applicantName, List<String> partnerNames,
        List<String> countries, List<String> coreAreas, long requestedSek, String language, Instant submittedAt) {

    /** A person applies for themselves (the fieldwork grant), not an organisation. */
    public boolean personal() {
        return applicantUser != null;
    }
}

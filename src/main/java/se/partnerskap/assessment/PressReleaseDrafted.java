package se.partnerskap.assessment;

import java.util.UUID;

/**
 * The press release of a published round was drafted (in both languages): the newsroom takes it over as
 * a draft. Published through the event publication registry, once per round.
 */
public record PressReleaseDrafted(UUID draftId, UUID roundId) {
}

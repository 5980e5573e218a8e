package se.partnerskap.registry;

import java.util.UUID;

/** A Swedish organisation that may apply: a municipality, a region, a county council or a federation. */
public record SwedishOrganisation(UUID id, String kind, String name, String municipalityCode, String regionCode) {
}

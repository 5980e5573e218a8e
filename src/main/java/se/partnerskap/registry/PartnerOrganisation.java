package se.partnerskap.registry;

import java.util.UUID;

/** A foreign partner organisation (e.g. Makueni County, Kenya), a record of its own linked to its country. */
public record PartnerOrganisation(UUID id, String name, String kind, String countryIso2) {
}

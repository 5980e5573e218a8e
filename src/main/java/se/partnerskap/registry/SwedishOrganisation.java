package se.partnerskap.registry;

import java.util.UUID;

/** A Swedish organisation that may apply: a municipality, a region, a county council or a federation. */
public record SwedishOrganisation(UUID id, String kind, String name, String municipalityCode, String regionCode) {

    /**
     * The name a document addresses it by: a municipality by its legal name ("Karlstads kommun", "Umeå
     * kommun", "Kalix kommun", "Falu kommun"), which is what the registry of organisations holds even for
     * those that call themselves "stad"; a region by its own name, which already is its full name.
     */
    public String officialName() {
        if (!"municipality".equals(kind)) {
            return name;
        }
        if ("Falun".equals(name)) {
            return "Falu kommun";
        }
        char last = Character.toLowerCase(name.charAt(name.length() - 1));
        boolean noGenitiveS = "aeiouyåäösxz".indexOf(last) >= 0;
        return name + (noGenitiveS ? "" : "s") + " kommun";
    }
}

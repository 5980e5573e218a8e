package se.partnerskap.application.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.identity.People;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/** Who applies, by name: the Swedish organisation that leads an application, or the person who applies themselves. */
@Component
public class Applicants {

    private final Registry registry;
    private final People people;

    Applicants(Registry registry, People people) {
        this.registry = registry;
        this.people = people;
    }

    public String name(Application a) {
        return name(a.leadOrganisation(), a.applicantUser());
    }

    public String name(UUID organisation, UUID person) {
        return organisation != null ? registry.swedishOrganisation(organisation).map(SwedishOrganisation::name).orElse("")
                : people.name(person);
    }
}

package se.partnerskap.identity.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.identity.DemoUsers.DemoUser;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/** In demo mode, makes sure there is one invented user per role; creates only the missing ones. */
@Component
@ConditionalOnBooleanProperty("partnerskap.demo")
class DemoUserSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoUserSeeder.class);

    private final Accounts accounts;
    private final Registry registry;

    DemoUserSeeder(Accounts accounts, Registry registry) {
        this.accounts = accounts;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createDemoUsers() {
        for (DemoUser user : DemoUsers.ALL) {
            Set<UUID> organisations = new LinkedHashSet<>();
            user.municipalities().forEach(code -> registry.organisationOfMunicipality(code)
                    .map(SwedishOrganisation::id).ifPresent(organisations::add));
            user.regions().forEach(code -> registry.organisationOfRegion(code)
                    .map(SwedishOrganisation::id).ifPresent(organisations::add));
            if (accounts.createActiveIfMissing(user.email(), user.name(), DemoUsers.PASSWORD, user.roles(), organisations)) {
                log.info("Created demo user {} ({})", user.email(), user.role());
            }
        }
    }
}

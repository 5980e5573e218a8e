package se.partnerskap.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.web.Links;

/**
 * A real deployment (demo off) with no administrator who can log in prints, once per start, the one-time
 * link that sets up the first administrator. It also warns when the demo's users, whose password is in
 * the README, are in the database.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerskap.demo", havingValue = false, matchIfMissing = true)
class FirstAdministratorLink {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorLink.class);

    private final FirstAdministrator firstAdministrator;
    private final Accounts accounts;
    private final Links links;

    FirstAdministratorLink(FirstAdministrator firstAdministrator, Accounts accounts, Links links) {
        this.firstAdministrator = firstAdministrator;
        this.accounts = accounts;
        this.links = links;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLink() {
        // issued and committed before it is printed: a printed link is one that works (until the next start)
        firstAdministrator.issue().ifPresent(token -> log.warn("""

                ************************************************************************
                No administrator can log in yet. Open this one-time link to set up the
                first administrator (e-mail, name and password):

                    {}
                    (in English: {})

                The link works once and only until an administrator exists. Every start
                without an administrator replaces it: only the link printed last works.
                ************************************************************************""",
                links.absolute("/installation/" + token), links.absolute("/en/setup/" + token)));
        List<String> demoUsers = DemoUsers.ALL.stream().map(DemoUsers.DemoUser::email)
                .filter(email -> accounts.byEmail(email).filter(Account::canLogIn).isPresent()).toList();
        if (!demoUsers.isEmpty()) {
            log.warn("Demo mode is off, but the demo users {} can still log in with the password from the README. "
                    + "Disable them under Users (/admin/anvandare), or start on an empty database.", demoUsers);
        }
    }
}

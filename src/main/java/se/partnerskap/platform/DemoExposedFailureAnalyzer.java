package se.partnerskap.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why a demo at a public address does not start, and the ways out. */
class DemoExposedFailureAnalyzer extends AbstractFailureAnalyzer<DemoExposedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoExposedException cause) {
        return new FailureAnalysis(
                "Partnerskap is in demo mode (partnerskap.demo=true, the default with the embedded database), "
                        + "but partnerskap.base-url is " + cause.baseUrl() + ", which is not this machine. "
                        + "In demo mode every demo user has the password from the README and the mail catcher "
                        + "shows password-reset links, so anyone who reaches it could take over accounts.",
                """
                For a real deployment switch demo mode off (PARTNERSKAP_DEMO=false, or configure a PostgreSQL server);
                the log then prints a one-time link to set up the first administrator.
                To try the demo on this machine only, leave partnerskap.base-url at http://localhost:8080.
                To show the demo on purpose at a public address (invented data, known passwords), set
                PARTNERSKAP_DEMO_PUBLIC=true (partnerskap.demo-public=true).""",
                cause);
    }
}

package se.partnerskap.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why demo mode does not start from the server jar, and the ways out. */
class MailCatcherMissingFailureAnalyzer extends AbstractFailureAnalyzer<MailCatcherMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MailCatcherMissingException cause) {
        return new FailureAnalysis(
                "Demo mode is on (partnerskap.demo=true) and no mail server is configured, so the demo's mail "
                        + "would go to its local mail catcher, but this is the server jar "
                        + "(partnerskap-<version>-server.jar), which does not contain the mail catcher.",
                """
                Either switch demo mode off (PARTNERSKAP_DEMO=false) for a real deployment,
                or configure a mail server (SPRING_MAIL_HOST=smtp.example, SPRING_MAIL_PORT=587, ...),
                or run the demo from the default jar (partnerskap-<version>.jar) or with ./mvnw spring-boot:run,
                which carry the mail catcher and show the caught mail at /demo/e-post.""",
                cause);
    }
}

package se.partnerskap.notification;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode in the server jar, which has no GreenMail on its class path. */
class MailCatcherMissingTest {

    private final ApplicationContextRunner mail = new ApplicationContextRunner()
            .withUserConfiguration(MailConfiguration.class);

    @Test
    void demoModeWithoutTheMailCatcherStopsAndSaysWhy() {
        mail.withClassLoader(new FilteredClassLoader("com.icegreen.greenmail"))
                .withPropertyValues("partnerskap.demo=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new MailCatcherMissingFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("server jar", "does not contain the mail catcher");
                    assertThat(analysis.getAction()).contains("PARTNERSKAP_DEMO=false", "SPRING_MAIL_HOST=");
                });
    }

    @Test
    void demoModeWithAMailServerNeedsNoCatcher() {
        mail.withClassLoader(new FilteredClassLoader("com.icegreen.greenmail"))
                .withPropertyValues("partnerskap.demo=true", "spring.mail.host=smtp.example")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MailCatcher.class));
    }

    @Test
    void withGreenMailPresentDemoMailGoesToTheCatcher() {
        mail.withPropertyValues("partnerskap.demo=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MailCatcher.class)
                        .hasSingleBean(JavaMailSender.class));
    }
}

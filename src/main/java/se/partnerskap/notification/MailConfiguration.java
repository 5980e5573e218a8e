package se.partnerskap.notification;

import java.util.Map;
import java.util.Properties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In demo mode with no {@code spring.mail.host}, mail goes to the local mail catcher. With
 * {@code spring.mail.host} set, Spring Boot's own mail sender talks to that server. Every sender takes
 * the Jakarta Mail settings under {@code spring.mail.properties}, above all the connection, read and write
 * timeouts (application.properties), so that a mail server that hangs costs seconds, not threads.
 * The server jar has no GreenMail: there the catcher's classes are never loaded, and demo mode without
 * {@code spring.mail.host} stops with {@link MailCatcherMissingException}.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** GreenMail, named, not referenced: the server jar lacks it. */
    private static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

    /** {@code spring.mail.properties.*}, which Spring Boot applies only to its own sender, for ours too. */
    static Properties javaMailProperties(Environment environment) {
        Properties props = new Properties();
        props.putAll(Binder.get(environment)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        return props;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${partnerskap.demo:false} and '${spring.mail.host:}'.isEmpty()")
    @ConditionalOnClass(name = GREENMAIL)
    static class CatcherConfiguration {

        @Bean(destroyMethod = "close")
        MailCatcher mailCatcher() {
            return new MailCatcher();
        }

        @Bean
        JavaMailSender mailSender(MailCatcher catcher, Environment environment) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(catcher.port());
            sender.setJavaMailProperties(javaMailProperties(environment));
            return sender;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${partnerskap.demo:false} and '${spring.mail.host:}'.isEmpty()")
    @ConditionalOnMissingClass(GREENMAIL)
    static class NoCatcherConfiguration {

        /** Demo mode in the server jar: no catcher to send to, and mail must not go out unasked. */
        @Bean
        JavaMailSender mailSender() {
            throw new MailCatcherMissingException();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!${partnerskap.demo:false} and '${spring.mail.host:}'.isEmpty()")
    static class LocalhostConfiguration {

        /** Without configuration, mail goes to an SMTP server on this host (port 25). */
        @Bean
        JavaMailSender mailSender(Environment environment) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(25);
            sender.setJavaMailProperties(javaMailProperties(environment));
            return sender;
        }
    }
}

package se.partnerskap.notification;

import java.util.Properties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In demo mode with no {@code spring.mail.host}, mail goes to the local mail catcher. With
 * {@code spring.mail.host} set, Spring Boot's own mail sender talks to that server.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${partnerskap.demo:false} and '${spring.mail.host:}'.isEmpty()")
    static class CatcherConfiguration {

        @Bean(destroyMethod = "close")
        MailCatcher mailCatcher() {
            return new MailCatcher();
        }

        @Bean
        JavaMailSender mailSender(MailCatcher catcher) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(catcher.port());
            Properties props = new Properties();
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "5000");
            sender.setJavaMailProperties(props);
            return sender;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!${partnerskap.demo:false} and '${spring.mail.host:}'.isEmpty()")
    static class LocalhostConfiguration {

        /** Without configuration, mail goes to an SMTP server on this host (port 25). */
        @Bean
        JavaMailSender mailSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(25);
            return sender;
        }
    }
}

package se.partnerskap.notification;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A mail server that accepts the connection and then never answers costs seconds, not a thread for ever. */
class MailTimeoutTest extends AbstractIntegrationTest {

    @Autowired
    JavaMailSender applicationSender;

    @Autowired
    Environment environment;

    @Autowired
    java.time.Clock applicationClock;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aSendToAServerThatAcceptsAndNeverAnswersEndsInAReadTimeout() throws Exception {
        // The application's sender carries the timeouts ...
        var properties = ((JavaMailSenderImpl) applicationSender).getJavaMailProperties();
        assertThat(properties).containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "5000").containsEntry("mail.smtp.writetimeout", "5000");

        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept()); // and never a greeting
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            // ... and a sender configured the same way, pointed at the silent server, gives up in seconds.
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(silent.getLocalPort());
            sender.setJavaMailProperties(MailConfiguration.javaMailProperties(environment));
            Mail mail = new Mail(sender, "Kommunala partnerskap <noreply@partnerskap.example>", jdbc, applicationClock,
                    transactions);

            // the bound only keeps a broken build from hanging; what counts is that the read timed out
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() ->
                    mail.send(new OutgoingMail("someone@test.example", "Hello", "Text")))
                    .isInstanceOf(MailException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class));
            assertThat(accepted).isNotEmpty();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}

package se.partnerskap.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Mail#sendOnce}: one delivery per key and recipient, recorded only once the SMTP server took it,
 * also when two deliveries of the same event run at the same moment.
 */
class MailDeliveryTest extends AbstractIntegrationTest {

    @Autowired
    Mail sender;

    private static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@test.example";
    }

    private int rows(String key) {
        return jdbc.sql("SELECT count(*) FROM mail_delivery WHERE delivery_key = ?").param(key).query(Integer.class)
                .single();
    }

    @Test
    void aMailIsSentOncePerKeyAndRecipientWhateverTheCaseOfTheAddress() {
        String to = address("once");
        String key = "test:" + UUID.randomUUID();
        assertThat(sender.sendOnce(key, new OutgoingMail(to, "Ett", "Text"))).isEqualTo(Mail.Delivery.SENT);
        assertThat(sender.sendOnce(key, new OutgoingMail(to.toUpperCase(), "Ett", "Text")))
                .isEqualTo(Mail.Delivery.SENT_BEFORE);
        assertThat(mail.messagesTo(to)).hasSize(1);
        // another effect to the same person is another mail
        assertThat(sender.sendOnce("test:" + UUID.randomUUID(), new OutgoingMail(to, "Två", "Text")))
                .isEqualTo(Mail.Delivery.SENT);
        assertThat(mail.messagesTo(to)).hasSize(2);
    }

    @Test
    void aRefusedMailIsNotRecordedAndGoesOutWhenTheServerTakesItWhileTheOthersAreNotSentAgain() {
        String taken = address("taken");
        String refused = address("refused");
        String key = "test:" + UUID.randomUUID();
        List<OutgoingMail> mails = List.of(new OutgoingMail(refused, "Kvitto", "Text"),
                new OutgoingMail(taken, "Kvitto", "Text"));
        mail.refuse(refused);
        try {
            // the refused one first: the one after it is still tried
            assertThatThrownBy(() -> sender.sendEachOnce(key, mails)).isInstanceOf(Mail.NotAllDelivered.class)
                    .hasMessageContaining("1 of 2");
            assertThat(mail.messagesTo(taken)).hasSize(1);
            assertThat(mail.messagesTo(refused)).isEmpty();
            assertThat(rows(key)).isEqualTo(1);
        } finally {
            mail.accept(refused);
        }
        sender.sendEachOnce(key, mails);
        assertThat(mail.messagesTo(taken)).hasSize(1);
        assertThat(mail.messagesTo(refused)).hasSize(1);
        assertThat(rows(key)).isEqualTo(2);
    }

    @Test
    void twoDeliveriesAtTheSameMomentSendOneMailTheSecondWaitsForTheFirstAndSkips() throws Exception {
        String to = address("together");
        String key = "test:" + UUID.randomUUID();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            // the first holds its uncommitted row until the second is seen waiting for it in the database
            CountDownLatch claimed = new CountDownLatch(1);
            CompletableFuture<Mail.Delivery> first = CompletableFuture.supplyAsync(() -> sender.sendOnce(key, to, () -> {
                claimed.countDown();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                          AND query LIKE 'INSERT INTO mail_delivery%'
                        """).query(Integer.class).single() > 0);
                return Optional.of(new OutgoingMail(to, "Samtidigt", "Text"));
            }), two);
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Mail.Delivery> second = CompletableFuture.supplyAsync(
                    () -> sender.sendOnce(key, new OutgoingMail(to, "Samtidigt", "Text")), two);

            assertThat(List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS)))
                    .containsExactly(Mail.Delivery.SENT, Mail.Delivery.SENT_BEFORE);
        } finally {
            two.shutdownNow();
        }
        assertThat(mail.messagesTo(to)).hasSize(1);
        assertThat(rows(key)).isEqualTo(1);
    }

    @Test
    void aMailNoLongerDueOrToAnAddressNoServerTakesIsNeitherSentNorRecorded() {
        String to = address("due");
        String key = "test:" + UUID.randomUUID();
        assertThat(sender.sendOnce(key, to, Optional::empty)).isEqualTo(Mail.Delivery.NOT_DUE);
        assertThat(sender.sendOnce(key, new OutgoingMail("not an address", "Ett", "Text")))
                .isEqualTo(Mail.Delivery.UNSENDABLE);
        assertThat(rows(key)).isZero();
        assertThat(mail.messagesTo(to)).isEmpty();
    }
}

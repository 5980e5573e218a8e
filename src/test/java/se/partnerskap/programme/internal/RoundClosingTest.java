package se.partnerskap.programme.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.Rounds;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A round closes by itself at its deadline: the scheduled job marks it closed once, audited, however often
 * it runs and on however many instances; between runs the round already takes nothing.
 *
 * <p>The rounds lie in 2016, so that closing "every round past its deadline" touches no other test's round.
 */
class RoundClosingTest extends AbstractIntegrationTest {

    private static final Instant OPENS = Instant.parse("2016-01-01T00:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2016-01-31T22:59:59Z");

    @Autowired
    RoundClosing job;

    @Autowired
    RoundManagement management;

    @Autowired
    Rounds rounds;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aRoundPastItsDeadlineIsClosedByTheJobOnceAndTheAuditSaysSo() {
        clock.set(OPENS.plus(Duration.ofDays(3)));
        UUID due = openRound(DEADLINE);
        UUID later = openRound(DEADLINE.plus(Duration.ofDays(30)));
        job.run();
        assertThat(status(due)).isEqualTo("open");
        assertThat(rounds.details(due).orElseThrow().isOpenAt(clock.instant())).isTrue();

        // the last second still takes applications; the next one does not, even before the job has run
        clock.set(DEADLINE);
        assertThat(rounds.details(due).orElseThrow().isOpenAt(clock.instant())).isTrue();
        clock.set(DEADLINE.plusSeconds(1));
        RoundDetails between = rounds.details(due).orElseThrow();
        assertThat(between.status()).isEqualTo(se.partnerskap.programme.RoundStatus.OPEN);
        assertThat(between.isOpenAt(clock.instant())).isFalse();
        assertThat(between.stateAt(clock.instant())).isEqualTo(RoundDetails.State.CLOSED);
        assertThat(rounds.openAt(TestProgramme.KEY, clock.instant())).extracting(RoundDetails::id)
                .doesNotContain(due).contains(later);
        // nor can it be extended any more: its deadline has passed
        assertThatThrownBy(() -> management.extend(due, DEADLINE.plus(Duration.ofDays(5)), "Sent", "Late",
                between.version(), "olle")).isInstanceOf(RoundManagement.NotAllowed.class);

        job.run();
        job.run();
        assertThat(status(due)).isEqualTo("closed");
        assertThat(status(later)).isEqualTo("open");
        assertThat(rounds.details(due).orElseThrow().version()).isEqualTo(between.version() + 1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE action = 'round-closed' AND subject_id = ? AND actor = 'system'
                  AND details ->> 'reason' = 'deadline'
                """).param(due.toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'round-closed' AND subject_id = ?")
                .param(later.toString()).query(Integer.class).single()).isZero();
    }

    @Test
    void twoInstancesClosingAtTheSameMomentCloseTheRoundOnce() throws Exception {
        clock.set(OPENS.plus(Duration.ofDays(3)));
        UUID due = openRound(DEADLINE);
        clock.set(DEADLINE.plus(Duration.ofMinutes(1)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<UUID>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return management.closeDue();
                }));
            }
            start.countDown();
            int closings = 0;
            for (Future<List<UUID>> run : runs) {
                closings += (int) run.get().stream().filter(due::equals).count();
            }
            assertThat(closings).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(status(due)).isEqualTo("closed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'round-closed' AND subject_id = ?")
                .param(due.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    private UUID openRound(Instant deadline) {
        TestProgramme.ensure(jdbc);
        return tx.execute(s -> {
            UUID id = management.create(new RoundInput(TestProgramme.KEY, "Stängs " + UUID.randomUUID(),
                    "Closes", OPENS, deadline, 1_000_000, 100_000, false, true, List.of("KE"), List.of("project")),
                    "test");
            management.open(id, 1, "test");
            return id;
        });
    }

    private String status(UUID round) {
        return jdbc.sql("SELECT status FROM round WHERE id = ?").param(round).query(String.class).single();
    }
}

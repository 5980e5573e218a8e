package se.partnerskap.platform;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work known to run longer than a page (the Excel exports, the PDF builds, the demo loader) gets longer
 * statement and lock timeouts than the pool's defaults (15 s and 5 s, docs/database.md), for its own
 * transaction only: {@code set_config(..., true)} ends with the transaction, so the connection goes back
 * to the pool with the short defaults.
 */
@Component
public class LongWork {

    /** The longest a single statement of long work may run. */
    public static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(2);
    /** The longest long work waits for a row another transaction holds. */
    public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    LongWork(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /**
     * Raises the timeouts for the rest of the current transaction (call it first thing in a
     * {@code @Transactional} method of long work).
     */
    public void inThisTransaction() {
        jdbc.sql("SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)")
                .params(STATEMENT_TIMEOUT.toMillis() + "ms", LOCK_TIMEOUT.toMillis() + "ms")
                .query((rs, n) -> n).list();
    }

    /** Reads what long work needs in one read-only transaction with the longer timeouts. */
    public <T> T read(Supplier<T> work) {
        return readOnly.execute(status -> {
            inThisTransaction();
            return work.get();
        });
    }
}

package se.partnerskap.grant.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.shared.StockholmTime;

/**
 * The money of funded partnerships as the open data reports it: when each grant was recorded (the commitment) and
 * the payments released on it, in two reads however many partnerships.
 */
@Component
@Transactional(readOnly = true)
class ProjectFinances {

    /** A released payment; {@code repayment} when it is money the grantee paid back. */
    record Payment(LocalDate on, long amountSek, boolean repayment) {
    }

    /**
     * @param recordedOn  the day the grant was recorded (its round published), in the programme's calendar
     * @param lastChanged the latest of the recording and the payments' releases
     * @param released    the released payments, oldest first
     * @param anyDue      whether a payment or repayment is still due
     */
    record Finance(LocalDate recordedOn, Instant lastChanged, List<Payment> released, boolean anyDue) {
    }

    private final JdbcClient jdbc;

    ProjectFinances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Finance> of(Collection<UUID> ids) {
        Map<UUID, Finance> finances = new HashMap<>();
        if (ids.isEmpty()) {
            return finances;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, Instant> recorded = new HashMap<>();
        jdbc.sql("SELECT id, recorded_at FROM funded_partnership WHERE id = ANY(?)").param(array)
                .query((RowCallbackHandler) rs -> recorded.put(rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant()));
        Map<UUID, List<Payment>> released = new HashMap<>();
        Map<UUID, Instant> lastReleased = new HashMap<>();
        java.util.Set<UUID> due = new java.util.HashSet<>();
        jdbc.sql("""
                SELECT funded_partnership_id, kind, amount_sek, status, released_on, released_at FROM project_payment
                WHERE funded_partnership_id = ANY(?) ORDER BY released_on NULLS LAST, due_since, id
                """).param(array).query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!"released".equals(rs.getString(4))) {
                        due.add(id);
                        return;
                    }
                    released.computeIfAbsent(id, k -> new ArrayList<>()).add(new Payment(
                            rs.getObject(5, LocalDate.class), rs.getLong(3), "repayment".equals(rs.getString(2))));
                    java.sql.Timestamp at = rs.getTimestamp(6);
                    if (at != null) {
                        lastReleased.merge(id, at.toInstant(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                });
        recorded.forEach((id, at) -> {
            Instant last = lastReleased.getOrDefault(id, at);
            finances.put(id, new Finance(LocalDate.ofInstant(at, StockholmTime.ZONE), last.isAfter(at) ? last : at,
                    List.copyOf(released.getOrDefault(id, List.of())), due.contains(id)));
        });
        return finances;
    }
}

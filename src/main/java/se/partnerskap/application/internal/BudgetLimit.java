package se.partnerskap.application.internal;

import java.util.OptionalLong;

/**
 * The budget against the component's maximum for this partner region, number of parties and years:
 * {@code maximum} is empty until a partner country is chosen.
 */
public record BudgetLimit(long total, long requested, OptionalLong maximum, int parties, int years) {

    /** What may still be asked for under the maximum (negative when over it). */
    public OptionalLong left() {
        return maximum.isPresent() ? OptionalLong.of(maximum.getAsLong() - requested) : OptionalLong.empty();
    }

    public boolean over() {
        return maximum.isPresent() && requested > maximum.getAsLong();
    }
}

package se.partnerskap.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A limit on how often something may happen for one subject (an address, an account, a recipient):
 * at most {@code count} per {@code period} for each allowance, refilled gradually (a token every
 * period/count). A name of its own keeps its buckets apart from every other limit's.
 */
public record RateLimit(String name, List<Allowance> allowances) {

    public record Allowance(long count, Duration period) {
        public Allowance {
            if (count < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("An allowance needs a count and a period: " + count + " per " + period);
            }
        }
    }

    public RateLimit {
        Objects.requireNonNull(name);
        allowances = List.copyOf(allowances);
        if (allowances.isEmpty()) {
            throw new IllegalArgumentException("A limit needs an allowance: " + name);
        }
    }

    public static RateLimit of(String name, long count, Duration period) {
        return new RateLimit(name, List.of(new Allowance(count, period)));
    }

    /** The same limit with a further allowance, e.g. 5 a quarter of an hour and also 20 a day. */
    public RateLimit and(long count, Duration period) {
        List<Allowance> more = new ArrayList<>(allowances);
        more.add(new Allowance(count, period));
        return new RateLimit(name, more);
    }
}

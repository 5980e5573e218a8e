package se.partnerskap.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Invents a plausible split of a round's total across its grantees: deterministic for a seed, whole
 * multiples of {@code step}, each between {@code min} and {@code max}, summing exactly to the total.
 */
final class DemoSplit {

    private DemoSplit() {
    }

    static List<Long> split(long total, int grantees, long seed, long min, long max, long step) {
        if (grantees <= 0) {
            return List.of();
        }
        if (total % step != 0 || min % step != 0 || max % step != 0) {
            throw new IllegalArgumentException("Amounts must be whole multiples of " + step);
        }
        long units = total / step;
        long lo = min / step;
        long hi = max / step;
        if (units < lo * grantees || units > hi * grantees) {
            throw new IllegalArgumentException(total + " cannot be split in " + grantees + " grants of "
                    + min + "–" + max);
        }
        Random random = random(seed);
        double[] weights = new double[grantees];
        double sum = 0;
        for (int i = 0; i < grantees; i++) {
            weights[i] = 0.65 + 0.7 * random.nextDouble();
            sum += weights[i];
        }
        long[] amounts = new long[grantees];
        long given = 0;
        for (int i = 0; i < grantees; i++) {
            amounts[i] = Math.clamp((long) Math.floor(units * weights[i] / sum), lo, hi);
            given += amounts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < grantees; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        // hand out (or take back) what rounding and the bounds left over, one step at a time
        while (given != units) {
            long sign = given < units ? 1 : -1;
            for (int i : order) {
                if (given == units) {
                    break;
                }
                long next = amounts[i] + sign;
                if (next >= lo && next <= hi) {
                    amounts[i] = next;
                    given += sign;
                }
            }
        }
        List<Long> result = new ArrayList<>(grantees);
        for (long a : amounts) {
            result.add(a * step);
        }
        return result;
    }

    /** java.util.Random gives nearly the same first numbers for neighbouring seeds: mix the seed first. */
    private static Random random(long seed) {
        return new Random(new java.util.SplittableRandom(seed).nextLong());
    }

    /** An amount of its own for a grantee whose round total is unknown or not fully split: 600 000–1 200 000. */
    static long single(long seed, long step) {
        Random random = random(seed);
        long units = (600_000 + (long) (random.nextDouble() * 600_000)) / step;
        return units * step;
    }
}

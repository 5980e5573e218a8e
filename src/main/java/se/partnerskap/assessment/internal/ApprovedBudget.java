package se.partnerskap.assessment.internal;

import java.util.List;
import java.util.Map;

import se.partnerskap.application.SubmittedPlan;

/**
 * The officer's starting point when less is granted than applied for: the grant shared over the budget
 * lines in proportion to what each applied for, each rounded to whole hundreds, with what the rounding
 * leaves over put on the largest line, so that the lines add up to the grant exactly. Figures such as
 * 172 394 kr on a line say nothing to anyone; 172 400 kr beside its applied 200 000 kr does.
 */
final class ApprovedBudget {

    static final long STEP = 100;

    private ApprovedBudget() {
    }

    /**
     * The proposal for {@code grant} over lines that applied for {@code applied}. A grant that covers the
     * lines exactly gives each what it applied for; with nothing applied for, the first line takes it all.
     */
    static long[] proportional(long[] applied, long grant) {
        long[] result = new long[applied.length];
        if (applied.length == 0) {
            return result;
        }
        long total = 0;
        for (long a : applied) {
            total = Math.addExact(total, a);
        }
        if (total == grant) {
            return applied.clone();
        }
        if (total == 0) {
            result[0] = grant;
            return result;
        }
        java.math.BigInteger g = java.math.BigInteger.valueOf(grant);
        java.math.BigInteger t = java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(STEP));
        long given = 0;
        int largest = 0;
        for (int i = 0; i < applied.length; i++) {
            // round half up to the nearest hundred: (2 * grant * applied + total * 100) / (2 * total * 100)
            java.math.BigInteger twice = g.multiply(java.math.BigInteger.valueOf(applied[i])).shiftLeft(1).add(t);
            result[i] = twice.divide(t.shiftLeft(1)).longValueExact() * STEP;
            given += result[i];
            if (applied[i] > applied[largest]) {
                largest = i;
            }
        }
        result[largest] += grant - given;
        if (result[largest] < 0) {
            // a grant of a few hundred kronor over many lines: nothing sensible to round, all on the largest
            java.util.Arrays.fill(result, 0);
            result[largest] = grant;
        }
        return result;
    }

    static long sum(long[] lines) {
        long s = 0;
        for (long l : lines) {
            s = Math.addExact(s, l);
        }
        return s;
    }

    /**
     * The approved amount per line: as typed, which must be whole kronor adding up to the grant exactly, or
     * with every line left blank the grant shared in proportion. Null when the amount is not valid.
     */
    static long[] approved(List<SubmittedPlan.CostLine> lines, Map<Integer, String> typed, Long amount,
            Map<String, String> errors) {
        if (amount == null) {
            return null;
        }
        boolean blank = lines.isEmpty() || java.util.stream.IntStream.rangeClosed(1, lines.size())
                .allMatch(n -> typed.getOrDefault(n, "").isBlank());
        if (blank) {
            return proportional(lines.stream().mapToLong(SubmittedPlan.CostLine::amountSek).toArray(),
                    amount);
        }
        long[] approved = new long[lines.size()];
        boolean valid = true;
        for (int n = 1; n <= lines.size(); n++) {
            String s = typed.getOrDefault(n, "").replaceAll("[\\s\\u00a0\\u202f]", "");
            if (!s.matches("\\d{1,15}") || Long.parseLong(s) > Decisions.MAX_SEK) {
                errors.put("line" + n, "assessment.decision.error.line.notWholeKronor");
                valid = false;
            } else {
                approved[n - 1] = Long.parseLong(s);
            }
        }
        if (valid && sum(approved) != amount) {
            errors.put("lines", "assessment.decision.error.lines.sum");
        }
        return approved;
    }
}

package se.partnerskap.programme;

/** The most a component may cost for a partner region from {@code minParties} parties up; per year or in all. */
public record AmountRule(String programme, String componentKey, String worldRegion, int minParties, long maxSek,
        boolean perYear) {

    /** The maximum for an application of {@code years} years. */
    public long maxFor(int years) {
        return perYear ? Math.multiplyExact(maxSek, Math.max(1, years)) : maxSek;
    }
}

package se.partnerskap.programme;

import java.time.Instant;
import java.util.List;

/** What a case officer sets up for a round; the instants are already converted from Stockholm time. */
public record RoundInput(String programme, String nameSv, String nameEn, Instant opensAt, Instant closesAt,
        long budgetSek, long maxAmountSek, boolean continuous, boolean onePerLeadAndPartner, List<String> countries,
        List<String> components) {

    public RoundInput {
        countries = List.copyOf(countries);
        components = List.copyOf(components);
        if (nameSv == null || nameSv.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("A round needs a name in both languages");
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("A round closes after it opens");
        }
        if (budgetSek <= 0 || maxAmountSek <= 0) {
            throw new IllegalArgumentException("Amounts are positive whole kronor");
        }
        if (countries.isEmpty() || components.isEmpty()) {
            throw new IllegalArgumentException("A round takes at least one country and one component");
        }
    }
}

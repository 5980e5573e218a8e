package se.partnerskap.programme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * A round as applicants and officers work with it: when it is open (with any extension), its money,
 * the partner countries and components it takes, and its extra questions.
 */
public record RoundDetails(UUID id, String programme, String key, String nameSv, String nameEn, Instant opensAt,
        Instant closesAt, Instant extendedUntil, Long budgetSek, Long maxAmountSek, String status, boolean continuous,
        boolean onePerLeadAndPartner, List<String> countries, List<String> components, List<Question> questions,
        int version) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    /** The moment the round closes: its extension if it has one. */
    public Instant deadline() {
        return extendedUntil != null && (closesAt == null || extendedUntil.isAfter(closesAt)) ? extendedUntil : closesAt;
    }

    /** Open for submissions at {@code now}: between opening and the deadline, both included, and not a draft. */
    public boolean isOpenAt(Instant now) {
        return !"draft".equals(status) && opensAt != null && deadline() != null
                && !now.isBefore(opensAt) && !now.isAfter(deadline());
    }
}

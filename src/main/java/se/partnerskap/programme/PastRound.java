package se.partnerskap.programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A round that has already been decided and announced, as the programme's public material tells it:
 * recorded as a closed round (for history and demo data), not run through the platform.
 *
 * @param key            stable key within the programme; recording the same key again changes nothing
 * @param opensAt        the window the round is inferred to belong to, when known
 * @param announcedOn    the date the decision was announced, null when the material prints none
 * @param estimatedOn    for an undated announcement, an estimate that only orders the list
 * @param budgetSek      the total as stated (null when not stated)
 * @param budgetPrecision exact, upper-bound ("nearly"), lower-bound ("over") or rounded
 * @param granteesCount  the number of grantees as stated (null when not stated)
 * @param noteSv         what is inferred or invented, in Swedish
 * @param noteEn         the same in English
 */
public record PastRound(String programme, String key, String nameSv, String nameEn, Instant opensAt, Instant closesAt,
        LocalDate announcedOn, LocalDate estimatedOn, Long budgetSek, String budgetPrecision, Integer granteesCount,
        String noteSv, String noteEn) {
}

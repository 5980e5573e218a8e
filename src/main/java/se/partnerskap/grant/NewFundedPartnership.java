package se.partnerskap.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What {@link FundedPartnerships#record} records.
 *
 * @param key          stable key; recording the same key again changes nothing
 * @param roundId      the round that granted it, null when the round is not known
 * @param partners     the foreign parties in order (a partner with no published name: country only)
 * @param coreAreas    core area keys of the programme
 * @param coreAreasSuggested true when the core areas are a reading of ours, not a decision
 * @param amountIsDemo true when the amount is invented (a demo split of a round's total)
 * @param noteSv       what is inferred or invented about it, in Swedish (may be null)
 * @param titleSv      the project's title in Swedish, null when it has none in Swedish (likewise {@code titleEn})
 */
public record NewFundedPartnership(String key, String programme, UUID roundId, UUID swedishOrganisationId,
        List<Partner> partners, String themeSv, String themeEn, List<String> coreAreas, boolean coreAreasSuggested,
        long amountSek, boolean amountIsDemo, LocalDate startsOn, LocalDate endsOn, FundedPartnership.Status status,
        String noteSv, String noteEn, String titleSv, String titleEn) {

    /** A partnership without a title (the published lists of past rounds name none). */
    public NewFundedPartnership(String key, String programme, UUID roundId, UUID swedishOrganisationId,
            List<Partner> partners, String themeSv, String themeEn, List<String> coreAreas, boolean coreAreasSuggested,
            long amountSek, boolean amountIsDemo, LocalDate startsOn, LocalDate endsOn, FundedPartnership.Status status,
            String noteSv, String noteEn) {
        this(key, programme, roundId, swedishOrganisationId, partners, themeSv, themeEn, coreAreas, coreAreasSuggested,
                amountSek, amountIsDemo, startsOn, endsOn, status, noteSv, noteEn, null, null);
    }

    public NewFundedPartnership {
        partners = List.copyOf(partners);
        coreAreas = List.copyOf(coreAreas);
        if (amountSek < 0) {
            throw new IllegalArgumentException("A grant is never negative: " + amountSek);
        }
    }

    /** A foreign party: a partner organisation record of the registry, or only a country when unnamed. */
    public record Partner(UUID partnerOrganisationId, String countryIso2) {
    }
}

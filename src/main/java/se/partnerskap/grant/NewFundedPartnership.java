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

    /**
     * A grant of {@code amountSek} to {@code swedishOrganisationId}, active, with nothing else known yet: no round,
     * partners, theme, core areas, period, note or title. The {@code with…} methods below add what is known, e.g.
     * {@code NewFundedPartnership.of(key, programme, organisation, 200_000).round(id).partners(list).period(a, b)}.
     */
    public static NewFundedPartnership of(String key, String programme, UUID swedishOrganisationId, long amountSek) {
        return new NewFundedPartnership(key, programme, null, swedishOrganisationId, List.of(), null, null, List.of(),
                false, amountSek, false, null, null, FundedPartnership.Status.ACTIVE, null, null, null, null);
    }

    /** Granted in {@code id}. */
    public NewFundedPartnership round(UUID id) {
        return new NewFundedPartnership(key, programme, id, swedishOrganisationId, partners, themeSv, themeEn, coreAreas,
                coreAreasSuggested, amountSek, amountIsDemo, startsOn, endsOn, status, noteSv, noteEn, titleSv, titleEn);
    }

    /** With these foreign parties, in order. */
    public NewFundedPartnership partners(List<Partner> list) {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, list, themeSv, themeEn, coreAreas,
                coreAreasSuggested, amountSek, amountIsDemo, startsOn, endsOn, status, noteSv, noteEn, titleSv, titleEn);
    }

    /** About this theme (either language may be null). */
    public NewFundedPartnership theme(String sv, String en) {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, partners, sv, en, coreAreas,
                coreAreasSuggested, amountSek, amountIsDemo, startsOn, endsOn, status, noteSv, noteEn, titleSv, titleEn);
    }

    /** In these core areas; {@code suggested} when they are our reading, not a decision. */
    public NewFundedPartnership coreAreas(List<String> keys, boolean suggested) {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, partners, themeSv, themeEn, keys,
                suggested, amountSek, amountIsDemo, startsOn, endsOn, status, noteSv, noteEn, titleSv, titleEn);
    }

    /** Its amount is invented (a demo split of a round's total). */
    public NewFundedPartnership demoAmount() {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, partners, themeSv, themeEn,
                coreAreas, coreAreasSuggested, amountSek, true, startsOn, endsOn, status, noteSv, noteEn, titleSv, titleEn);
    }

    /** Running from {@code starts} to {@code ends}, both included, and in this state. */
    public NewFundedPartnership period(LocalDate starts, LocalDate ends, FundedPartnership.Status state) {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, partners, themeSv, themeEn,
                coreAreas, coreAreasSuggested, amountSek, amountIsDemo, starts, ends, state, noteSv, noteEn, titleSv, titleEn);
    }

    /** What is inferred or invented about it. */
    public NewFundedPartnership note(String sv, String en) {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, partners, themeSv, themeEn,
                coreAreas, coreAreasSuggested, amountSek, amountIsDemo, startsOn, endsOn, status, sv, en, titleSv, titleEn);
    }

    /** Its title (either language may be null). */
    public NewFundedPartnership title(String sv, String en) {
        return new NewFundedPartnership(key, programme, roundId, swedishOrganisationId, partners, themeSv, themeEn,
                coreAreas, coreAreasSuggested, amountSek, amountIsDemo, startsOn, endsOn, status, noteSv, noteEn, sv, en);
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

package se.partnerskap.grant.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.grant.FundedPartnership;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of the IATI activities: shares that sum to 100, budgets that sum to the grant, repayments, status. */
class IatiXmlTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final IatiXml.Org REPORTING = new IatiXml.Org("SE-ON-2021000001", "10", "Kommunala partnerskap");

    private static FundedPartnership partnership(FundedPartnership.Status status, LocalDate starts, LocalDate ends,
            String... countries) {
        List<FundedPartnership.Partner> partners = java.util.Arrays.stream(countries)
                .map(c -> new FundedPartnership.Partner(null, null, c, c, c)).toList();
        return new FundedPartnership(UUID.randomUUID(), "round-a/municipality-1780", "kommunala-partnerskap", null,
                UUID.randomUUID(), "Karlstad", partners, null, null, List.of(), 100_001, false, starts, ends, status,
                null, null, null, null, null);
    }

    private static ProjectFinances.Finance money(boolean due, ProjectFinances.Payment... released) {
        return new ProjectFinances.Finance(LocalDate.of(2026, 1, 15), Instant.parse("2026-06-01T10:00:00Z"),
                List.of(released), due);
    }

    @Test
    void threeCountriesShareTheHundredPercentAndTheKeyLosesItsSlash() {
        FundedPartnership p = partnership(FundedPartnership.Status.ACTIVE, LocalDate.of(2025, 3, 1),
                LocalDate.of(2027, 8, 31), "KE", "UA", "TZ");
        String xml = new String(IatiXml.write(REPORTING, List.of(new IatiXml.Activity(p,
                new IatiXml.Org(null, "11", "Karlstads kommun"), List.of(), money(false,
                        new ProjectFinances.Payment(LocalDate.of(2026, 3, 1), 40_000, false),
                        new ProjectFinances.Payment(LocalDate.of(2026, 9, 1), 5_000, true),
                        new ProjectFinances.Payment(LocalDate.of(2027, 1, 1), 1, false)))),
                Instant.parse("2026-12-04T12:00:00Z"), TODAY), StandardCharsets.UTF_8);
        assertThat(xml).contains("<iati-identifier>SE-ON-2021000001-round-a-municipality-1780</iati-identifier>")
                .contains("code=\"KE\" percentage=\"34\"", "code=\"UA\" percentage=\"33\"", "code=\"TZ\" percentage=\"33\"")
                .contains("<narrative xml:lang=\"sv\">Partnerskap Karlstad – KE; UA; TZ</narrative>")
                .contains("value-date=\"2026-03-01\">40000<", "value-date=\"2026-09-01\">-5000<")
                .as("a payment dated after today is not reported").doesNotContain("2027-01-01\">1<")
                .as("committed at the period's start, before the grant was recorded")
                .contains("<transaction-type code=\"2\"/><transaction-date iso-date=\"2025-03-01\"/>");
    }

    @Test
    void theBudgetsAreAYearAtMostAndSumToTheGrant() {
        List<IatiXml.Budget> budgets = IatiXml.budgets(LocalDate.of(2025, 3, 1), LocalDate.of(2027, 8, 31), 100_001);
        assertThat(budgets).extracting(IatiXml.Budget::from).containsExactly(LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1));
        assertThat(budgets).extracting(IatiXml.Budget::to).containsExactly(LocalDate.of(2026, 2, 28),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 8, 31));
        assertThat(budgets.stream().mapToLong(IatiXml.Budget::amountSek).sum()).isEqualTo(100_001);
        assertThat(budgets.getFirst().amountSek()).isEqualTo(100_001L * 365 / 914);
    }

    @Test
    void theStatusFollowsThePeriodTheFinalReportAndWhatIsStillDue() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        assertThat(IatiXml.status(partnership(FundedPartnership.Status.ACTIVE, start, TODAY.plusDays(1)), money(true), TODAY))
                .isEqualTo("2");
        assertThat(IatiXml.status(partnership(FundedPartnership.Status.ACTIVE, start, TODAY.minusDays(1)), money(false), TODAY))
                .isEqualTo("3");
        assertThat(IatiXml.status(partnership(FundedPartnership.Status.COMPLETED, start, TODAY.minusDays(1)), money(true), TODAY))
                .isEqualTo("3");
        assertThat(IatiXml.status(partnership(FundedPartnership.Status.COMPLETED, start, TODAY.minusDays(1)), money(false), TODAY))
                .isEqualTo("4");
    }
}

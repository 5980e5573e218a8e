package se.partnerskap.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.internal.ProjectSlugs;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Each funded partnership gets a readable address once, from its party, its partner and its year. */
class ProjectAddressesTest extends AbstractIntegrationTest {

    private static final String PREFIX = "test-slug/";

    @Autowired
    FundedPartnerships funded;

    @Autowired
    ProjectSlugs slugs;

    @Autowired
    Registry registry;

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM funded_partnership WHERE key LIKE 'test-slug/%'").update();
    }

    private String record(String key, UUID organisation, UUID partner, String country) {
        funded.record(NewFundedPartnership.of(PREFIX + key, Programmes.MUNICIPAL_PARTNERSHIP, organisation, 1)
                .partners(List.of(new NewFundedPartnership.Partner(partner, country)))
                .period(LocalDate.parse("2035-03-01"), LocalDate.parse("2036-02-28"), FundedPartnership.Status.ACTIVE),
                "test");
        return funded.byKey(PREFIX + key).orElseThrow().slug();
    }

    @Test
    void theAddressIsTheSwedishPartyThePartnerAndTheYearInPlainLetters() {
        UUID pitea = registry.organisationOfMunicipality("2581").orElseThrow().id();
        UUID ostergotland = registry.organisationOfRegion("05").orElseThrow().id();
        assertThat(record("pitea", pitea, registry.partnerOrganisation("An Giang Province", "VN").id(), "VN"))
                .isEqualTo("pitea-an-giang-2035");
        // a partner with no published name: its country
        assertThat(record("ostergotland", ostergotland, null, "KE")).isEqualTo("region-ostergotland-kenya-2035");
        assertThat(record("ostergotland-again", ostergotland, null, "KE")).isEqualTo("region-ostergotland-kenya-2035-2");
    }

    @Test
    void partnershipsRecordedBeforeAddressesExistedGetTheirsAtStartAndKeepIt() {
        UUID karlstad = registry.organisationOfMunicipality("1780").orElseThrow().id();
        record("karlstad", karlstad, registry.partnerOrganisation("Makueni County", "KE").id(), "KE");
        jdbc.sql("UPDATE funded_partnership SET slug = NULL WHERE key = ?").param(PREFIX + "karlstad").update();
        assertThat(funded.byKey(PREFIX + "karlstad").orElseThrow().path()).isEqualTo(PREFIX + "karlstad");

        slugs.assignMissing();

        assertThat(funded.byKey(PREFIX + "karlstad").orElseThrow().slug()).isEqualTo("karlstad-makueni-2035");
        slugs.assignMissing();
        assertThat(funded.byAddress("karlstad-makueni-2035").orElseThrow().key()).isEqualTo(PREFIX + "karlstad");
        assertThat(funded.byAddress(PREFIX + "karlstad").orElseThrow().slug()).isEqualTo("karlstad-makueni-2035");
    }
}

package se.partnerskap.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data as committed by the loader at start-up, and as the public pages show it. */
class DemoDataTest extends AbstractIntegrationTest {

    @Autowired
    DemoLoader loader;

    @Autowired
    FundedPartnerships funded;

    private UUID round(String key) {
        return jdbc.sql("SELECT id FROM round WHERE programme_key = 'kommunala-partnerskap' AND key = ?")
                .param(key).query(UUID.class).single();
    }

    @Test
    void loadsTheSixAnnouncedRoundsAsClosedRoundsWithNotesInBothLanguages() {
        var rounds = jdbc.sql("""
                SELECT key, name_sv, name_en, status, budget_sek, budget_precision, announced_on, grantees_count, note, note_en
                FROM round WHERE programme_key = 'kommunala-partnerskap'
                  AND (announced_on IS NOT NULL OR estimated_on IS NOT NULL) ORDER BY key
                """).query().listOfRows();
        // the announced rounds (the demo also has rounds open today, and other tests create rounds)
        assertThat(rounds).extracting(r -> r.get("key")).containsExactlyInAnyOrder("tolv-kommuner-nya-projekt",
                "arton-nya-samarbeten", "2019-12", "2020-06", "tio-kommuner-8-miljoner",
                "tio-kommuner-och-regioner-18-miljoner");
        assertThat(rounds).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("closed");
            assertThat((String) r.get("note")).isNotBlank();
            assertThat((String) r.get("note_en")).isNotBlank();
        });
        var dec2019 = rounds.stream().filter(r -> r.get("key").equals("2019-12")).findFirst().orElseThrow();
        assertThat(dec2019).containsEntry("name_sv", "Hösten 2019").containsEntry("name_en", "Autumn 2019")
                .containsEntry("budget_sek", 10_641_000L).containsEntry("budget_precision", "exact")
                .containsEntry("grantees_count", 11);
        assertThat(dec2019.get("announced_on").toString()).isEqualTo("2019-12-17");
        assertThat((String) dec2019.get("note")).contains("härlett").contains("påhittad");
        assertThat((String) dec2019.get("note_en")).contains("inferred").contains("invented");
        var jun2020 = rounds.stream().filter(r -> r.get("key").equals("2020-06")).findFirst().orElseThrow();
        assertThat(jun2020).containsEntry("name_en", "Spring 2020").containsEntry("budget_precision", "upper-bound")
                .containsEntry("budget_sek", 10_000_000L);
    }

    @Test
    void splitsTheDecember2019TotalExactlyAcrossItsElevenGrantees() {
        List<FundedPartnership> dec = funded.ofRound(round("2019-12"));
        assertThat(dec).hasSize(11);
        assertThat(dec.stream().mapToLong(FundedPartnership::amountSek).sum()).isEqualTo(10_641_000L);
        assertThat(dec).extracting(FundedPartnership::swedishOrganisationName).containsExactlyInAnyOrder("Ekerö",
                "Karlstad", "Kristinehamn", "Lycksele", "Mariestad", "Piteå", "Region Östergötland", "Ronneby", "Umeå",
                "Älmhult", "Öckerö");
        // the rounds that state an approximate total get an invented sum on the stated side of it
        long jun = funded.ofRound(round("2020-06")).stream().mapToLong(FundedPartnership::amountSek).sum();
        assertThat(jun).isLessThan(10_000_000L).isEqualTo(9_870_000L);
        long over18 = funded.ofRound(round("tio-kommuner-och-regioner-18-miljoner")).stream()
                .mapToLong(FundedPartnership::amountSek).sum();
        assertThat(over18).isGreaterThan(18_000_000L);
        assertThat(funded.ofRound(round("tio-kommuner-8-miljoner"))).extracting(FundedPartnership::swedishOrganisationName)
                .containsExactlyInAnyOrder("Öckerö", "Habo", "Upplands-Bro", "Älmhult");
        // Gotland resolves to Region Gotland, "Västerbottens läns landsting" to Region Västerbotten (region 24)
        assertThat(funded.ofRound(round("2020-06"))).extracting(FundedPartnership::swedishOrganisationName)
                .contains("Region Gotland", "Göteborg", "Borås", "Norrköping", "Robertsfors");
        assertThat(funded.ofRound(round("tolv-kommuner-nya-projekt"))).singleElement()
                .satisfies(f -> assertThat(f.swedishOrganisationName()).isEqualTo("Region Västerbotten"));
    }

    @Test
    void everyInventedAmountIsFlaggedAsADemoFigureInWholeThousandsWithinPlausibleBounds() {
        // the real programme's; the two demo projects to follow up belong to a demo programme of their own
        var rows = jdbc.sql("SELECT amount_sek, amount_is_demo, note_sv, note_en FROM funded_partnership WHERE programme_key = 'kommunala-partnerskap'")
                .query().listOfRows();
        assertThat(rows).hasSize(40);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("amount_is_demo")).isEqualTo(true);
            assertThat((Long) r.get("amount_sek")).isBetween(400_000L, 2_500_000L).matches(a -> a % 1_000 == 0);
            assertThat((String) r.get("note_sv")).contains("påhittat för demon");
            assertThat((String) r.get("note_en")).contains("invented for the demo");
        });
        assertThat(funded.totals("kommunala-partnerskap").swedishOrganisations()).isEqualTo(30);
        // Umeå was granted in three rounds
        UUID umea = jdbc.sql("SELECT swedish_organisation_id FROM funded_partnership WHERE key = 'round-2019-12/municipality-2480'")
                .query(UUID.class).single();
        assertThat(funded.ofOrganisation(umea)).hasSize(3).allSatisfy(f -> assertThat(f.swedishOrganisationName()).isEqualTo("Umeå"));
    }

    @Test
    void namedPartnershipsHavePartnerOrganisationRecordsLinkedToTheirCountry() {
        FundedPartnership karlstad = funded.byKey("karlstad-makueni").orElseThrow();
        assertThat(karlstad.roundId()).isEqualTo(round("2019-12"));
        assertThat(karlstad.swedishOrganisationName()).isEqualTo("Karlstad");
        assertThat(karlstad.partners()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Makueni County");
            assertThat(p.countryIso2()).isEqualTo("KE");
            assertThat(p.countryNameSv()).isEqualTo("Kenya");
        });
        assertThat(karlstad.themeSv()).contains("bryta invanda mönster");
        assertThat(karlstad.coreAreas()).containsExactly("equal-treatment");
        Map<String, Object> makueni = jdbc.sql("SELECT id, country_iso2 FROM partner_organisation WHERE name = 'Makueni County'")
                .query().singleRow();
        assertThat(makueni.get("country_iso2")).isEqualTo("KE");
        assertThat(karlstad.partners().getFirst().partnerOrganisationId()).isEqualTo(makueni.get("id"));

        assertThat(funded.byKey("vasterbotten-homa-bay").orElseThrow().partners()).extracting(FundedPartnership.Partner::name)
                .containsExactly("Homa Bay");
        FundedPartnership dorotea = funded.byKey("dorotea-zambia-zimbabwe").orElseThrow();
        assertThat(dorotea.partners()).extracting(FundedPartnership.Partner::countryIso2).containsExactly("ZM", "ZW");
        assertThat(dorotea.partners()).allSatisfy(p -> assertThat(p.name()).isNull());
        assertThat(dorotea.noteEn()).contains("names are not published");
        FundedPartnership ale = funded.byKey("ale-ghanzi").orElseThrow();
        assertThat(ale.roundId()).isNull();
        assertThat(ale.partners()).extracting(FundedPartnership.Partner::name).containsExactly("Ghanzi District");
        assertThat(funded.byKey("alingsas-chililabombwe")).isPresent();
        // grantees of December 2019 that are not in a named partnership have no partner
        assertThat(funded.ofRound(round("2019-12"))).filteredOn(f -> f.partners().isEmpty()).hasSize(8);
    }

    @Test
    void everyRecordedRoundAndPartnershipIsAuditedByTheDemoLoader() {
        int rounds = jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = 'demo-loader' AND action = 'round-recorded'")
                .query(Integer.class).single();
        int grants = jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = 'demo-loader' AND action = 'funded-partnership-recorded'")
                .query(Integer.class).single();
        assertThat(rounds).isEqualTo(6);
        assertThat(grants).isEqualTo(40);
    }

    @Test
    void loadingASecondTimeAddsNothing() {
        Map<String, Integer> before = counts();
        assertThat(loader.loadOnce()).isFalse();
        assertThat(counts()).isEqualTo(before);
        // even without the marker, every record is idempotent by its key
        jdbc.sql("DELETE FROM demo_load").update();
        assertThat(loader.loadOnce()).isTrue();
        Map<String, Integer> after = counts();
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM demo_load").query(Integer.class).single()).isEqualTo(1);
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "round", count("round"), "funded_partnership", count("funded_partnership"),
                "funded_partnership_partner", count("funded_partnership_partner"),
                "partner_organisation", count("partner_organisation"), "contact_person", count("contact_person"),
                "recorded", jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('round-recorded', 'funded-partnership-recorded', 'contact-person-recorded')")
                        .query(Integer.class).single());
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    @Test
    void theRealContactPersonsAreContentOnlyAndTheirAddressesAreStoredNowhereElse() {
        assertThat(jdbc.sql("SELECT name FROM contact_person ORDER BY position").query(String.class).list())
                .containsExactly("Felicia Wede", "Maria Jansson", "Johan Lilja");
        List<String> addresses = jdbc.sql("SELECT email FROM contact_person WHERE email IS NOT NULL").query(String.class).list();
        assertThat(addresses).containsExactlyInAnyOrder("partnership@icld.se", "maria.jansson@icld.se");
        // no text or JSON column of any other table (users included, whoever creates them) holds their addresses;
        // page_section is the seeded contact text of the programme page, content as well
        var columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
                  AND table_name NOT IN ('contact_person', 'page_section', 'flyway_schema_history')
                """).query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).list();
        assertThat(columns).isNotEmpty();
        for (List<String> c : columns) {
            for (String address : addresses) {
                int hits = jdbc.sql("SELECT count(*) FROM \"" + c.get(0) + "\" WHERE position(lower(?) IN lower(\"" + c.get(1) + "\"::text)) > 0")
                        .param(address).query(Integer.class).single();
                assertThat(hits).as("%s.%s holds %s", c.get(0), c.get(1), address).isZero();
            }
        }
        assertThat(mail.messagesTo("partnership@icld.se")).isEmpty();
        assertThat(mail.messagesTo("maria.jansson@icld.se")).isEmpty();
    }

    @Test
    void theHomePageShowsExamplesAndCountsInSwedishAndEnglish() {
        String sv = get("/").body();
        assertThat(sv).contains("Exempel på partnerskap")
                .contains("40 partnerskap har fått stöd och 30 svenska kommuner och regioner deltar")
                .contains("<strong>Karlstad</strong> – Makueni County, Kenya: hitta vägar för att bryta invanda mönster")
                .contains("<strong>Piteå</strong> – An Giang, Vietnam")
                .contains("Hösten 2019").contains("10\u00a0641\u00a0000\u00a0kr").contains("närmare 10\u00a0000\u00a0000\u00a0kr");
        String en = get("/en").body();
        assertThat(en).contains("Examples of partnerships")
                .contains("40 partnerships have been funded and 30 Swedish municipalities and regions take part")
                .contains("<strong>Karlstad</strong> – Makueni County, Kenya: breaking habitual (gendered) patterns")
                .contains("Autumn 2019").contains("SEK\u00a010,641,000").contains("over SEK\u00a018,000,000");
    }

    @Test
    void theProgrammePageListsThePastRoundsAndTheContactPersons() {
        String sv = get("/kommunala-partnerskap").body();
        assertThat(sv).contains("<h2 id=\"past-rounds-heading\">Tidigare ansökningsomgångar</h2>")
                .contains("<caption>Beslutade ansökningsomgångar, senaste först</caption>")
                .contains("<th scope=\"row\">Hösten 2019</th>")
                .contains("<time datetime=\"2019-12-17\">17 december 2019</time>")
                .contains("11: Ekerö, Karlstad, Kristinehamn")
                .contains("12, bland dem Region Västerbotten")
                .contains("Kontaktpersoner").contains("Maria Jansson").contains("kommunikationsstrateg")
                .contains("mailto:maria.jansson@icld.se");
        assertThat(sv.indexOf("past-rounds-heading")).isLessThan(sv.indexOf("id=\"contact-heading\""));
        String en = get("/en/municipal-partnership").body();
        assertThat(en).contains("Past application rounds").contains("<th scope=\"row\">Spring 2020</th>")
                .contains("17 December 2019").contains("nearly SEK\u00a010,000,000")
                .contains("12, among them Region Västerbotten").contains("communications strategist")
                .contains("Undated");
        // newest first; undated announcements by their inferred place
        assertThat(en.indexOf("Ten municipalities and regions, over SEK 18 million"))
                .isLessThan(en.indexOf("10 municipalities share SEK 8 million"));
        assertThat(en.indexOf("10 municipalities share SEK 8 million")).isLessThan(en.indexOf(">Spring 2020<"));
        assertThat(en.indexOf(">Spring 2020<")).isLessThan(en.indexOf(">Autumn 2019<"));
        assertThat(en.indexOf(">Autumn 2019<")).isLessThan(en.indexOf("18 new international partnerships"));
        assertThat(en.indexOf("18 new international partnerships")).isLessThan(en.indexOf("Twelve municipalities in new projects"));
    }

    @Autowired
    DemoRounds demoRounds;

    @Test
    void theDemoRoundsAreLoadedOnceAContinuousInceptionRoundAndAnOpenRound() {
        assertThat(demoRounds.loadOnce()).isFalse();
        var demo = jdbc.sql("""
                SELECT key, status, continuous FROM round
                WHERE programme_key = 'kommunala-partnerskap' AND updated_by = 'demo-loader' ORDER BY continuous
                """).query().listOfRows();
        assertThat(demo).hasSize(2).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("open"));
        assertThat(demo.get(1).get("continuous")).isEqualTo(true);
    }

    @Autowired
    DemoFollowUp demoFollowUp;

    @Test
    void annaAndPerEachHaveADemoProjectToFollowUpLoadedOnce() {
        assertThat(demoFollowUp.loadOnce()).isFalse();
        var projects = jdbc.sql("""
                SELECT f.key, f.amount_is_demo, a.accepted_at IS NOT NULL AS accepted, a.countersigned_at IS NOT NULL AS countersigned,
                       (SELECT count(*) FROM project_payment p WHERE p.funded_partnership_id = f.id AND p.status = 'released') AS released,
                       (SELECT min(due_on) FROM project_report r WHERE r.funded_partnership_id = f.id) AS first_due
                FROM funded_partnership f JOIN project_agreement a ON a.funded_partnership_id = f.id
                WHERE f.programme_key = ? ORDER BY f.key
                """).param(DemoFollowUp.PROGRAMME).query().listOfRows();
        assertThat(projects).extracting(r -> r.get("key")).containsExactly("demo-follow-up-karlstad", "demo-follow-up-pitea");
        assertThat(projects).allSatisfy(r -> assertThat(r.get("amount_is_demo")).isEqualTo(true));
        assertThat(projects.get(0)).containsEntry("accepted", true).containsEntry("countersigned", true).containsEntry("released", 1L);
        assertThat(projects.get(1)).containsEntry("accepted", false).containsEntry("released", 0L);
    }
}

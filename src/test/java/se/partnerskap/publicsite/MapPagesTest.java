package se.partnerskap.publicsite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maps mark exactly the municipalities and regions with a partnership running on the clock's day. The
 * test sets the clock to 2031, after every demo period, and records partnerships of its own around it.
 */
class MapPagesTest extends AbstractIntegrationTest {

    private static final String PREFIX = "test-map/";

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Registry registry;

    @BeforeEach
    void partnershipsAroundJune2031() {
        clock.set(Instant.parse("2031-06-01T10:00:00Z"));
        record("karlstad", registry.organisationOfMunicipality("1780").orElseThrow().id(), List.of("KE"),
                "2031-01-01", "2032-12-31");
        // Region Gotland is the municipality of Gotland too: both 0980 and region 09
        record("gotland", registry.organisationOfMunicipality("0980").orElseThrow().id(), List.of("UA"),
                "2031-05-01", "2031-06-01");
        record("vasterbotten", registry.organisationOfRegion("24").orElseThrow().id(), List.of("KE", "TZ"),
                "2030-06-01", "2031-12-31");
        record("pitea-ended", registry.organisationOfMunicipality("2581").orElseThrow().id(), List.of("KE"),
                "2029-01-01", "2031-05-31");
        record("umea-upcoming", registry.organisationOfMunicipality("2480").orElseThrow().id(), List.of("TZ"),
                "2031-06-02", "2033-06-01");
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM funded_partnership WHERE key LIKE 'test-map/%'").update();
    }

    private void record(String key, java.util.UUID organisation, List<String> countries, String from, String to) {
        funded.record(NewFundedPartnership.of(PREFIX + key, Programmes.MUNICIPAL_PARTNERSHIP, organisation, 1_000_000)
                .partners(countries.stream().map(c -> new NewFundedPartnership.Partner(null, c)).toList())
                .theme("Tema " + key, "Theme " + key)
                .period(LocalDate.parse(from), LocalDate.parse(to), FundedPartnership.Status.ACTIVE), "test");
    }

    @Test
    void theMapMarksExactlyTheMunicipalitiesAndRegionsWithActivePartnerships() {
        var response = get("/karta?status=active");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(marked(svg(body, "map-municipalities"))).containsExactlyInAnyOrder("1780", "0980");
        assertThat(rows(table(body, "municipalities-table"))).containsExactlyInAnyOrder("1780", "0980");
        assertThat(marked(svg(body, "map-regions"))).containsExactlyInAnyOrder("09", "24");
        assertThat(rows(table(body, "regions-table"))).containsExactlyInAnyOrder("09", "24");
        // every area is drawn, each with a name
        assertThat(count(svg(body, "map-municipalities"), "class=\"area")).isEqualTo(290);
        assertThat(count(svg(body, "map-regions"), "class=\"area")).isEqualTo(21);
        assertThat(svg(body, "map-municipalities")).contains("<title>Karlstad: 1 pågående partnerskap</title>",
                "<title>Kiruna</title>");
        assertThat(table(body, "municipalities-table")).contains("Karlstad – Kenya", "href=\"/projekt/karlstad-kenya-2031\"");
        assertThat(body).contains("Sveriges 290 kommuner; 2 har ett pågående partnerskap.");
        assertThat(get("/en/map?status=active").body()).contains("Sweden’s 21 regions; 2 have an active partnership as a region.",
                "Karlstad – Kenya (2031–2032)");
    }

    @Test
    void theMapFollowsTheData() {
        assertThat(marked(svg(get("/en/map?status=active").body(), "map-municipalities"))).doesNotContain("0114");
        record("upplands-vasby", registry.organisationOfMunicipality("0114").orElseThrow().id(), List.of("MD"),
                "2031-01-01", "2031-12-31");
        String body = get("/en/map?status=active").body();
        assertThat(marked(svg(body, "map-municipalities"))).containsExactlyInAnyOrder("1780", "0980", "0114");
        assertThat(svg(body, "map-municipalities")).contains("<title>Upplands Väsby: 1 active partnership</title>");
        clock.set(Instant.parse("2031-06-02T10:00:00Z"));
        // Gotland's period is over, Umeå's has begun
        assertThat(marked(svg(get("/karta?status=active").body(), "map-municipalities")))
                .containsExactlyInAnyOrder("1780", "0114", "2480");
    }

    @Test
    void byDefaultTheMapShowsEveryPartnershipAndTheFilterNarrowsItToActiveOrCompleted() {
        // the demo's past rounds have all ended by 2031: none of them is active, yet the map is not empty
        int all = jdbc.sql("SELECT count(*) FROM funded_partnership WHERE programme_key = 'kommunala-partnerskap'")
                .query(Integer.class).single();
        String byDefault = get("/karta").body();
        assertThat(byDefault).contains(all + " partnerskap har fått stöd.", "Alla (" + all + ")", "Pågående (3)",
                "aria-current=\"true\">Alla (" + all + ")");
        // Karlstad (1780) has the demo's partnerships and the test's; Piteå's ended, Umeå's is yet to begin
        assertThat(marked(svg(byDefault, "map-municipalities"))).contains("1780", "0980", "2581", "2480", "0125");
        assertThat(svg(byDefault, "map-municipalities")).containsPattern("<title>Karlstad: \\d+ partnerskap</title>");

        String completed = get("/karta?status=completed").body();
        Set<String> ended = marked(svg(completed, "map-municipalities"));
        assertThat(ended).contains("2581", "0125");
        assertThat(completed).contains("aria-current=\"true\">Avslutade (", "<title>Piteå: ");
        assertThat(rows(table(completed, "municipalities-table"))).isEqualTo(ended);

        String en = get("/en/map?status=completed").body();
        assertThat(en).contains("partnerships had ended by 1 June 2031.", "Active (3)", "completed partnership");
        assertThat(get("/en/map?status=active").body()).contains("3 partnerships are active on 1 June 2031.",
                "Sweden’s 290 municipalities; 2 have an active partnership.");
        // a filter nobody offers shows everything
        assertThat(get("/karta?status=nonsense").body()).contains("aria-current=\"true\">Alla (");
    }

    @Test
    void theIntroductionDoesNotSayWhereTheTablesAreAndTheFiltersAreLinks() {
        String body = get("/karta").body();
        assertThat(body).doesNotContain("bredvid", "nedan").contains("Varje karta har en tabell med samma uppgifter.",
                "href=\"/karta?status=active\"", "href=\"/karta?status=completed\"");
        assertThat(get("/en/map").body()).doesNotContain("beside", "below")
                .contains("Each map has a table with the same information.", "href=\"/en/map?status=active\"");
    }

    @Test
    void theWorldMapCountsThePartnershipsOfEachCountry() {
        String body = get("/karta").body();
        Map<String, Integer> all = new TreeMap<>();
        // the real programme's (the demo projects to follow up belong to a demo programme of their own)
        jdbc.sql("""
                SELECT p.country_iso2, count(DISTINCT p.funded_partnership_id) FROM funded_partnership_partner p
                JOIN funded_partnership f ON f.id = p.funded_partnership_id WHERE f.programme_key = 'kommunala-partnerskap' GROUP BY 1
                """)
                .query((rs, i) -> all.put(rs.getString(1).strip(), rs.getInt(2))).list();
        String table = table(body, "countries-table");
        assertThat(cells(table, "data-all")).isEqualTo(all);
        assertThat(cells(table, "data-active")).containsEntry("KE", 2).containsEntry("TZ", 1).containsEntry("UA", 1)
                .containsEntry("ZW", 0);
        assertThat(marked(svg(body, "map-world"))).isEqualTo(all.keySet());
        assertThat(svg(body, "map-world")).contains("<title>Kenya: " + all.get("KE") + " partnerskap, varav 2 pågående</title>");
        assertThat(get("/en/map").body()).contains("without a published partner country", "<title>Tanzania: " + all.get("TZ") + " partnerships, 1 active</title>");
    }

    @Test
    void thePlainAreasAreDrawnFromTheOutlinesFileWhichBrowsersKeepForAYear() {
        String body = get("/karta?status=active").body();
        Matcher use = Pattern.compile("<use href=\"(/karta/omraden-[0-9a-f]{32}\\.svg)#([mrw][A-Z0-9]+)\"").matcher(body);
        Set<String> files = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        while (use.find()) {
            files.add(use.group(1));
            ids.add(use.group(2));
        }
        // 288 plain municipalities, 19 plain regions and the countries without a partnership; one file for all
        assertThat(files).hasSize(1);
        assertThat(ids).contains("m0114", "r01", "wSE").doesNotContain("m1780", "m0980", "r09", "r24");

        var outlines = get(files.iterator().next(), "Accept-Encoding", "identity");
        assertThat(outlines.statusCode()).isEqualTo(200);
        assertThat(outlines.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(outlines.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("max-age=31536000", "immutable"));
        Set<String> defined = matches(outlines.body(), Pattern.compile("<path id=\"([mrw][A-Z0-9]+)\""));
        assertThat(defined).containsAll(ids).contains("m1780", "r09", "wKE");
        assertThat(defined).hasSize(290 + 21 + count(svg(body, "map-world"), "class=\"area"));

        // another version (a page of an instance running another release): the current outlines, not cached for long
        var other = get("/karta/omraden-" + "0".repeat(32) + ".svg");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
        assertThat(get("/karta/omraden-nope.svg").statusCode()).isEqualTo(404);
    }

    private static String svg(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the map " + id).isPositive();
        return html.substring(html.lastIndexOf("<svg", start), html.indexOf("</svg>", start));
    }

    private static String table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\"");
        assertThat(start).as("the table " + id).isPositive();
        return html.substring(start, html.indexOf("</table>", start));
    }

    private static Set<String> marked(String svg) {
        return matches(svg, Pattern.compile("class=\"area on\" data-code=\"([A-Z0-9]+)\""));
    }

    private static Set<String> rows(String table) {
        return matches(table, Pattern.compile("<tr data-code=\"([A-Z0-9]+)\""));
    }

    private static Map<String, Integer> cells(String table, String attribute) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = Pattern.compile("<tr data-code=\"([A-Z]{2})\">.*?" + attribute + "=\"(\\d+)\"").matcher(table);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    private static Set<String> matches(String s, Pattern p) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static int count(String s, String what) {
        return s.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}

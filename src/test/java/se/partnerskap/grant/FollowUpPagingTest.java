package se.partnerskap.grant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.support.TestProgramme;
import se.partnerskap.support.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officers' follow-up list is paged (50 projects a page, the newest first) with its filters kept in
 * the pager's links, and its export still holds every matching project.
 */
class FollowUpPagingTest extends AbstractIntegrationTest {

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    private FollowUpFixtures fixtures;
    private final UUID round = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM funded_partnership WHERE round_id = ?").param(round).update();
        jdbc.sql("DELETE FROM round WHERE id = ?").param(round).update();
        fixtures.clean();
    }

    /** {@code count} followed-up copies of a project in a round of their own, copy n started n days later. */
    private String copies(int count) {
        FundedPartnership p = fixtures.project("paged", fixtures.municipality("1780"), TestProgramme.KEY, 100_000,
                LocalDate.of(2026, 1, 1), 2,
                List.of(new NewProject.CostLine("travel", "Resor", "swedish", 100_000)));
        jdbc.sql("""
                INSERT INTO round (id, programme_key, key, name_sv, name_en, status)
                VALUES (?, ?, ?, 'Sidad omgång', 'Paged round', 'closed')
                """).params(round, TestProgramme.KEY, "paged-" + round).update();
        jdbc.sql("""
                INSERT INTO funded_partnership (id, key, programme_key, round_id, swedish_organisation_id, amount_sek,
                  amount_is_demo, starts_on, ends_on, status, recorded_at, recorded_by)
                SELECT gen_random_uuid(), key || '-copy-' || n, programme_key, ?, swedish_organisation_id, amount_sek,
                  amount_is_demo, starts_on + n, ends_on + n, status, recorded_at, recorded_by
                FROM funded_partnership, generate_series(1, ?) n WHERE id = ?
                """).params(round, count, p.id()).update();
        jdbc.sql("INSERT INTO project_agreement (funded_partnership_id, created_at) SELECT id, now() FROM funded_partnership"
                + " WHERE round_id = ?").param(round).update();
        return p.key() + "-copy-";
    }

    private static String row(String key) {
        return "/uppfoljning/projekt/" + key + "\"";
    }

    @Test
    void theListShowsFiftyProjectsAPageTheNewestFirstWithLinksToTheOtherPagesKeepingTheFilters() {
        String copy = copies(60);
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);

        String first = get(officer, "/uppfoljning?round=" + round).body();
        assertThat(first).contains(row(copy + 60), row(copy + 11)).doesNotContain(row(copy + 10));
        assertThat(IntStream.rangeClosed(1, 60).filter(n -> first.contains(row(copy + n))).count()).isEqualTo(50);
        assertThat(first).contains("Visar 60 av").contains("Sida 1 av 2").doesNotContain("rel=\"prev\"");
        assertThat(first).contains("?round=" + round + "&amp;flag=&amp;page=2\" rel=\"next\"");

        String second = get(officer, "/uppfoljning?round=" + round + "&flag=&page=2").body();
        assertThat(second).contains(row(copy + 10), row(copy + 1)).doesNotContain(row(copy + 11));
        assertThat(second).contains("Sida 2 av 2").contains("?round=" + round + "&amp;flag=\" rel=\"prev\"")
                .doesNotContain("rel=\"next\"");

        // a flag filters in the same query: none of these has accepted its agreement
        assertThat(get(officer, "/uppfoljning?round=" + round + "&flag=agreement-not-accepted").body())
                .contains("Visar 60 av").contains("&amp;flag=agreement-not-accepted&amp;page=2");
        assertThat(get(officer, "/uppfoljning?round=" + round + "&flag=payment-due").body()).contains("Visar 0 av")
                .doesNotContain(row(copy + 60));
        // a page past the last is empty, not an error
        assertThat(get(officer, "/uppfoljning?round=" + round + "&page=9").statusCode()).isEqualTo(200);
        // the round is offered as a filter
        assertThat(first).contains("<option value=\"" + round + "\" selected>Sidad omgång</option>");
    }

    @Test
    void theExportHoldsEveryMatchingProjectNotOnlyAPage() throws Exception {
        String copy = copies(1100);
        HttpClient officer = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        HttpResponse<byte[]> xlsx = officer.send(HttpRequest.newBuilder(URI.create(url("/uppfoljning/export.xlsx?round="
                + round))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var sheet = Workbooks.read(xlsx.body()).sheet("Projekt");
        List<String> keys = IntStream.range(2, sheet.size()).mapToObj(r -> Workbooks.texts(sheet, r).getFirst()).toList();
        // every copy once, the newest first, across the export's batches of 1000
        assertThat(keys).hasSize(1100).doesNotHaveDuplicates();
        assertThat(keys.getFirst()).isEqualTo(copy + 1100);
        assertThat(keys.getLast()).isEqualTo(copy + 1);
    }
}

package se.partnerskap.publicsite;

import se.partnerskap.publicsite.internal.PageSection;
import se.partnerskap.publicsite.internal.SiteContent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.newsroom.internal.SearchIndex;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages come from the rendered-page cache (the same ETag on a second anonymous GET) until what they
 * show changes: by a write of the module that owns it, or by the clock (a round opening or closing).
 */
class CachedPublicPagesTest extends AbstractIntegrationTest {

    @Autowired
    RoundManagement management;
    @Autowired
    FundedPartnerships funded;
    @Autowired
    Registry registry;
    @Autowired
    SiteContent content;
    @Autowired
    SearchIndex searchIndex;
    @Autowired
    ContactPersons contactPersons;

    @AfterEach
    void removeTheGrants() {
        jdbc.sql("DELETE FROM funded_partnership WHERE key LIKE 'cache-test-%'").update();
        jdbc.sql("DELETE FROM contact_person WHERE key LIKE 'cache-test-%'").update();
    }

    @Test
    void aRoundOpensAndClosesOnTheHomePageByTheClockAloneAtItsOwnMinute() {
        String name = "Cacheomgång " + UUID.randomUUID();
        Instant opens = Instant.parse("2031-03-03T10:15:00Z");
        Instant deadline = Instant.parse("2031-03-20T14:00:00Z");
        clock.set(opens.minus(Duration.ofHours(2)));
        UUID id = management.create(new RoundInput(Programmes.MUNICIPAL_PARTNERSHIP, name, name + " (en)", opens,
                deadline, 1_000_000, 100_000, false, true, List.of("KE"), List.of("project")), "test");
        management.open(id, 1, "test");

        var before = cached("/");
        assertThat(before.body()).doesNotContain(name);
        clock.set(opens);
        var open = get("/");
        assertThat(etag(open)).isNotEqualTo(etag(before));
        assertThat(open.body()).contains(name);
        assertThat(etag(cached("/"))).isEqualTo(etag(open));
        // the deadline is inclusive: open at it, closed just after
        clock.set(deadline);
        assertThat(get("/").body()).contains(name);
        clock.set(deadline.plusMillis(1));
        assertThat(get("/").body()).doesNotContain(name);
    }

    @Test
    void extendingARoundShowsOnTheProgrammePage() {
        String name = "Förlängd cacheomgång " + UUID.randomUUID();
        Instant opens = Instant.parse("2032-03-03T10:00:00Z");
        clock.set(opens.plus(Duration.ofDays(1)));
        UUID id = management.create(new RoundInput(Programmes.MUNICIPAL_PARTNERSHIP, name, name + " (en)", opens,
                Instant.parse("2032-03-20T14:00:00Z"), 1_000_000, 100_000, false, true, List.of("KE"),
                List.of("project")), "test");
        management.open(id, 1, "test");
        var before = cached("/kommunala-partnerskap");
        assertThat(before.body()).contains(name).doesNotContain("27 mars 2032");

        management.extend(id, Instant.parse("2032-03-27T14:00:00Z"), "Förlängd", "Extended", 2, "test");
        var after = get("/kommunala-partnerskap");
        assertThat(etag(after)).isNotEqualTo(etag(before));
        assertThat(after.body()).contains("27 mars 2032");
    }

    @Test
    void aNewGrantShowsOnTheDirectoryTheMapAndTheHomePage() {
        var directory = cached("/projekt");
        var map = cached("/karta");
        var home = cached("/");
        String title = "Cacheprojekt " + UUID.randomUUID();
        record(title);

        var newDirectory = get("/projekt");
        assertThat(etag(newDirectory)).isNotEqualTo(etag(directory));
        assertThat(newDirectory.body()).contains(title);
        var newMap = get("/karta");
        assertThat(etag(newMap)).isNotEqualTo(etag(map));
        assertThat(newMap.body()).contains(title);
        assertThat(etag(get("/"))).isNotEqualTo(etag(home));
        FundedPartnership f = funded.all(Programmes.MUNICIPAL_PARTNERSHIP).stream()
                .filter(p -> title.equals(p.titleSv())).findFirst().orElseThrow();
        assertThat(cached("/projekt/" + f.path()).body()).contains(title);
    }

    @Test
    void editingTheSiteTextsShowsOnTheHomePage() {
        var before = cached("/");
        PageSection section = content.page("home", Language.SV).getFirst();
        String heading = "Ny rubrik " + UUID.randomUUID();
        assertThat(content.update("home", section.sectionKey(), Language.SV, heading, section.bodyHtml(),
                section.version(), "test")).isTrue();
        var after = get("/");
        assertThat(etag(after)).isNotEqualTo(etag(before));
        assertThat(after.body()).contains(heading);
    }

    @Test
    void aNewContactPersonShowsOnTheProgrammePage() {
        var before = cached("/kommunala-partnerskap");
        String name = "Kontakt " + UUID.randomUUID().toString().substring(0, 8);
        contactPersons.record(Programmes.MUNICIPAL_PARTNERSHIP, 99, new ContactPerson("cache-test-" + name, name,
                "Handläggare", "Case officer", null, "kontakt@example.org"), "test");
        var after = get("/kommunala-partnerskap");
        assertThat(etag(after)).isNotEqualTo(etag(before));
        assertThat(after.body()).contains(name);
    }

    @Test
    void aRepeatedSearchIsCachedUntilTheProjectDocumentsAreWrittenAgain() {
        String word = "Cachesökord" + UUID.randomUUID().toString().substring(0, 8);
        searchIndex.refreshProjects();
        var before = cached("/sok?q=" + word);
        record("Projekt " + word);
        searchIndex.refreshProjects();
        var after = get("/sok?q=" + word);
        assertThat(etag(after)).isNotEqualTo(etag(before));
        assertThat(after.body()).contains(word);
    }

    private void record(String title) {
        var organisation = registry.swedishOrganisations().getFirst();
        funded.record(NewFundedPartnership.of("cache-test-" + UUID.randomUUID(), Programmes.MUNICIPAL_PARTNERSHIP,
                organisation.id(), 100_000).partners(List.of(new NewFundedPartnership.Partner(null, "KE")))
                .period(LocalDate.of(2039, 1, 1), LocalDate.of(2040, 12, 31), FundedPartnership.Status.ACTIVE)
                .title(title, null), "test");
    }

    /** The page, asked twice by an anonymous visitor: the second answer is the first, from the cache. */
    private HttpResponse<String> cached(String path) {
        var first = get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        var second = get(path);
        assertThat(etag(second)).isNotNull().isEqualTo(etag(first));
        assertThat(second.body()).isEqualTo(first.body());
        return second;
    }

    private static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElse(null);
    }
}

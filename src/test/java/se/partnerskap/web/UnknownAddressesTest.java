package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

/**
 * An address that names something by an identifier that cannot be one is a page that does not exist, in
 * every module and either language: 404 with the error page, never a 400 or a 500. A form value of the
 * wrong type is a bad request (400) and changes nothing.
 */
class UnknownAddressesTest extends AbstractIntegrationTest {

    private static void notFound(HttpResponse<String> response, String heading) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
        assertThat(response.body()).as(response.uri().toString()).contains(heading).doesNotContain("Exception");
    }

    @Test
    void anApplicantsAddressesWithAnUnreadableIdAreNotFound() {
        HttpClient anna = loggedInAs(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        for (String path : new String[] {"/ansokningar/abc", "/ansokningar/abc/utmaning", "/ansokningar/abc/granska",
                "/ansokningar/abc/kvitto.pdf", "/ansokningar/abc/beslutsbrev.pdf", "/ansokningar/abc/deadline.ics",
                "/ansokningar/" + UUID.randomUUID() + "/bilagor/not-an-id"}) {
            notFound(get(anna, path), "Sidan finns inte");
        }
        notFound(get(anna, "/en/applications/abc/check-answers"), "Page not found");
    }

    @Test
    void anOfficersAndAnAdministratorsAddressesWithAnUnreadableIdAreNotFound() {
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        notFound(get(olle, "/handlaggning/omgangar/abc"), "Sidan finns inte");
        notFound(get(olle, "/handlaggning/ansokningar/abc"), "Sidan finns inte");
        notFound(get(olle, "/en/assessment/rounds/abc/rangordning"), "Page not found");
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        notFound(get(ada, "/admin/omgangar/abc"), "Sidan finns inte");
        notFound(get(ada, "/admin/omgangar/abc/forlang"), "Sidan finns inte");
        notFound(get(ada, "/en/admin/users/abc"), "Page not found");
        HttpClient kim = loggedInAs(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        notFound(get(kim, "/admin/nyheter/abc"), "Sidan finns inte");
    }

    @Test
    void aFormValueOfTheWrongTypeIsABadRequestThatChangesNothing() {
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        UUID round = jdbc.sql("SELECT id FROM round WHERE opens_at IS NOT NULL ORDER BY opens_at DESC LIMIT 1")
                .query(UUID.class).single();
        String before = jdbc.sql("SELECT status || version FROM round WHERE id = ?").param(round).query(String.class).single();
        String page = get(ada, "/admin/omgangar/" + round).body();

        var closed = postForm(ada, "/admin/omgangar/" + round + "/stang", page, Map.of("version", "abc"));

        assertThat(closed.statusCode()).isEqualTo(400);
        assertThat(closed.body()).doesNotContain("Exception");
        // the extension form too (a form record bound with its BindingResult): an open round, a version that is none
        UUID open = jdbc.sql("""
                SELECT id FROM round WHERE status = 'open' AND opens_at IS NOT NULL
                  AND greatest(closes_at, coalesce(extended_until, closes_at)) > now() ORDER BY opens_at DESC LIMIT 1
                """).query(UUID.class).single();
        String openBefore = jdbc.sql("SELECT version || coalesce(extended_until::text, '') FROM round WHERE id = ?")
                .param(open).query(String.class).single();
        String form = get(ada, "/admin/omgangar/" + open + "/forlang").body();
        var extended = postForm(ada, "/admin/omgangar/" + open + "/forlang", form, Map.of("version", "abc",
                "until", "2099-01-01T12:00", "reasonSv", "Skäl", "reasonEn", "Reason"));
        assertThat(extended.statusCode()).isEqualTo(400);
        assertThat(extended.body()).doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT version || coalesce(extended_until::text, '') FROM round WHERE id = ?")
                .param(open).query(String.class).single()).isEqualTo(openBefore);
        assertThat(jdbc.sql("SELECT status || version FROM round WHERE id = ?").param(round).query(String.class).single())
                .isEqualTo(before);
    }
}

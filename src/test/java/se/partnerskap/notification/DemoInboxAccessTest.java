package se.partnerskap.notification;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's mail catcher shows live password-reset links: a stranger who asks for a reset of somebody's
 * account must not be able to read it. Only a logged-in administrator sees the inbox.
 */
class DemoInboxAccessTest extends AbstractIntegrationTest {

    private static final String RESET_SUBJECT = "Välj ett nytt lösenord";

    @Test
    void aStrangerWhoAsksForAResetCannotReadTheLinkAndIsSentToTheLoginPage() {
        HttpClient stranger = client();
        var form = get(stranger, "/glomt-losenord");
        var asked = postForm(stranger, "/glomt-losenord", form.body(), Map.of("email", DemoUsers.PER.email()));
        assertThat(asked.statusCode()).isEqualTo(302);
        String link = mailTo(DemoUsers.PER.email(), 1).getFirst().text();
        assertThat(link).contains("/aterstall-losenord/");

        var sv = get(stranger, "/demo/e-post");
        assertThat(sv.statusCode()).isEqualTo(302);
        assertThat(location(sv)).isEqualTo("/login");
        assertThat(sv.body()).doesNotContain("aterstall-losenord");
        var en = get(stranger, "/en/demo/mail");
        assertThat(en.statusCode()).isEqualTo(302);
        assertThat(location(en)).isEqualTo("/en/login");
    }

    @Test
    void usersOtherThanAnAdministratorAreRefused() {
        for (DemoUsers.DemoUser user : new DemoUsers.DemoUser[] {DemoUsers.ANNA, DemoUsers.OLLE, DemoUsers.KIM}) {
            HttpClient client = loggedInAs(user.email(), DemoUsers.PASSWORD);
            var sv = get(client, "/demo/e-post");
            assertThat(sv.statusCode()).as(user.email()).isEqualTo(403);
            assertThat(sv.body()).doesNotContain("aterstall-losenord");
            assertThat(get(client, "/en/demo/mail").statusCode()).as(user.email()).isEqualTo(403);
        }
    }

    @Test
    void theAdministratorReadsTheInboxAfterLoggingIn() {
        HttpClient client = client();
        var form = get(client, "/glomt-losenord");
        postForm(client, "/glomt-losenord", form.body(), Map.of("email", DemoUsers.RUT.email()));
        mailTo(DemoUsers.RUT.email(), 1);

        var asked = get(client, "/demo/e-post");
        assertThat(location(asked)).isEqualTo("/login");
        var login = postForm(client, "/login", get(client, "/login").body(),
                Map.of("email", DemoUsers.ADA.email(), "password", DemoUsers.PASSWORD, "lang", "sv"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).endsWith("/demo/e-post");

        var inbox = get(client, "/demo/e-post");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains(DemoUsers.RUT.email()).contains(RESET_SUBJECT).contains("/aterstall-losenord/");
        assertThat(get(client, "/en/demo/mail").statusCode()).isEqualTo(200);
    }

    private static String location(HttpResponse<String> response) {
        return java.net.URI.create(response.headers().firstValue("Location").orElse("")).getPath();
    }
}

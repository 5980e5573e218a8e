package se.partnerskap.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.internal.Accounts;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in through the real login form, and users of our own for tests that change them. */
abstract class IdentityTestSupport extends AbstractIntegrationTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    Accounts accounts;

    /** A new active user with a unique e-mail, so tests that lock or change users do not meet. */
    String newUser(Role... roles) {
        String email = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        Set<Role> set = roles.length == 0 ? EnumSet.of(Role.CASE_OFFICER) : EnumSet.of(roles[0], roles);
        accounts.createActiveIfMissing(email, "Testa Testsson", PASSWORD, set, Set.of());
        return email;
    }

    HttpResponse<String> login(HttpClient client, String email, String password, String lang) {
        String page = get(client, "en".equals(lang) ? "/en/login" : "/login").body();
        return postForm(client, "/login", page, Map.of("email", email, "password", password, "lang", lang));
    }

    HttpClient loggedIn(String email, String password) {
        HttpClient client = client();
        var response = login(client, email, password, "sv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return client;
    }

    static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("No Location"));
        return URI.create(location).getPath();
    }

    /** The link in a caught mail (the catcher gives the decoded text). */
    static String link(String text, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^\\s]+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+").matcher(text);
        assertThat(m.find()).as("a link to " + pathPrefix + " in:\n" + text).isTrue();
        return URI.create(m.group()).getPath();
    }
}

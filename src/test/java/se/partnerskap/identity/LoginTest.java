package se.partnerskap.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest extends IdentityTestSupport {

    @Test
    void theRightPasswordLandsACaseOfficerOnAssessmentAndTheAccountPageStaysAtHand() {
        var client = client();
        var response = login(client, DemoUsers.OLLE.email(), DemoUsers.PASSWORD, "sv");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).isEqualTo("/handlaggning");
        assertThat(get(client, "/handlaggning").statusCode()).isEqualTo(200);
        var account = get(client, "/konto");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Mitt konto").contains("Olle Bergström").contains("Handläggare")
                .contains(DemoUsers.OLLE.email());
    }

    @Test
    void anApplicantLandsOnItsApplicationsAndSeesItsOrganisationsInEnglish() {
        var client = client();
        var response = login(client, DemoUsers.ANNA.email().toUpperCase(), DemoUsers.PASSWORD, "en");
        assertThat(location(response)).isEqualTo("/en/applications");
        assertThat(get(client, "/en/applications").statusCode()).isEqualTo(200);
        var account = get(client, "/en/account");
        assertThat(account.body()).contains("My account").contains("Applicant").contains("Karlstad")
                .contains("Region Värmland").contains("autocomplete=\"new-password\"");
    }

    @Test
    void aWrongPasswordShowsATranslatedErrorKeepsTheEmailAndChangesNothing() {
        String email = newUser();
        String hashBefore = hash(email);
        var client = client();
        var sv = login(client, email, "not the password", "sv");
        assertThat(sv.statusCode()).isEqualTo(401);
        assertThat(sv.body()).contains("<html lang=\"sv\"").contains("Fel e-postadress eller lösenord")
                .contains("value=\"" + email + "\"").doesNotContain("not the password");
        var en = login(client, email, "not the password", "en");
        assertThat(en.statusCode()).isEqualTo(401);
        assertThat(en.body()).contains("<html lang=\"en\"").contains("Wrong e-mail address or password")
                .contains("value=\"" + email + "\"");
        assertThat(hash(email)).isEqualTo(hashBefore);
        assertThat(location(get(client, "/konto"))).isEqualTo("/login");
    }

    @Test
    void logoutGoesHomeInTheFormsLanguageWithANotice() {
        var client = loggedIn(DemoUsers.RUT.email(), DemoUsers.PASSWORD);
        var account = get(client, "/en/account");
        assertThat(account.body()).contains("Rut Åkesson");
        var out = postForm(client, "/logout", account.body(), Map.of("lang", "en"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(location(out)).isEqualTo("/en");
        assertThat(get(client, "/en").body()).contains("You are logged out.");
        assertThat(get(client, "/en").body()).doesNotContain("You are logged out.");
        assertThat(location(get(client, "/en/account"))).isEqualTo("/en/login");
    }

    @Test
    void anonymousVisitorsOfProtectedPagesGoToTheLoginPageOfTheirLanguageAndComeBackAfter() {
        var client = client();
        var sv = get(client, "/konto");
        assertThat(sv.statusCode()).isEqualTo(302);
        assertThat(location(sv)).isEqualTo("/login");
        var en = get(client, "/en/account");
        assertThat(en.statusCode()).isEqualTo(302);
        assertThat(location(en)).isEqualTo("/en/login");
        var page = get(client, "/en/login");
        assertThat(page.body()).contains("Forgot your password?").contains("autocomplete=\"current-password\"")
                .contains("name=\"lang\" value=\"en\"");
        var login = postForm(client, "/login", page.body(),
                Map.of("email", DemoUsers.KIM.email(), "password", DemoUsers.PASSWORD, "lang", "en"));
        // the page that asked for the login wins over the communicator's newsroom
        assertThat(location(login)).isEqualTo("/en/account");
    }

    @Test
    void everyRoleLandsOnItsWorkInTheLoginPagesLanguage() {
        Map<DemoUsers.DemoUser, String[]> work = Map.of(
                DemoUsers.ANNA, new String[] {"/ansokningar", "/en/applications"},
                DemoUsers.OLLE, new String[] {"/handlaggning", "/en/assessment"},
                DemoUsers.RUT, new String[] {"/granskning", "/en/reviews"},
                DemoUsers.KIM, new String[] {"/admin/nyheter", "/en/admin/news"},
                DemoUsers.ADA, new String[] {"/admin/anvandare", "/en/admin/users"});
        work.forEach((user, paths) -> {
            var sv = client();
            assertThat(location(login(sv, user.email(), DemoUsers.PASSWORD, "sv"))).as(user.name()).isEqualTo(paths[0]);
            assertThat(get(sv, paths[0]).statusCode()).as(user.name() + " may see " + paths[0]).isEqualTo(200);
            var en = client();
            assertThat(location(login(en, user.email(), DemoUsers.PASSWORD, "en"))).as(user.name()).isEqualTo(paths[1]);
            assertThat(get(en, paths[1]).statusCode()).as(user.name() + " may see " + paths[1]).isEqualTo(200);
        });
    }

    @Test
    void anAccountThatChoseEnglishLandsInEnglishAndOneWithoutARoleOnTheAccountPage() {
        String english = newUser(Role.APPLICANT);
        jdbc.sql("UPDATE app_user SET language = 'en' WHERE email = ?").param(english).update();
        assertThat(location(login(client(), english, PASSWORD, "sv"))).isEqualTo("/en/applications");

        String nobody = "test-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        accounts.createActiveIfMissing(nobody, "Utan Roll", PASSWORD, java.util.Set.of(), java.util.Set.of());
        assertThat(location(login(client(), nobody, PASSWORD, "sv"))).isEqualTo("/konto");
        assertThat(location(login(client(), nobody, PASSWORD, "en"))).isEqualTo("/en/account");
    }

    @Test
    void aProtectedPageAskedForFirstWinsOverTheLanding() {
        var client = client();
        assertThat(location(get(client, "/uppfoljning"))).isEqualTo("/login");
        var page = get(client, "/login");
        var login = postForm(client, "/login", page.body(),
                Map.of("email", DemoUsers.OLLE.email(), "password", DemoUsers.PASSWORD, "lang", "sv"));
        assertThat(location(login)).isEqualTo("/uppfoljning");
    }

    @Test
    void aNonAdministratorIsRefusedTheUserAdministration() {
        var client = loggedIn(DemoUsers.KIM.email(), DemoUsers.PASSWORD);
        var refused = get(client, "/admin/anvandare");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Du har inte behörighet").doesNotContain("Exception");
        assertThat(get(client, "/en/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndUnknownPagesStay404() {
        var home = get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("style-src 'self'");
        assertThat(get("/konto/finns-inte-heller").statusCode()).isEqualTo(302);
        assertThat(get("/finns-inte").statusCode()).isEqualTo(404);
    }

    private String hash(String email) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?").param(email).query(String.class).single();
    }
}

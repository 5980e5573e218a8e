package se.partnerskap.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationTest extends IdentityTestSupport {

    private static final String KARLSTAD = "md5('municipality:1780')::uuid";

    private String karlstad() {
        return jdbc.sql("SELECT " + KARLSTAD).query(UUID.class).single().toString();
    }

    @Test
    void anInvitationToAnAddressWithMarkupIsAFieldErrorAndSendsNothing() {
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String hostile = "\"><script>alert(1)</script>@test.example";
        var form = get(admin, "/en/admin/users/invite");
        var sent = postForm(admin, "/en/admin/users/invite", form.body(), Map.of("email", hostile,
                "name", "Mallory", "language", "en", "roles", "APPLICANT", "organisations", karlstad()));
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("error-summary").doesNotContain("<script>alert(1)</script>");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email LIKE '%script%'").query(Integer.class).single()).isZero();
    }

    @Test
    void anInvitationLinkWorksOnceAndTheInviteeCanLogIn() {
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var form = get(admin, "/en/admin/users/invite");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Invite a user").contains("Karlstad");
        var sent = postForm(admin, "/en/admin/users/invite", form.body(), Map.of("email", email,
                "name", "Ingrid Invitee", "language", "en", "roles", "APPLICANT", "organisations", karlstad()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(location(sent)).isEqualTo("/en/admin/users");
        var list = get(admin, "/en/admin/users");
        assertThat(list.body()).contains("The invitation has been sent.").contains(email).contains("Invited");

        var mail = mailTo(email, 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Invitation to Municipal Partnership");
        assertThat(mail.text()).contains("Ada Holmgren").contains("Karlstad");
        String link = link(mail.text(), "/en/invitation/");

        var invitee = client();
        var page = get(invitee, link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ada Holmgren has invited you").contains("Karlstad")
                .contains("autocomplete=\"new-password\"");
        var tooShort = postForm(invitee, link, page.body(), Map.of("name", "Ingrid I", "password", "short",
                "repeat", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("There is a problem").contains("href=\"#password\"")
                .contains("at least 12 characters").contains("value=\"Ingrid I\"");
        var accepted = postForm(invitee, link, page.body(), Map.of("name", "Ingrid Invitee",
                "password", PASSWORD, "repeat", PASSWORD));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(location(accepted)).isEqualTo("/en/login");
        assertThat(get(invitee, "/en/login").body()).contains("Your account is ready");
        assertThat(location(login(invitee, email, PASSWORD, "en"))).isEqualTo("/en/applications");
        assertThat(get(invitee, "/en/account").body()).contains("Ingrid Invitee").contains("Karlstad");

        var again = get(client(), link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("The link is no longer valid").doesNotContain("Exception");
        var reuse = postForm(client(), link, page.body(), Map.of("name", "Mallory", "password", PASSWORD + "x",
                "repeat", PASSWORD + "x"));
        assertThat(reuse.statusCode()).isIn(403, 410);
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE email = ?").param(email).query(String.class)
                .single()).isEqualTo("Ingrid Invitee");
        String userId = jdbc.sql("SELECT id::text FROM app_user WHERE email = ?").param(email).query(String.class).single();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY id").param(userId)
                .query(String.class).list()).containsExactly("user.invited", "user.invitation-accepted");
    }

    @Test
    void anExpiredInvitationIsGoneAndAnUnknownOneIsNotFound() {
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String email = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var form = get(admin, "/admin/anvandare/bjud-in");
        var sent = postForm(admin, "/admin/anvandare/bjud-in", form.body(), Map.of("email", email,
                "name", "Lars Sen", "language", "sv", "roles", "REVIEWER"));
        assertThat(sent.statusCode()).isEqualTo(302);
        var mail = mailTo(email, 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Inbjudan till Kommunala partnerskap");
        String link = link(mail.text(), "/inbjudan/");
        clock.set(Instant.now().plus(Duration.ofDays(8)));
        var expired = get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Länken gäller inte längre");
        var unknown = get("/inbjudan/no-such-token");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(get("/en/invitation/no-such-token").body()).contains("Page not found");
    }

    @Test
    void theInviteFormKeepsWhatWasTypedAndRefusesAnExistingEmail() {
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        var form = get(admin, "/admin/anvandare/bjud-in");
        var taken = postForm(admin, "/admin/anvandare/bjud-in", form.body(), Map.of(
                "email", DemoUsers.PER.email().toUpperCase(), "name", "Per Igen", "language", "sv", "roles", "APPLICANT"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Det finns ett problem")
                .contains("Det finns redan en användare med den e-postadressen")
                .contains("Välj minst en organisation för en sökande").contains("value=\"Per Igen\"")
                .contains("href=\"#email\"").contains("href=\"#organisations\"");
        var nothing = postForm(admin, "/en/admin/users/invite", form.body(), Map.of("email", "nonsense", "name", ""));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Enter an e-mail address in the correct format").contains("Enter a name")
                .contains("Choose at least one role").contains("value=\"nonsense\"");
    }

    @Test
    void anAdministratorChangingRolesIsAuditedAndCannotDropTheirOwnAdministratorRole() {
        String email = newUser(Role.REVIEWER);
        UUID id = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(UUID.class).single();
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        var edit = get(admin, "/admin/anvandare/" + id);
        assertThat(edit.statusCode()).isEqualTo(200);
        var saved = postForm(admin, "/admin/anvandare/" + id, edit.body(), Map.of("roles", "CASE_OFFICER",
                "enabled", "true"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(id).query(String.class).list())
                .containsExactly("CASE_OFFICER");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'user.roles-changed' AND subject_id = ?")
                .param(id.toString()).query(String.class).list()).containsExactly(DemoUsers.ADA.email());

        UUID ada = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(DemoUsers.ADA.email()).query(UUID.class).single();
        var self = get(admin, "/en/admin/users/" + ada);
        var refused = postForm(admin, "/en/admin/users/" + ada, self.body(), Map.of("roles", "REVIEWER", "enabled", "true"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("You cannot remove your own administrator role");
        assertThat(jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(ada).query(String.class).list())
                .containsExactly("ADMINISTRATOR");

        assertThat(get(admin, "/admin/anvandare/not-a-uuid").statusCode()).isEqualTo(404);
    }
}

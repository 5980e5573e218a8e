package se.partnerskap.identity;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered person asks to represent an organisation; a member of it (or a case officer, when it has none)
 * approves or declines, once; a member of another organisation cannot answer it (404).
 */
class MembershipRequestTest extends IdentityTestSupport {

    private static final String KARLSTAD = "md5('municipality:1780')::uuid";

    private String karlstad() {
        return jdbc.sql("SELECT " + KARLSTAD + "::text").query(String.class).single();
    }

    private String requestOf(String email) {
        return jdbc.sql("""
                SELECT r.id::text FROM membership_request r JOIN app_user u ON u.id = r.user_id
                WHERE u.email = ? ORDER BY r.created_at DESC LIMIT 1
                """).param(email).query(String.class).single();
    }

    private void ask(HttpClient client, String organisation, String message) {
        var page = get(client, "/en/account/organisations");
        assertThat(page.statusCode()).isEqualTo(200);
        var asked = postForm(client, "/en/account/organisations", page.body(),
                Map.of("organisation", organisation, "message", message));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
    }

    @Test
    void aRegisteredPersonAsksToRepresentKarlstadAndAMemberApprovesOnce() {
        String email = newUser(Role.APPLICANT);
        var person = loggedIn(email, PASSWORD);
        ask(person, karlstad(), "Jag arbetar på kommunledningsförvaltningen.");
        assertThat(get(person, "/en/account/organisations").body()).contains("Your request has been sent")
                .contains("Karlstad").contains("Waiting for an answer");
        String id = requestOf(email);

        var toAnna = mailTo(DemoUsers.ANNA.email(), 1).stream()
                .filter(m -> m.subject().equals("Förfrågan om att företräda Karlstad")).toList();
        assertThat(toAnna).hasSize(1);
        assertThat(toAnna.getFirst().text()).contains("Testa Testsson (" + email + ")").contains("/organisationer/forfragningar");

        // a member of another organisation sees nothing to answer and cannot answer it
        var per = loggedIn(DemoUsers.PER.email(), DemoUsers.PASSWORD);
        var perPage = get(per, "/organisationer/forfragningar");
        assertThat(perPage.body()).doesNotContain(email);
        assertThat(postForm(per, "/organisationer/forfragningar/" + id, perPage.body(), Map.of("decision", "approve"))
                .statusCode()).isEqualTo(404);

        var anna = loggedIn(DemoUsers.ANNA.email(), DemoUsers.PASSWORD);
        var list = get(anna, "/organisationer/forfragningar");
        assertThat(list.body()).contains("Testa Testsson vill företräda Karlstad")
                .contains("Jag arbetar på kommunledningsförvaltningen.").contains("Godkänn Testa Testsson");
        var approved = postForm(anna, "/organisationer/forfragningar/" + id, list.body(), Map.of("decision", "approve"));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(get(anna, "/organisationer/forfragningar").body()).contains("Förfrågan är godkänd")
                .doesNotContain("Godkänn Testa Testsson");
        var again = postForm(anna, "/organisationer/forfragningar/" + id, list.body(), Map.of("decision", "decline"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(get(anna, "/organisationer/forfragningar").body()).contains("redan besvarad");

        var told = mailTo(email, 1).getFirst();
        assertThat(told.subject()).isEqualTo("Du företräder nu Karlstad");
        // a member now, at once (memberships are read per request): the applications page no longer asks to join
        assertThat(get(person, "/ansokningar").body()).doesNotContain("inte kopplat till någon organisation");
        assertThat(get(person, "/en/account/organisations").body()).contains("Approved");
        assertThat(jdbc.sql("SELECT decision FROM membership_request WHERE id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("approved");
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("membership.requested", "membership.approved");
    }

    @Test
    void anOrganisationNobodyRepresentsIsAnsweredByACaseOfficer() {
        String nobodys = jdbc.sql("""
                SELECT o.id::text FROM swedish_organisation o
                WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = o.id) ORDER BY o.name LIMIT 1
                """).query(String.class).single();
        String email = newUser(Role.APPLICANT);
        var person = loggedIn(email, PASSWORD);
        ask(person, nobodys, "");
        String id = requestOf(email);
        assertThat(mailTo(DemoUsers.OLLE.email(), 1).stream().map(m -> m.text())
                .filter(t -> t.contains(email) && t.contains("en handläggare svarar"))).hasSize(1);

        var olle = loggedIn(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        // a case officer finds the requests in the navigation
        assertThat(get(olle, "/en/assessment").body()).contains("href=\"/en/organisations/requests\"");
        var list = get(olle, "/en/organisations/requests");
        assertThat(list.body()).contains("Testa Testsson wants to represent");
        assertThat(postForm(olle, "/en/organisations/requests/" + id, list.body(), Map.of("decision", "decline"))
                .statusCode()).isEqualTo(302);
        assertThat(mailTo(email, 1).getFirst().subject()).startsWith("Din förfrågan om").endsWith("är avböjd");
        assertThat(jdbc.sql("SELECT count(*) FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = ?")
                .param(email).query(Integer.class).single()).isZero();
        assertThat(get(person, "/en/account/organisations").body()).contains("Declined");
    }

    @Test
    void aWrongRequestIsShownNextToItsFieldKeepsTheMessageAndWritesNothing() {
        String email = newUser(Role.APPLICANT);
        var person = loggedIn(email, PASSWORD);
        var page = get(person, "/en/account/organisations");
        var none = postForm(person, "/en/account/organisations", page.body(), Map.of("organisation", "", "message", "Hej"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("There is a problem").contains("href=\"#organisation\"")
                .contains("Choose a municipality or region").contains(">Hej</textarea>");
        var tooLong = postForm(person, "/en/account/organisations", page.body(),
                Map.of("organisation", karlstad(), "message", "x".repeat(1001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 1,000 characters");
        ask(person, karlstad(), "");
        var twice = postForm(person, "/en/account/organisations", page.body(), Map.of("organisation", karlstad()));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("already have a request to that organisation");
        assertThat(jdbc.sql("SELECT count(*) FROM membership_request r JOIN app_user u ON u.id = r.user_id WHERE u.email = ?")
                .param(email).query(Integer.class).single()).isEqualTo(1);
        // at most five requests waiting at a time: each one mails an organisation's members
        var others = jdbc.sql("""
                SELECT id::text FROM swedish_organisation WHERE id <> %s ORDER BY name LIMIT 5
                """.formatted(KARLSTAD)).query(String.class).list();
        for (String other : others.subList(0, 4)) {
            ask(person, other, "");
        }
        var sixth = postForm(person, "/en/account/organisations", page.body(), Map.of("organisation", others.get(4)));
        assertThat(sixth.statusCode()).isEqualTo(400);
        assertThat(sixth.body()).contains("five requests waiting");
        // a request id that is not one, or not there: 404
        assertThat(postForm(person, "/en/organisations/requests/" + UUID.randomUUID(), page.body(),
                Map.of("decision", "approve")).statusCode()).isEqualTo(404);
    }
}

package se.partnerskap.identity;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People create their own account: the link in the mail confirms the address and sets the password; the answer
 * is the same for an address that has an account, whose owner is told how to log in instead. Each test posts from
 * its own client address (X-Forwarded-For), so the mail limits per address of other tests do not meet it.
 */
class RegistrationTest extends IdentityTestSupport {

    private final String from = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);

    private static String newAddress() {
        return "reg-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    private java.net.http.HttpResponse<String> register(java.net.http.HttpClient client, String path, String name,
            String email) {
        String form = get(client, path).body();
        return postForm(client, path, form, Map.of("name", name, "email", email), "X-Forwarded-For", from);
    }

    @Test
    void someoneRegistersConfirmsTheAddressByTheLinkAndLandsOnAskingToJoinAnOrganisation() {
        String email = newAddress();
        var client = client();
        var form = get(client, "/en/register");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Create an account").contains("autocomplete=\"email\"");
        assertThat(get(client, "/en/login").body()).contains("href=\"/en/register\"");

        var sent = register(client, "/en/register", "Rita Registrerad", " " + email.toUpperCase() + " ");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(location(sent)).isEqualTo("/en/register/sent");
        assertThat(get(client, "/en/register/sent").body()).contains("We have sent a link to " + email.toUpperCase());

        var mail = mailTo(email, 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address for Municipal Partnership");
        assertThat(mail.text()).contains("Hello Rita Registrerad").contains("can be used once");
        String link = link(mail.text(), "/en/register/");
        // nobody can log in before the address is confirmed; administrators see why
        assertThat(login(client(), email, PASSWORD, "en").statusCode()).isEqualTo(401);
        assertThat(get(loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD), "/en/admin/users").body())
                .contains(email).contains("Registered, address not confirmed");

        var confirming = client();
        var confirm = get(confirming, link);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Confirm your e-mail address").contains("confirms that " + email)
                .contains("value=\"Rita Registrerad\"").contains("action=\"" + link + "\"");
        var weak = postForm(confirming, link, confirm.body(), Map.of("name", "Rita R", "password", "short", "repeat", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("There is a problem").contains("at least 12 characters").contains("value=\"Rita R\"");
        var done = postForm(confirming, link, confirm.body(), Map.of("name", "Rita Registrerad", "password", PASSWORD,
                "repeat", PASSWORD));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(location(done)).isEqualTo("/en/login");

        var rita = client();
        assertThat(location(login(rita, email, PASSWORD, "en"))).isEqualTo("/en/applications");
        assertThat(get(rita, "/en/applications").body()).contains("not linked to an organisation yet")
                .contains("href=\"/en/account/organisations\"");
        assertThat(get(client(), link).statusCode()).isEqualTo(410);

        String userId = jdbc.sql("SELECT id::text FROM app_user WHERE email = ?").param(email).query(String.class).single();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY id").param(userId)
                .query(String.class).list()).containsExactly("user.registered", "user.registration-confirmed");
        assertThat(jdbc.sql("SELECT role FROM user_role WHERE user_id = ?::uuid").param(userId).query(String.class).list())
                .containsExactly("APPLICANT");
    }

    @Test
    void anAddressWithAnAccountGetsTheSameAnswerAndItsOwnerIsToldHowToLogIn() {
        String email = newUser(Role.APPLICANT);
        var sent = register(client(), "/registrera", "Någon Annan", email);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(location(sent)).isEqualTo("/registrera/skickat");

        var mail = mailTo(email, 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Du har redan ett konto i Kommunala partnerskap");
        assertThat(mail.text()).contains("Hej Testa Testsson").contains("/login").contains("/glomt-losenord")
                .doesNotContain("/registrera/");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(email).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE email = ?").param(email).query(String.class).single())
                .isEqualTo("Testa Testsson");
        assertThat(login(client(), email, PASSWORD, "sv").statusCode()).isEqualTo(302);
    }

    @Test
    void registeringAgainBeforeConfirmingSendsANewLinkThatReplacesTheFirst() {
        String email = newAddress();
        register(client(), "/registrera", "Först Namn", email);
        String first = link(mailTo(email, 1).getFirst().text(), "/registrera/");
        register(client(), "/registrera", "Andra Namn", email);
        var mails = mailTo(email, 2);
        assertThat(mails).extracting(m -> m.subject()).containsOnly("Bekräfta din e-postadress för Kommunala partnerskap");
        String second = mails.stream().map(m -> link(m.text(), "/registrera/")).filter(l -> !l.equals(first))
                .findFirst().orElseThrow();
        assertThat(get(client(), first).statusCode()).isEqualTo(410);
        var page = get(client(), second);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bekräfta din e-postadress").contains("value=\"Först Namn\"");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(email).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsShownNextToTheFieldsKeepsWhatWasTypedAndCreatesNothing() {
        var answer = register(client(), "/en/register", " ", "nonsense");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("There is a problem").contains("href=\"#name\"").contains("href=\"#email\"")
                .contains("Enter a name").contains("Enter an e-mail address in the correct format")
                .contains("value=\"nonsense\"");
        var swedish = register(client(), "/registrera", "Namn Namnsson", "");
        assertThat(swedish.statusCode()).isEqualTo(400);
        assertThat(swedish.body()).contains("Det finns ett problem").contains("value=\"Namn Namnsson\"");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = 'nonsense'").query(Integer.class).single()).isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    se.partnerskap.identity.internal.RegistrationCleanup cleanup;

    @Test
    void anAddressNeverConfirmedIsForgottenAMonthAfterItsLinkExpiredButNotAnInvitedOne() {
        String email = newAddress();
        java.time.Instant registered = java.time.Instant.now();
        clock.set(registered);
        register(client(), "/registrera", "Glömd Person", email);
        mailTo(email, 1);
        String invited = newAddress();
        var ada = accounts.byEmail(DemoUsers.ADA.email()).orElseThrow();
        accounts.invite(ada, new se.partnerskap.identity.internal.Accounts.Invite(invited, "Inbjuden Person", "sv",
                java.util.Set.of(Role.REVIEWER), java.util.Set.of()));
        String sql = "SELECT count(*) FROM app_user WHERE email = ?";

        // the link is valid for 7 days; a month after that, not a day earlier, the account is forgotten
        clock.set(registered.plus(java.time.Duration.ofDays(36)));
        cleanup.cleanUp();
        assertThat(jdbc.sql(sql).param(email).query(Integer.class).single()).isEqualTo(1);
        clock.set(registered.plus(java.time.Duration.ofDays(38)));
        assertThat(cleanup.cleanUp()).isPositive();
        assertThat(jdbc.sql(sql).param(email).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql(sql).param(invited).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql(sql).param(DemoUsers.ANNA.email()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'user.registration-removed'")
                .query(Integer.class).single()).isPositive();
    }
}

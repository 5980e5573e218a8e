package se.partnerskap.identity;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form that sets a password refuses common and too long ones with a field error, never a 500. */
class PasswordPolicyTest extends IdentityTestSupport {

    private static final String EMOJI_30 = "😀".repeat(30); // 120 bytes in UTF-8
    private static final String LETTERS_103 = "a".repeat(103);

    @Test
    void acceptingAnInvitationRefusesACommonPasswordAndOnesLongerThanTheHashTakes() {
        var admin = loggedIn(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String email = "policy-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var form = get(admin, "/en/admin/users/invite");
        var sent = postForm(admin, "/en/admin/users/invite", form.body(), Map.of("email", email,
                "name", "Petra Policy", "language", "en", "roles", "REVIEWER"));
        assertThat(sent.statusCode()).isEqualTo(302);
        String link = link(mailTo(email, 1).getFirst().text(), "/en/invitation/");
        var invitee = client();
        var page = get(invitee, link);

        var common = postForm(invitee, link, page.body(), Map.of("name", "Petra Policy",
                "password", "Qwerty123456", "repeat", "Qwerty123456"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("There is a problem").contains("href=\"#password\"")
                .contains("among the most common or known leaked passwords").contains("value=\"Petra Policy\"");

        var emoji = postForm(invitee, link, page.body(), Map.of("name", "Petra Policy",
                "password", EMOJI_30, "repeat", EMOJI_30));
        assertThat(emoji.statusCode()).isEqualTo(400);
        assertThat(emoji.body()).contains("href=\"#password\"").contains("The password is too long");

        var letters = postForm(invitee, link, page.body(), Map.of("name", "Petra Policy",
                "password", LETTERS_103, "repeat", LETTERS_103));
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).contains("The password is too long");

        String fine = "😀".repeat(12) + " fine";
        var accepted = postForm(invitee, link, page.body(), Map.of("name", "Petra Policy", "password", fine, "repeat", fine));
        assertThat(accepted.statusCode()).as("12 emoji and 5 letters are 53 bytes").isEqualTo(302);
        assertThat(location(login(client(), email, fine, "en"))).isEqualTo("/en/reviews");
    }

    @Test
    void aResetLinkRefusesACommonPasswordAndThirtyEmojiInSwedish() {
        String email = newUser();
        var client = client();
        var form = get(client, "/glomt-losenord");
        postForm(client, "/glomt-losenord", form.body(), Map.of("email", email));
        String link = link(mailTo(email, 1).getFirst().text(), "/aterstall-losenord/");
        var page = get(client, link);
        var common = postForm(client, link, page.body(), Map.of("password", "password1234", "repeat", "password1234"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("href=\"#password\"")
                .contains("Lösenordet finns bland de vanligaste eller kända läckta lösenorden");
        var emoji = postForm(client, link, page.body(), Map.of("password", EMOJI_30, "repeat", EMOJI_30));
        assertThat(emoji.statusCode()).isEqualTo(400);
        assertThat(emoji.body()).contains("Lösenordet är för långt");
        assertThat(location(login(client(), email, PASSWORD, "sv"))).as("nothing changed").isEqualTo("/handlaggning");
    }

    @Test
    void changingOnesOwnPasswordRefusesCommonAndTooLongPasswordsAndATooLongCurrentOne() {
        String email = newUser();
        var client = loggedIn(email, PASSWORD);
        var page = get(client, "/en/account");
        var common = postForm(client, "/en/account/password", page.body(), Map.of("current", PASSWORD,
                "password", "1q2w3e4r5t6y", "repeat", "1q2w3e4r5t6y"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("among the most common or known leaked passwords");
        var emoji = postForm(client, "/en/account/password", page.body(), Map.of("current", PASSWORD,
                "password", EMOJI_30, "repeat", EMOJI_30));
        assertThat(emoji.statusCode()).isEqualTo(400);
        assertThat(emoji.body()).contains("The password is too long");
        var letters = postForm(client, "/en/account/password", page.body(), Map.of("current", LETTERS_103,
                "password", "a brand new passphrase", "repeat", "a brand new passphrase"));
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).contains("The current password is wrong");
    }
}

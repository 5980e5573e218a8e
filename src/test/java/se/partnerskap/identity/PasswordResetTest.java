package se.partnerskap.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetTest extends IdentityTestSupport {

    @Test
    void aResetLinkSetsANewPasswordOnce() {
        String email = newUser();
        var client = client();
        var login = get(client, "/en/login");
        assertThat(login.body()).contains("href=\"/en/forgot-password\"");
        var form = get(client, "/en/forgot-password");
        var asked = postForm(client, "/en/forgot-password", form.body(), Map.of("email", email));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(location(asked)).isEqualTo("/en/forgot-password");
        assertThat(get(client, "/en/forgot-password").body()).contains("If there is an account with that e-mail address");

        var mail = mailTo(email, 1).getFirst();
        String link = link(mail.text(), "/en/reset-password/");
        var page = get(client, link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email).contains("autocomplete=\"new-password\"");
        var mismatch = postForm(client, link, page.body(), Map.of("password", "a brand new password",
                "repeat", "another new password"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("The passwords are not the same").contains("href=\"#repeat\"");
        var reset = postForm(client, link, page.body(), Map.of("password", "a brand new password",
                "repeat", "a brand new password"));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(location(reset)).isEqualTo("/en/login");

        assertThat(login(client(), email, PASSWORD, "sv").statusCode()).isEqualTo(401);
        assertThat(login(client(), email, "a brand new password", "sv").statusCode()).isEqualTo(302);
        assertThat(get(link).statusCode()).isEqualTo(410);
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailHasAnAccount() {
        String email = newUser();
        String nobody = "nobody-" + email;
        var client = client();
        var form = get(client, "/glomt-losenord");
        var forNobody = postForm(client, "/glomt-losenord", form.body(), Map.of("email", nobody));
        String nobodyPage = get(client, "/glomt-losenord").body();
        var forSomebody = postForm(client, "/glomt-losenord", form.body(), Map.of("email", email));
        String somebodyPage = get(client, "/glomt-losenord").body();
        assertThat(forNobody.statusCode()).isEqualTo(forSomebody.statusCode()).isEqualTo(302);
        assertThat(location(forNobody)).isEqualTo(location(forSomebody));
        assertThat(nobodyPage).contains("Om det finns ett konto med den e-postadressen");
        assertThat(somebodyPage.replaceAll("value=\"[^\"]*\"", ""))
                .isEqualTo(nobodyPage.replaceAll("value=\"[^\"]*\"", ""));
        mailTo(email, 1);
        assertThat(mail.messagesTo(nobody)).isEmpty();
    }

    @Test
    void anExpiredResetLinkIsGoneAndAnUnknownOneIsNotFound() {
        String email = newUser();
        var client = client();
        var form = get(client, "/glomt-losenord");
        postForm(client, "/glomt-losenord", form.body(), Map.of("email", email));
        String link = link(mailTo(email, 1).getFirst().text(), "/aterstall-losenord/");
        clock.set(Instant.now().plus(Duration.ofMinutes(61)));
        var expired = get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Länken gäller inte längre");
        assertThat(get("/aterstall-losenord/nonsense").statusCode()).isEqualTo(404);
    }
}

package se.partnerskap.application;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators edit a programme's form in the admin pages: a valid definition becomes the next version (what
 * was made on the earlier one keeps it), an invalid one is refused with a translated reason and the text kept, a
 * save based on a version someone has since replaced is refused, and nobody else reaches the pages.
 */
class FormAdminTest extends ApplicationFixtures {

    static final String PROGRAMME = "formularadmintest";
    private static final Pattern TEXT = Pattern.compile("<textarea id=\"definition\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern BASED_ON = Pattern.compile("name=\"basedOn\" value=\"(\\d+)\"");

    @BeforeEach
    void programmeWithAForm() {
        jdbc.sql("INSERT INTO programme (key, name_sv, name_en) VALUES (?, 'Formuläradmin', 'Form admin') ON CONFLICT DO NOTHING")
                .param(PROGRAMME).update();
        jdbc.sql("""
                INSERT INTO programme_form (programme_key, version, definition)
                SELECT ?, 1, definition FROM programme_form WHERE programme_key = 'resestipendium' AND version = 1
                ON CONFLICT DO NOTHING
                """).param(PROGRAMME).update();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private int latest() {
        return jdbc.sql("SELECT max(version) FROM programme_form WHERE programme_key = ?").param(PROGRAMME)
                .query(Integer.class).single();
    }

    @Test
    void aChangedDefinitionBecomesTheNextVersionAndABadOneIsRefusedWithItsReason() {
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        assertThat(get(ada, "/admin/formular").body()).contains("Formuläradmin").contains("En person för sig själv")
                .contains("href=\"/admin/formular/" + PROGRAMME + "\"");
        int before = latest();
        String page = get(ada, "/admin/formular/" + PROGRAMME).body();
        assertThat(page).contains("Fältarbetet").contains("Handledarens e-postadress").contains("E-postadress");
        Matcher text = TEXT.matcher(page);
        assertThat(text.find()).isTrue();
        String definition = unescape(text.group(1));
        Matcher basedOn = BASED_ON.matcher(page);
        assertThat(basedOn.find()).isTrue();
        assertThat(Integer.parseInt(basedOn.group(1))).isEqualTo(before);

        // the same definition again makes no version
        HttpResponse<String> same = postForm(ada, "/admin/formular/" + PROGRAMME, page,
                Map.of("definition", definition, "basedOn", String.valueOf(before)));
        assertThat(same.statusCode()).isEqualTo(302);
        assertThat(latest()).isEqualTo(before);

        // a slug used twice: refused next to the field, the text kept, nothing stored
        String twice = definition.replace("\"personligt-brev\"", "\"budget\"");
        HttpResponse<String> refused = postForm(ada, "/admin/formular/" + PROGRAMME, page,
                Map.of("definition", twice, "basedOn", String.valueOf(before)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("error-summary").contains("definition-error").contains("har adressen ”budget”");
        Matcher kept = TEXT.matcher(refused.body());
        assertThat(kept.find()).isTrue();
        assertThat(unescape(kept.group(1))).as("the text typed is kept").isEqualTo(twice);
        assertThat(latest()).isEqualTo(before);
        HttpResponse<String> broken = postForm(ada, "/admin/formular/" + PROGRAMME, page,
                Map.of("definition", "{\"sections\": [", "basedOn", String.valueOf(before)));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("inte giltig JSON");

        String renamed = definition.replace("\"Fältarbetet\"", "\"Fältarbetet och platsen\"");
        HttpResponse<String> saved = postForm(ada, "/admin/formular/" + PROGRAMME, page,
                Map.of("definition", renamed, "basedOn", String.valueOf(before)));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(latest()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT definition::text FROM programme_form WHERE programme_key = ? AND version = ?")
                .params(PROGRAMME, before).query(String.class).single()).as("the earlier version is unchanged")
                .contains("\"Fältarbetet\"").doesNotContain("och platsen");
        assertThat(get(ada, "/admin/formular/" + PROGRAMME).body()).contains("Fältarbetet och platsen");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'programme.form-version-created' AND subject_id = ?")
                .param(PROGRAMME).query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        // a save based on the version just replaced is refused; the text typed is kept
        HttpResponse<String> stale = postForm(ada, "/admin/formular/" + PROGRAMME, page,
                Map.of("definition", definition, "basedOn", String.valueOf(before)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Någon annan sparade en ny version");
        assertThat(latest()).isEqualTo(before + 1);
    }

    @Test
    void onlyAdministratorsReachTheFormPages() {
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        assertThat(get(olle, "/admin/formular").statusCode()).isEqualTo(403);
        assertThat(get(anna(), "/admin/formular/" + PROGRAMME).statusCode()).isEqualTo(403);
        assertThat(get(loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD), "/admin/formular/finns-inte" + UUID.randomUUID())
                .statusCode()).isEqualTo(404);
    }
}

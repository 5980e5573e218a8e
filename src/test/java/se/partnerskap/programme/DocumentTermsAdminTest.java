package se.partnerskap.programme;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators edit the programme's letterhead, its text on reconsideration and appeal and the
 * guidelines its agreements refer to; the change is audited, and nobody else may make it.
 */
class DocumentTermsAdminTest extends AbstractIntegrationTest {

    @Test
    void anAdministratorChangesTheReviewTextAndTheChangeIsAudited() {
        Map<String, String> before = jdbc.sql("""
                SELECT review_text_en, guidelines_version, funder_organisation_number FROM programme WHERE key = ?
                """).param(Programmes.MUNICIPAL_PARTNERSHIP).query((rs, i) -> Map.of("reviewEn", rs.getString(1),
                "guidelinesVersion", rs.getString(2), "organisationNumber", rs.getString(3))).single();
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String form = get(ada, "/en/admin/documents").body();
        assertThat(form).contains("Reconsideration and appeal").contains("can therefore not be appealed");
        try {
            Map<String, String> fields = new LinkedHashMap<>(fields(form));
            fields.put("reviewEn", "The decision may be appealed to the administrative court within three weeks.");
            fields.put("guidelinesVersion", "2024-01-15");
            fields.put("organisationNumber", "802000-0000");
            HttpResponse<String> saved = postForm(ada, "/en/admin/documents", form, fields);
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(get(ada, "/en/admin/documents").body()).contains("within three weeks.").contains("2024-01-15")
                    .contains("have been saved");
            assertThat(jdbc.sql("""
                    SELECT details->>'reviewEn' FROM audit_entry WHERE action = 'programme-document-terms-changed'
                    AND subject_id = ? AND actor = ? ORDER BY id DESC LIMIT 1
                    """).params(Programmes.MUNICIPAL_PARTNERSHIP, DemoUsers.ADA.email()).query(String.class).single())
                    .contains("administrative court");

            // an officer may not change them
            HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
            assertThat(get(olle, "/admin/dokument").statusCode()).isEqualTo(403);
        } finally {
            jdbc.sql("""
                    UPDATE programme SET review_text_en = ?, guidelines_version = ?, funder_organisation_number = ?
                    WHERE key = ?
                    """).params(before.get("reviewEn"), before.get("guidelinesVersion"), before.get("organisationNumber"),
                    Programmes.MUNICIPAL_PARTNERSHIP).update();
        }
    }

    /** The form's fields as the page shows them (inputs and text areas by name). */
    private static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        var input = java.util.regex.Pattern.compile("<input type=\"text\" id=\"(\\w+)\" name=\"\\w+\" value=\"([^\"]*)\"")
                .matcher(html);
        while (input.find()) {
            fields.put(input.group(1), unescape(input.group(2)));
        }
        var area = java.util.regex.Pattern.compile("<textarea id=\"(\\w+)\" name=\"\\w+\"[^>]*>([^<]*)</textarea>")
                .matcher(html);
        while (area.find()) {
            fields.put(area.group(1), unescape(area.group(2)));
        }
        return fields;
    }

    private static String unescape(String s) {
        return s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}

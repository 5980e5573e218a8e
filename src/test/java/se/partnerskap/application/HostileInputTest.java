package se.partnerskap.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Forged files, oversize uploads, scripts, odd amounts, other organisations' ids, missing CSRF tokens, expired sessions. */
class HostileInputTest extends ApplicationFixtures {

    @Test
    void anotherOrganisationsApplicantGets404OnEveryAddressAndChangesNothing() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String attachments = get(anna, "/ansokningar/" + id + "/bilagor").body();
        assertThat(upload(anna, "/ansokningar/" + id + "/bilagor", csrf(attachments), "avsikt.pdf", pdf()).statusCode()).isEqualTo(302);
        UUID attachment = jdbc.sql("SELECT id FROM attachment WHERE application_id = ?").param(id).query(UUID.class).single();

        HttpClient per = per();
        String persPage = get(per, "/ansokningar").body();
        for (String path : List.of("/ansokningar/" + id, "/en/applications/" + id, "/ansokningar/" + id + "/utmaning",
                "/en/applications/" + id + "/challenge", "/ansokningar/" + id + "/granska", "/ansokningar/" + id + "/bilagor",
                "/ansokningar/" + id + "/bilagor/" + attachment, "/en/applications/" + id + "/attachments/" + attachment,
                "/ansokningar/" + UUID.randomUUID(), "/ansokningar/not-an-id", "/ansokningar/" + id + "/no-such-section")) {
            assertThat(get(per, path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(postForm(per, "/ansokningar/" + id + "/utmaning", persPage, Map.of("version", "0", "title", "Pers")).statusCode()).isEqualTo(404);
        assertThat(autosave(per, "/ansokningar/" + id + "/utmaning", persPage, Map.of("version", "0", "title", "Pers")).statusCode()).isEqualTo(404);
        assertThat(upload(per, "/ansokningar/" + id + "/bilagor", csrf(persPage), "x.pdf", pdf()).statusCode()).isEqualTo(404);
        assertThat(postForm(per, "/ansokningar/" + id + "/bilagor/" + attachment + "/ta-bort", persPage, Map.of()).statusCode()).isEqualTo(404);
        assertThat(postForm(per, "/ansokningar/" + id + "/utmaning/konflikt", persPage, Map.of()).statusCode()).isEqualTo(404);
        assertThat(section(id, "challenge").get("version")).isEqualTo(0);
        assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE application_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(get(per, "/ansokningar").body()).doesNotContain(id.toString());
    }

    @Test
    void onlyRealPdfsUnderTheLimitAreStoredAndOnlyMembersDownloadThem() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/bilagor";
        String page = get(anna, path).body();
        // the upload form carries its CSRF token in the form, never in the address (logs, Referer)
        assertThat(page).contains("action=\"" + path + "\" enctype=\"multipart/form-data\"").doesNotContain("?_csrf=");
        HttpResponse<String> forged = upload(anna, path, csrf(page), "avsikt.pdf", "<html>not a pdf</html>".repeat(10).getBytes());
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("Filen är inte en PDF");
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        HttpResponse<String> oversize = upload(anna, path, csrf(page), "stor.pdf", big);
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(oversize.body()).contains("Filen är större än 10 MB").contains("error-summary");
        // far over the limit, it is refused before it is read: still our translated 413 page, nothing stored
        HttpResponse<String> huge = upload(anna, path, csrf(page), "enorm.pdf", new byte[20 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("Filen är för stor").doesNotContain("Apache Tomcat");
        assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE application_id = ?").param(id).query(Integer.class).single()).isZero();

        HttpResponse<String> ok = upload(anna, path, csrf(page), "avsikt.pdf", pdf());
        assertThat(ok.statusCode()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("SELECT id, sha256, size_bytes FROM attachment WHERE application_id = ?").param(id).query().singleRow();
        assertThat(row.get("sha256")).isEqualTo(se.partnerskap.shared.Sha256.hex(pdf()));
        assertThat(section(id, "attachments").get("state")).isEqualTo("completed");
        HttpResponse<byte[]> download = send(anna, HttpRequest.newBuilder(URI.create(url(path + "/" + row.get("id")))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.body()).isEqualTo(pdf());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.attachment-added' AND subject_id = ?")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
        page = get(anna, path).body();
        assertThat(postForm(anna, path + "/" + row.get("id") + "/ta-bort", page, Map.of()).statusCode()).isEqualTo(302);
        assertThat(section(id, "attachments").get("state")).isEqualTo("not-started");
    }

    @Test
    void aScriptIsStoredAsTextAndAlwaysEscaped() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String script = "<script>alert('x')</script>";
        assertThat(postForm(anna, path, get(anna, path).body(), Map.of("version", "0", "title", script,
                "challenge", script, "objectives", "o", "results", "r")).statusCode()).isEqualTo(302);
        assertThat((String) section(id, "challenge").get("answers")).contains(script);
        for (String page : List.of(path, "/ansokningar/" + id, "/ansokningar/" + id + "/granska", "/ansokningar")) {
            String html = get(anna, page).body();
            assertThat(html).as(page).doesNotContain(script).contains("&lt;script&gt;");
        }
    }

    @Test
    void amountsThatAreNotWholeKronorAreRefusedAndNothingIsStored() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/budget";
        for (String amount : List.of("-5", "1e9", "1.5", "12 34", "9999999999")) {
            HttpResponse<String> r = postForm(anna, path, get(anna, path).body(), Map.of("version", "0",
                    "line1Category", "travel", "line1Description", "Resor", "line1Party", "swedish", "line1Amount", amount,
                    "requested", "1000"));
            assertThat(r.statusCode()).as(amount).isEqualTo(422);
            assertThat(r.body()).contains("error-summary").contains("Skriv beloppet i hela kronor")
                    .contains("href=\"#line1Amount\"").contains("value=\"" + amount + "\"").contains("value=\"Resor\"");
        }
        // a country outside the round and a text over its limit are refused the same way
        String partners = "/ansokningar/" + id + "/partner";
        HttpResponse<String> r = postForm(anna, partners, get(anna, partners).body(), Map.of("version", "0",
                "partner1Name", "x".repeat(201), "partner1Country", "SE"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Högst 200 tecken").contains("Välj ett av alternativen");
        assertThat(section(id, "budget").get("version")).isEqualTo(0);
        assertThat(section(id, "partners").get("version")).isEqualTo(0);
        assertThat(section(id, "budget").get("answers")).isEqualTo("{}");
    }

    @Test
    void anAmountOfFortyNinesIsAFieldErrorOnSaveAndOnAutosaveNotAServerError() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/budget";
        String page = get(anna, path).body();
        String nines = "9".repeat(40);
        for (String amount : List.of(nines, "999 999 999 999 999 999 999 999 999 999")) {
            HttpResponse<String> saved = postForm(anna, path, page, Map.of("version", "0", "line1Category", "travel",
                    "line1Description", "Resor", "line1Party", "swedish", "line1Amount", amount, "requested", nines));
            assertThat(saved.statusCode()).as(amount).isEqualTo(422);
            assertThat(saved.body()).contains("error-summary").contains("href=\"#line1Amount\"").contains("href=\"#requested\"")
                    .contains("Skriv beloppet i hela kronor").contains("value=\"" + amount + "\"");
            HttpResponse<String> autosaved = autosave(anna, path, page, Map.of("version", "0", "line1Category", "travel",
                    "line1Description", "Resor", "line1Party", "swedish", "line1Amount", amount, "requested", "1000"));
            assertThat(autosaved.statusCode()).as(amount).isLessThan(500);
            assertThat(autosaved.body()).contains("Inte sparat");
        }
        // the years of the activities are a number field too
        String activities = "/ansokningar/" + id + "/aktiviteter";
        HttpResponse<String> years = postForm(anna, activities, get(anna, activities).body(),
                Map.of("version", "0", "years", nines));
        assertThat(years.statusCode()).isEqualTo(422);
        assertThat(years.body()).contains("error-summary").contains("value=\"" + nines + "\"");
        assertThat(section(id, "budget").get("version")).isEqualTo(0);
        assertThat(section(id, "budget").get("answers")).isEqualTo("{}");
    }

    @Test
    void aContactAddressWithMarkupIsRefusedAsTheSubscriptionFormRefusesIt() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/sokande";
        String hostile = "\"><script>alert(1)</script>@example.org";
        HttpResponse<String> r = postForm(anna, path, get(anna, path).body(), Map.of("version", "0",
                "contactName", "Anna", "contactEmail", hostile));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("error-summary").contains("href=\"#contactEmail\"")
                .contains("Skriv en e-postadress").doesNotContain("<script>alert(1)</script>");
        assertThat(section(id, "applicant").get("version")).isEqualTo(0);
    }

    @Test
    void aPostWithoutCsrfTokenIsA403PageAndChangesNothing() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        HttpResponse<String> r = send(anna, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("version", "0", "title", "Utan token"), null))).build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Du har inte behörighet");
        HttpResponse<String> en = send(anna, HttpRequest.newBuilder(URI.create(url("/en/applications/" + id + "/challenge")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("version", "0", "title", "No token"), null))).build());
        assertThat(en.statusCode()).isEqualTo(403);
        assertThat(en.body()).contains("<html lang=\"en\"");
        assertThat(section(id, "challenge").get("version")).isEqualTo(0);
    }

    @Test
    void whatWasTypedWhenTheSessionExpiredIsRestoredAfterLogin() {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/utmaning";
        String page = get(anna, path).body();
        // the session expires while Anna is typing
        jdbc.sql("DELETE FROM spring_session").update();
        HttpResponse<String> r = postForm(anna, path, page, Map.of("version", "0", "title", "Skrivet efter utloggning",
                "challenge", "Lång text som inte får försvinna", "objectives", "", "results", ""));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(section(id, "challenge").get("version")).isEqualTo(0);
        assertThat(jdbc.sql("SELECT count(*) FROM pending_save WHERE path = ?").param(path).query(Integer.class).single()).isEqualTo(1);
        // back to the section: the login page, then the form with the kept text
        HttpResponse<String> section = get(anna, path);
        assertThat(section.statusCode()).isEqualTo(302);
        String login = get(anna, "/login").body();
        HttpResponse<String> loggedIn = postForm(anna, "/login", login, Map.of("email", se.partnerskap.identity.DemoUsers.ANNA.email(),
                "password", se.partnerskap.identity.DemoUsers.PASSWORD, "lang", "sv"));
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith(path);
        String restored = get(anna, path).body();
        assertThat(restored).contains("Du var utloggad när du sparade").contains("value=\"Skrivet efter utloggning\"")
                .contains("Lång text som inte får försvinna");
        assertThat(jdbc.sql("SELECT count(*) FROM pending_save WHERE path = ?").param(path).query(Integer.class).single()).isZero();
        assertThat(postForm(anna, path, restored, Map.of("version", "0", "title", "Skrivet efter utloggning",
                "challenge", "Lång text som inte får försvinna", "objectives", "o", "results", "r")).statusCode()).isEqualTo(302);
        assertThat((String) section(id, "challenge").get("answers")).contains("Lång text som inte får försvinna");
    }

    @Test
    void aPostFromAnotherSiteWithoutASessionCookieIsNotKept() {
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = send(client(), HttpRequest.newBuilder(URI.create(url("/ansokningar/" + id + "/utmaning")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=planted")).build());
        assertThat(r.statusCode()).isIn(302, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM pending_save WHERE fields::text LIKE '%planted%'").query(Integer.class).single()).isZero();
    }
}

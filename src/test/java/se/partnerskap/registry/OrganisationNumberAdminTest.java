package se.partnerskap.registry;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators record the organisation numbers of municipalities and regions, which the decision letter
 * and the agreement print; a number must be well formed, carry a right check digit and be a municipal one.
 */
class OrganisationNumberAdminTest extends AbstractIntegrationTest {

    @Autowired
    Registry registry;

    private UUID asele() {
        return jdbc.sql("SELECT id FROM swedish_organisation WHERE kind = 'municipality' AND name = 'Åsele'")
                .query(UUID.class).single();
    }

    @AfterEach
    void forget() {
        jdbc.sql("UPDATE swedish_organisation SET organisation_number = NULL WHERE id = ?").param(asele()).update();
    }

    /** Ten digits starting with these nine and ending with their Luhn check digit. */
    private static String withCheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return nine + (10 - sum % 10) % 10;
    }

    @Test
    void anAdministratorRecordsANumberTheDocumentsThenPrintAndTheChangeIsAudited() {
        UUID asele = asele();
        String digits = withCheckDigit("212000246");
        String number = digits.substring(0, 6) + "-" + digits.substring(6);
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);

        String list = get(ada, "/en/admin/organisations?q=%C3%A5se").body();
        assertThat(list).contains("Åsele").contains("Not recorded").doesNotContain("Stockholm")
                .contains("/en/admin/organisations/" + asele);
        assertThat(get(ada, "/admin/organisationer").body()).contains("Stockholm").contains("Region Värmland")
                .contains("href=\"/admin/organisationer\"");

        String form = get(ada, "/en/admin/organisations/" + asele).body();
        // typed without the hyphen, stored with it
        HttpResponse<String> saved = postForm(ada, "/en/admin/organisations/" + asele, form,
                Map.of("organisationNumber", " " + digits + " "));
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = java.net.URI.create(saved.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
                + java.net.URI.create(saved.headers().firstValue("Location").orElseThrow()).getRawQuery();
        assertThat(get(ada, location).body()).contains(number).contains("The organisation number has been saved.");
        assertThat(registry.organisationNumber(asele)).hasValue(number);
        assertThat(jdbc.sql("""
                SELECT details->>'after' FROM audit_entry WHERE action = 'swedish-organisation-number-changed'
                AND subject_id = ? AND actor = ? ORDER BY id DESC LIMIT 1
                """).params(asele.toString(), DemoUsers.ADA.email()).query(String.class).single()).isEqualTo(number);

        // empty removes it
        form = get(ada, "/admin/organisationer/" + asele).body();
        assertThat(form).contains("value=\"" + number + "\"");
        assertThat(postForm(ada, "/admin/organisationer/" + asele, form, Map.of("organisationNumber", "")).statusCode())
                .isEqualTo(302);
        assertThat(registry.organisationNumber(asele)).isEmpty();
    }

    @Test
    void aWrongFormatACheckDigitThatDoesNotAddUpOrANonMunicipalNumberIsRefusedAndTheInputIsKept() {
        UUID asele = asele();
        String digits = withCheckDigit("212000246");
        String wrongCheckDigit = digits.substring(0, 9) + (char) ('0' + (digits.charAt(9) - '0' + 1) % 10);
        int audited = audited(asele);
        HttpClient ada = loggedInAs(DemoUsers.ADA.email(), DemoUsers.PASSWORD);
        String form = get(ada, "/admin/organisationer/" + asele).body();

        HttpResponse<String> format = postForm(ada, "/admin/organisationer/" + asele, form,
                Map.of("organisationNumber", "21200-01234"));
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("Ange organisationsnumret med tio siffror").contains("value=\"21200-01234\"")
                .contains("error-summary").contains("aria-invalid=\"true\"");

        HttpResponse<String> check = postForm(ada, "/en/admin/organisations/" + asele, form,
                Map.of("organisationNumber", wrongCheckDigit));
        assertThat(check.statusCode()).isEqualTo(400);
        assertThat(check.body()).contains("its check digit (the last digit) is wrong")
                .contains("value=\"" + wrongCheckDigit + "\"");
        assertThat(postForm(ada, "/admin/organisationer/" + asele, form, Map.of("organisationNumber", wrongCheckDigit))
                .body()).contains("kontrollsiffran (den sista siffran) är fel");

        // a company's number (legal form group 5) is well formed but not a municipality's
        String company = withCheckDigit("556000000");
        HttpResponse<String> legalForm = postForm(ada, "/en/admin/organisations/" + asele, form,
                Map.of("organisationNumber", company));
        assertThat(legalForm.statusCode()).isEqualTo(400);
        assertThat(legalForm.body()).contains("of a municipality or region starts with 2");

        assertThat(registry.organisationNumber(asele)).isEmpty();
        assertThat(audited(asele)).isEqualTo(audited);
    }

    private int audited(UUID organisation) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'swedish-organisation-number-changed' AND subject_id = ?")
                .param(organisation.toString()).query(Integer.class).single();
    }

    @Test
    void onlyAdministratorsMayRecordNumbers() {
        UUID asele = asele();
        HttpClient olle = loggedInAs(DemoUsers.OLLE.email(), DemoUsers.PASSWORD);
        assertThat(get(olle, "/admin/organisationer").statusCode()).isEqualTo(403);
        assertThat(get(olle, "/en/admin/organisations/" + asele).statusCode()).isEqualTo(403);
        String page = get(olle, "/konto").body();
        assertThat(postForm(olle, "/admin/organisationer/" + asele, page, Map.of("organisationNumber", "2120000142"))
                .statusCode()).isEqualTo(403);
        assertThat(registry.organisationNumber(asele)).isEmpty();
        assertThat(get(client(), "/admin/organisationer").statusCode()).isEqualTo(302);
    }
}

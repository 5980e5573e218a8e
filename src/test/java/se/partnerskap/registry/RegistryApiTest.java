package se.partnerskap.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.support.AbstractIntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The open data API: the reference data as JSON, codes as strings with their leading zeros. */
class RegistryApiTest extends AbstractIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private List<Map<String, Object>> list(String path) {
        var response = get(path, "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
        return json.readValue(response.body(), new TypeReference<>() { });
    }

    @Test
    void listsThe290MunicipalitiesWithTheirCodesAsStrings() {
        var municipalities = list("/api/v1/municipalities");
        assertThat(municipalities).hasSize(290);
        assertThat(municipalities).extracting(m -> m.get("code")).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).isInstanceOf(String.class).asString().matches("\\d{4}"));
        var ekero = municipalities.stream().filter(m -> "0125".equals(m.get("code"))).findFirst().orElseThrow();
        assertThat(ekero).containsEntry("name", "Ekerö").containsEntry("regionCode", "01");
        assertThat(municipalities).anySatisfy(m -> assertThat(m).containsEntry("code", "0980").containsEntry("name", "Gotland"));
        // the raw JSON keeps the leading zero as a string, not a number
        assertThat(get("/api/v1/municipalities").body()).contains("\"code\":\"0125\"");
    }

    @Test
    void listsThe21RegionsByTheirTwoDigitCodes() {
        var regions = list("/api/v1/regions");
        assertThat(regions).hasSize(21);
        assertThat(regions.getFirst()).containsEntry("code", "01").containsEntry("name", "Region Stockholm");
        assertThat(regions).anySatisfy(r -> assertThat(r).containsEntry("code", "24")
                .containsEntry("name", "Region Västerbotten").containsEntry("county", "Västerbottens län"));
    }

    @Test
    void listsThe24CountriesInSwedishAndEnglish() {
        var countries = list("/api/v1/countries");
        assertThat(countries).hasSize(24);
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("iso2", "MK")
                .containsEntry("nameSv", "Nordmakedonien").containsEntry("nameEn", "North Macedonia")
                .containsEntry("listed", true));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("iso2", "XK").containsEntry("nameEn", "Kosovo"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("iso2", "ZW").containsEntry("listed", false));
        assertThat(countries).filteredOn(c -> Boolean.TRUE.equals(c.get("listed"))).hasSize(21);
        assertThat(countries).allSatisfy(c -> assertThat((String) c.get("nameSv")).isNotBlank());
    }
}

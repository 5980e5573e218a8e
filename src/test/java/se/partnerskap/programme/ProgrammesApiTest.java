package se.partnerskap.programme;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.partnerskap.support.AbstractIntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The programmes as open data: who may apply to each and the rounds that take applications at the moment. */
class ProgrammesApiTest extends AbstractIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private List<Map<String, Object>> programmes() {
        var response = get("/api/v1/programmes", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=60"));
        return json.readValue(response.body(), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    @Test
    void listsTheMunicipalPartnershipForOrganisationsWithTheRoundOpenToday() {
        record Window(String key, Timestamp opensAt, Timestamp closesAt) {
        }
        Window open = jdbc.sql("""
                SELECT key, opens_at, closes_at FROM round
                WHERE programme_key = 'kommunala-partnerskap' AND status = 'open' ORDER BY opens_at LIMIT 1
                """).query(Window.class).single();
        Instant inside = open.opensAt().toInstant().plusSeconds(3600);
        clock.set(inside);

        var municipal = programmes().stream().filter(p -> "kommunala-partnerskap".equals(p.get("key"))).findFirst()
                .orElseThrow();
        assertThat(municipal).containsEntry("applicantKind", "organisation");
        assertThat((Map<String, String>) municipal.get("name")).containsEntry("sv", "Kommunala partnerskap");
        assertThat((Map<String, String>) municipal.get("page")).hasEntrySatisfying("en",
                url -> assertThat(url).endsWith("/en/municipal-partnership"));
        var rounds = (List<Map<String, Object>>) municipal.get("openRounds");
        assertThat(rounds).extracting(r -> r.get("key")).contains(open.key());
        var round = rounds.stream().filter(r -> open.key().equals(r.get("key"))).findFirst().orElseThrow();
        assertThat(Instant.parse((String) round.get("opensAt"))).isEqualTo(open.opensAt().toInstant());
        assertThat(Instant.parse((String) round.get("deadline"))).isAfterOrEqualTo(open.closesAt().toInstant());

        // long after every round: the programme is listed with no open round
        clock.set(Instant.parse("2040-01-01T00:00:00Z"));
        var later = programmes().stream().filter(p -> "kommunala-partnerskap".equals(p.get("key"))).findFirst().orElseThrow();
        assertThat((List<?>) later.get("openRounds")).isEmpty();
    }
}

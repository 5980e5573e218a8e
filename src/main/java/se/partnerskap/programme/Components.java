package se.partnerskap.programme;

import java.util.List;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A programme's components, their amount rules and the applicant types it accepts: data, not code. */
@Service
@Transactional(readOnly = true)
public class Components {

    private final JdbcClient jdbc;

    Components(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Component> all(String programme) {
        return jdbc.sql("""
                SELECT programme_key AS programme, key, name_sv, name_en, description_sv, description_en, min_years,
                       max_years, outside_rounds FROM component WHERE programme_key = ? ORDER BY position
                """).param(programme).query(Component.class).list();
    }

    public java.util.Optional<Component> component(String programme, String key) {
        return all(programme).stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public List<AmountRule> rules(String programme) {
        return jdbc.sql("""
                SELECT programme_key AS programme, component_key, world_region, min_parties, max_sek, per_year
                FROM amount_rule WHERE programme_key = ? ORDER BY component_key, world_region, min_parties
                """).param(programme).query(AmountRule.class).list();
    }

    /**
     * The most an application for {@code component} may ask for, with a partner in {@code worldRegion},
     * {@code parties} parties in all (Swedish ones included) and {@code years} years; empty when no rule applies.
     * With partners in several regions, ask for each and take the smallest.
     */
    public OptionalLong maxAmount(String programme, String component, String worldRegion, int parties, int years) {
        return rules(programme).stream()
                .filter(r -> r.componentKey().equals(component) && r.worldRegion().equals(worldRegion)
                        && r.minParties() <= parties)
                .max(java.util.Comparator.comparingInt(AmountRule::minParties))
                .map(r -> OptionalLong.of(r.maxFor(years))).orElse(OptionalLong.empty());
    }

    /** The kinds of Swedish organisation that may apply (municipality, region, county-council, regional-federation). */
    public List<String> applicantKinds(String programme) {
        return jdbc.sql("SELECT kind FROM programme_applicant_kind WHERE programme_key = ? ORDER BY kind")
                .param(programme).query(String.class).list();
    }
}

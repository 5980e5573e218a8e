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
    private final se.partnerskap.audit.Audit audit;
    private final java.time.Clock clock;

    Components(JdbcClient jdbc, se.partnerskap.audit.Audit audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The most partner organisations abroad a component can be set to take (the database says so too). */
    public static final int MAX_PARTNERS = 10;

    /** The world regions an amount rule can name. */
    public static final List<String> WORLD_REGIONS = List.of("Europe", "Asia", "Africa", "Latin America");

    /** The component's version, for optimistic locking of its edit form. */
    public int version(String programme, String key) {
        return jdbc.sql("SELECT version FROM component WHERE programme_key = ? AND key = ?").params(programme, key)
                .query(Integer.class).optional().orElseThrow(() -> new IllegalArgumentException("No such component"));
    }

    /**
     * Saves a component's years, whether it may be applied for outside the rounds, how many partner
     * organisations an application may name, and its amount rules (the whole set, replacing the old one),
     * if nobody changed it since {@code version}.
     *
     * @return false when someone else saved first (nothing changed)
     */
    @Transactional
    public boolean update(String programme, String key, int minYears, int maxYears, boolean outsideRounds,
            int maxPartners, List<AmountRule> rules, int version, String actor) {
        if (minYears < 1 || maxYears < minYears) {
            throw new IllegalArgumentException("Years run from 1 and the maximum is at least the minimum");
        }
        if (maxPartners < 1 || maxPartners > MAX_PARTNERS) {
            throw new IllegalArgumentException("A component takes 1 to " + MAX_PARTNERS + " partners");
        }
        int rows = jdbc.sql("""
                UPDATE component SET min_years = ?, max_years = ?, outside_rounds = ?, max_partners = ?,
                                     version = version + 1
                WHERE programme_key = ? AND key = ? AND version = ?
                """).params(minYears, maxYears, outsideRounds, maxPartners, programme, key, version).update();
        if (rows == 0) {
            return false;
        }
        List<AmountRule> before = rules(programme).stream().filter(r -> r.componentKey().equals(key)).toList();
        jdbc.sql("DELETE FROM amount_rule WHERE programme_key = ? AND component_key = ?").params(programme, key).update();
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        for (AmountRule r : rules) {
            jdbc.sql("""
                    INSERT INTO amount_rule (programme_key, component_key, world_region, min_parties, max_sek, per_year,
                                             updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(programme, key, r.worldRegion(), r.minParties(), r.maxSek(), r.perYear(), now, actor)
                    .update();
        }
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("minYears", minYears);
        details.put("maxYears", maxYears);
        details.put("outsideRounds", outsideRounds);
        details.put("maxPartners", maxPartners);
        details.put("rulesBefore", before.stream().map(Components::describe).toList());
        details.put("rules", rules.stream().map(Components::describe).toList());
        audit.record(actor, "component-updated", "component", programme + "/" + key, details);
        return true;
    }

    private static String describe(AmountRule r) {
        return r.worldRegion() + " " + r.minParties() + "+ parties: " + r.maxSek() + (r.perYear() ? " per year" : " in all");
    }

    public List<Component> all(String programme) {
        return jdbc.sql("""
                SELECT programme_key AS programme, key, name_sv, name_en, description_sv, description_en, min_years,
                       max_years, outside_rounds, max_partners FROM component WHERE programme_key = ? ORDER BY position
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

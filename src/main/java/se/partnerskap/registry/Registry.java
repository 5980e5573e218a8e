package se.partnerskap.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry module's API: read the reference data, find and record partner organisations. */
@Service
@Transactional(readOnly = true)
public class Registry {

    private final JdbcClient jdbc;

    Registry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Regions, municipalities, countries and the Swedish organisations (their names, kinds and codes): reference
     * data that only migrations change, read together once per instance and kept, so that the map and the lists
     * that name an organisation or a country per row do not read 300 rows on every render. (An organisation's
     * number, which an administrator records, is not part of it and is always read.)
     */
    private record Reference(List<Region> regions, List<Municipality> municipalities, List<Country> countries,
            Map<String, Country> countriesByCode, List<SwedishOrganisation> organisations,
            Map<UUID, SwedishOrganisation> organisationsById) {
    }

    private volatile Reference reference;

    private Reference reference() {
        Reference kept = reference;
        if (kept == null) {
            List<Country> countries = jdbc.sql("SELECT iso2, iso3, name_en, name_sv, world_region, listed FROM country ORDER BY name_en")
                    .query(Country.class).list();
            List<SwedishOrganisation> organisations = jdbc.sql(
                    "SELECT id, kind, name, municipality_code, region_code FROM swedish_organisation ORDER BY name")
                    .query(SwedishOrganisation.class).list();
            kept = new Reference(
                    List.copyOf(jdbc.sql("SELECT code, name, county FROM region ORDER BY code").query(Region.class).list()),
                    List.copyOf(jdbc.sql("SELECT code, name, region_code, lat, lon FROM municipality ORDER BY code")
                            .query(Municipality.class).list()),
                    List.copyOf(countries),
                    countries.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Country::iso2, c -> c)),
                    List.copyOf(organisations),
                    organisations.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(SwedishOrganisation::id, o -> o)));
            reference = kept;
        }
        return kept;
    }

    public List<Region> regions() {
        return reference().regions();
    }

    public List<Municipality> municipalities() {
        return reference().municipalities();
    }

    public List<Country> countries() {
        return reference().countries();
    }

    /** A country by its ISO code, without a query. */
    public Optional<Country> country(String iso2) {
        return Optional.ofNullable(iso2 == null ? null : reference().countriesByCode().get(iso2));
    }

    public List<SwedishOrganisation> swedishOrganisations() {
        return reference().organisations();
    }

    public Optional<SwedishOrganisation> swedishOrganisation(UUID id) {
        return Optional.ofNullable(id == null ? null : reference().organisationsById().get(id));
    }

    /** Its organisation number (organisationsnummer, six digits, a hyphen and four), when one is recorded. */
    public Optional<String> organisationNumber(UUID swedishOrganisationId) {
        return jdbc.sql("SELECT organisation_number FROM swedish_organisation WHERE id = ? AND organisation_number IS NOT NULL")
                .param(swedishOrganisationId).query(String.class).optional();
    }

    /** The organisation numbers recorded of these organisations, in one read (those without one are absent). */
    public java.util.Map<UUID, String> organisationNumbers(Collection<UUID> swedishOrganisationIds) {
        java.util.Map<UUID, String> numbers = new java.util.HashMap<>();
        if (!swedishOrganisationIds.isEmpty()) {
            jdbc.sql("SELECT id, organisation_number FROM swedish_organisation WHERE id = ANY(?) AND organisation_number IS NOT NULL")
                    .param(swedishOrganisationIds.toArray(UUID[]::new))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> numbers.put(rs.getObject(1, UUID.class),
                            rs.getString(2)));
        }
        return numbers;
    }

    public List<SwedishOrganisation> swedishOrganisations(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<UUID> wanted = new java.util.HashSet<>(ids);
        return swedishOrganisations().stream().filter(o -> wanted.contains(o.id())).toList();
    }

    /** The organisation of a municipality (for Gotland: Region Gotland). */
    public Optional<SwedishOrganisation> organisationOfMunicipality(String municipalityCode) {
        return jdbc.sql("""
                SELECT id, kind, name, municipality_code, region_code FROM swedish_organisation
                WHERE municipality_code = ? ORDER BY kind = 'municipality' DESC LIMIT 1
                """).param(municipalityCode).query(SwedishOrganisation.class).optional();
    }

    public Optional<SwedishOrganisation> organisationOfRegion(String regionCode) {
        return jdbc.sql("SELECT id, kind, name, municipality_code, region_code FROM swedish_organisation WHERE kind = 'region' AND region_code = ?")
                .param(regionCode).query(SwedishOrganisation.class).optional();
    }

    public List<PartnerOrganisation> partnerOrganisations() {
        return jdbc.sql("SELECT id, name, kind, country_iso2 FROM partner_organisation ORDER BY country_iso2, name")
                .query(PartnerOrganisation.class).list();
    }

    /** The partner organisations of these ids (one array parameter, however many). */
    public List<PartnerOrganisation> partnerOrganisations(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, kind, country_iso2 FROM partner_organisation WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new)).query(PartnerOrganisation.class).list();
    }

    /** Finds the partner organisation of that name in that country, or records it. */
    @Transactional
    public PartnerOrganisation partnerOrganisation(String name, String countryIso2) {
        jdbc.sql("""
                INSERT INTO partner_organisation (id, name, country_iso2) VALUES (?, ?, ?)
                ON CONFLICT (country_iso2, name) DO NOTHING
                """).params(UUID.randomUUID(), name, countryIso2).update();
        return jdbc.sql("SELECT id, name, kind, country_iso2 FROM partner_organisation WHERE country_iso2 = ? AND name = ?")
                .params(countryIso2, name).query(PartnerOrganisation.class).single();
    }
}

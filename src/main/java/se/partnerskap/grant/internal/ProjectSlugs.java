package se.partnerskap.grant.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.PartnerOrganisation;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/**
 * Gives each funded partnership its readable address once: the Swedish party, the first partner (or its
 * country when the partner is not named) and the year it starts, {@code karlstad-makueni-2019}; a second
 * one of the same name gets {@code -2}. Once stored a slug never changes, so an address given out stays good.
 */
@Component
public class ProjectSlugs {

    private static final Logger log = LoggerFactory.getLogger(ProjectSlugs.class);

    /** Words that name the kind of organisation, not the place; dropped unless nothing else is left. */
    private static final Set<String> GENERIC = Set.of("kommun", "stad", "county", "district", "municipality",
            "municipal", "council", "city", "town", "province", "government", "local", "of", "the");

    private final JdbcClient jdbc;
    private final Registry registry;
    private final TransactionTemplate transaction;
    private final se.partnerskap.web.RenderedPages pages;

    ProjectSlugs(JdbcClient jdbc, Registry registry, TransactionTemplate transaction, se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.registry = registry;
        this.transaction = transaction;
    }

    /** The partnerships recorded before slugs existed get theirs when the application starts. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void assignMissing() {
        Integer n = transaction.execute(status -> {
            List<UUID> missing = jdbc.sql("SELECT id FROM funded_partnership WHERE slug IS NULL ORDER BY recorded_at, key")
                    .query(UUID.class).list();
            missing.forEach(this::assign);
            if (!missing.isEmpty()) {
                pages.invalidate(se.partnerskap.grant.FundedPartnerships.PAGES_REGION); // the public pages link to the new addresses
            }
            return missing.size();
        });
        if (n != null && n > 0) {
            log.info("Gave {} funded partnerships their readable address", n);
        }
    }

    /** Assigns the slug of a partnership unless it has one, within the caller's transaction; returns it. */
    public String assign(UUID partnershipId) {
        // one assignment at a time, so that two partnerships of the same name never take the same slug
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('project-slug'))").query(Object.class).single();
        record Source(String slug, UUID organisation, LocalDate startsOn) {
        }
        Source s = jdbc.sql("SELECT slug, swedish_organisation_id, starts_on FROM funded_partnership WHERE id = ?")
                .param(partnershipId)
                .query((rs, i) -> new Source(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class)))
                .single();
        if (s.slug() != null) {
            return s.slug();
        }
        String party = registry.swedishOrganisation(s.organisation()).map(SwedishOrganisation::name).orElse("");
        String partner = jdbc.sql("""
                SELECT partner_organisation_id, country_iso2 FROM funded_partnership_partner
                WHERE funded_partnership_id = ? ORDER BY (partner_organisation_id IS NULL), position LIMIT 1
                """).param(partnershipId)
                .query((rs, i) -> partnerName(rs.getObject(1, UUID.class), rs.getString(2))).optional().orElse("");
        String base = base(party, partner, s.startsOn() == null ? null : s.startsOn().getYear());
        Set<String> taken = new HashSet<>(jdbc.sql("SELECT slug FROM funded_partnership WHERE slug = ? OR slug LIKE ?")
                .params(base, base + "-%").query(String.class).list());
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        jdbc.sql("UPDATE funded_partnership SET slug = ? WHERE id = ?").params(slug, partnershipId).update();
        return slug;
    }

    private String partnerName(UUID organisation, String country) {
        if (organisation != null) {
            String name = registry.partnerOrganisations().stream().filter(o -> o.id().equals(organisation))
                    .map(PartnerOrganisation::name).findFirst().orElse(null);
            if (name != null) {
                return name;
            }
        }
        return registry.country(country).map(Country::nameSv).orElse(country);
    }

    /** {@code "Karlstad", "Makueni County", 2019} → {@code karlstad-makueni-2019}. */
    static String base(String party, String partner, Integer year) {
        List<String> parts = new ArrayList<>();
        for (String name : new String[] {party, partner}) {
            String words = words(name);
            if (!words.isEmpty()) {
                parts.add(words);
            }
        }
        if (year != null) {
            parts.add(Integer.toString(year));
        }
        return parts.isEmpty() ? "projekt" : String.join("-", parts);
    }

    /** The name in lower-case ASCII words joined by dashes (å → a), the generic words left out, at most 40 characters. */
    static String words(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
                .toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>();
        for (String w : ascii.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                all.add(w);
            }
        }
        List<String> specific = all.stream().filter(w -> !GENERIC.contains(w)).toList();
        String joined = String.join("-", specific.isEmpty() ? all : specific);
        if (joined.length() > 40) {
            joined = joined.substring(0, 40);
            joined = joined.substring(0, joined.lastIndexOf('-') > 0 ? joined.lastIndexOf('-') : 40);
        }
        return joined;
    }
}

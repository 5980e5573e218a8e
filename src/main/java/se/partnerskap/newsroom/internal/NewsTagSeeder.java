package se.partnerskap.newsroom.internal;

import java.util.Locale;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Region;
import se.partnerskap.registry.Registry;

/**
 * The tags every database has: the programme's core areas (themes), the partner countries and the 21
 * Swedish regions, taken from the programme and the registry so that they are named as everywhere else.
 * Added at start-up when missing; tags already there are left as they are.
 */
@Component
public class NewsTagSeeder {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Registry registry;

    NewsTagSeeder(JdbcClient jdbc, Programmes programmes, Registry registry) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    public void ensure() {
        for (CoreArea c : programmes.coreAreas(Programmes.MUNICIPAL_PARTNERSHIP)) {
            add(c.key(), "theme", c.nameSv(), c.nameEn());
        }
        for (Country c : registry.countries()) {
            add(countryKey(c), "country", c.nameSv(), c.nameEn());
        }
        for (ProgrammeSummary p : programmes.all()) {
            add(p.key(), "programme", p.nameSv(), p.nameEn());
        }
        for (Region r : registry.regions()) {
            String name = regionName(r);
            add(NewsForm.slugOf(name), "region", name, name);
        }
    }

    static String countryKey(Country c) {
        return NewsForm.slugOf(c.nameEn());
    }

    /** "Region Kronoberg" -> "Kronoberg", "Västra Götalandsregionen" -> "Västra Götaland", as newsrooms tag them. */
    static String regionName(Region r) {
        String n = r.name();
        if (n.startsWith("Region ")) {
            n = n.substring("Region ".length());
        }
        if (n.endsWith("regionen")) {
            n = n.substring(0, n.length() - "regionen".length());
        }
        if (n.endsWith(" län")) {
            n = n.substring(0, n.length() - " län".length());
        }
        return n.strip();
    }

    static String regionKey(String name) {
        return NewsForm.slugOf(name.toLowerCase(Locale.ROOT));
    }

    private void add(String key, String kind, String sv, String en) {
        if (key == null || key.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO news_tag (key, kind, name_sv, name_en) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")
                .params(key, kind, sv, en == null || en.isBlank() ? sv : en).update();
    }
}

package se.partnerskap.publicsite;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Municipality;
import se.partnerskap.registry.Region;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/**
 * The maps (/karta, /en/map): Sweden's municipalities and regions with an active funded partnership, and
 * the partner countries with their number of partnerships. Read from the data on every request; only the
 * outlines are cached (see {@link MapShapes}).
 */
@Controller
public class MapPages {

    private static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final FundedPartnerships funded;
    private final Registry registry;
    private final MapShapes shapes;

    MapPages(FundedPartnerships funded, Registry registry, MapShapes shapes) {
        this.funded = funded;
        this.registry = registry;
        this.shapes = shapes;
    }

    public record Link(String href, String label) {
    }

    /** A municipality or region of the table beside the map of Sweden. */
    public record AreaRow(String code, String name, List<Link> partnerships) {
    }

    public record CountryRow(String iso2, String name, int all, int active) {
    }

    public record MapPage(String today, String todayIso, String municipalitiesSvg, List<AreaRow> municipalities,
            String regionsSvg, List<AreaRow> regions, String worldSvg, List<CountryRow> countries, int withoutCountry, String swatch) {
    }

    @GetMapping({"/karta", "/en/map"})
    String map(Ui ui, Model model) {
        Language lang = ui.language();
        Collator collator = Collator.getInstance(lang.locale());
        var today = funded.today();
        List<FundedPartnership> active = funded.active(PROGRAMME);
        Map<UUID, SwedishOrganisation> organisations = registry.swedishOrganisations().stream()
                .collect(Collectors.toMap(SwedishOrganisation::id, Function.identity()));

        // A municipality has a partnership when it (or, for Gotland, Region Gotland) is the Swedish party; a
        // region when the region itself is.
        Map<String, List<FundedPartnership>> byMunicipality = new TreeMap<>();
        Map<String, List<FundedPartnership>> byRegion = new TreeMap<>();
        for (FundedPartnership f : active) {
            SwedishOrganisation o = organisations.get(f.swedishOrganisationId());
            if (o == null) {
                continue;
            }
            if (o.municipalityCode() != null) {
                byMunicipality.computeIfAbsent(o.municipalityCode(), k -> new ArrayList<>()).add(f);
            }
            if ("region".equals(o.kind()) && o.regionCode() != null) {
                byRegion.computeIfAbsent(o.regionCode(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, String> municipalityNames = registry.municipalities().stream()
                .collect(Collectors.toMap(Municipality::code, Municipality::name));
        Map<String, String> regionNames = registry.regions().stream()
                .collect(Collectors.toMap(Region::code, Region::name));

        Map<String, String> municipalityTitles = titles(municipalityNames, byMunicipality, ui);
        Map<String, String> regionTitles = titles(regionNames, byRegion, ui);
        String municipalitiesSvg = MapSvg.draw("map-municipalities", shapes.municipalities(),
                ui.t("map.municipalities.svgTitle"), municipalityTitles, byMunicipality.keySet());
        String regionsSvg = MapSvg.draw("map-regions", shapes.regions(), ui.t("map.regions.svgTitle"), regionTitles,
                byRegion.keySet());

        // Partner countries: every funded partnership counts once in each country it has a partner in.
        List<FundedPartnership> everyPartnership = funded.all(PROGRAMME);
        Map<String, Integer> all = countByCountry(everyPartnership);
        int withoutCountry = (int) everyPartnership.stream().filter(f -> f.partners().isEmpty()).count();
        Map<String, Integer> running = countByCountry(active);
        Map<String, Country> countries = registry.countries().stream()
                .collect(Collectors.toMap(Country::iso2, Function.identity()));
        Map<String, String> countryTitles = new HashMap<>();
        for (String iso2 : shapes.world().shapes().keySet()) {
            String name = countryName(iso2, countries, lang);
            int n = all.getOrDefault(iso2, 0);
            countryTitles.put(iso2, n == 0 ? name
                    : ui.t("map.country.title", name, n, running.getOrDefault(iso2, 0)));
        }
        String worldSvg = MapSvg.draw("map-world", shapes.world(), ui.t("map.world.svgTitle"), countryTitles,
                all.keySet());
        List<CountryRow> countryRows = all.keySet().stream()
                .map(iso2 -> new CountryRow(iso2, countryName(iso2, countries, lang), all.get(iso2),
                        running.getOrDefault(iso2, 0)))
                .sorted(Comparator.comparing(CountryRow::name, collator)).toList();

        model.addAttribute("page", new MapPage(StockholmTime.date(today, lang), today.toString(), municipalitiesSvg,
                rows(byMunicipality, municipalityNames, ui, collator), regionsSvg, rows(byRegion, regionNames, ui, collator),
                worldSvg, countryRows, withoutCountry, MapSvg.legendSwatch("legend-hatch")));
        return "pages/map";
    }

    private static Map<String, String> titles(Map<String, String> names, Map<String, List<FundedPartnership>> marked,
            Ui ui) {
        Map<String, String> titles = new HashMap<>();
        names.forEach((code, name) -> {
            int n = marked.getOrDefault(code, List.of()).size();
            titles.put(code, n == 0 ? name : ui.t("map.area.title", name, n));
        });
        return titles;
    }

    private static List<AreaRow> rows(Map<String, List<FundedPartnership>> marked, Map<String, String> names, Ui ui,
            Collator collator) {
        Language lang = ui.language();
        return marked.entrySet().stream()
                .map(e -> new AreaRow(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue().stream()
                        .map(f -> new Link(ui.href("/projekt/" + f.key()), label(f, lang))).toList()))
                .sorted(Comparator.comparing(AreaRow::name, collator)).toList();
    }

    /** "Karlstad – Makueni County, Kenya (2020–2021)": the period tells apart two partnerships of one party. */
    private static String label(FundedPartnership f, Language lang) {
        String partners = f.partners().stream()
                .map(p -> p.named() ? p.name() + ", " + p.countryName(lang) : p.countryName(lang))
                .collect(Collectors.joining("; "));
        String label = partners.isEmpty() ? f.swedishOrganisationName() : f.swedishOrganisationName() + " – " + partners;
        if (f.startsOn() != null && f.endsOn() != null) {
            label += f.startsOn().getYear() == f.endsOn().getYear() ? " (" + f.startsOn().getYear() + ")"
                    : " (" + f.startsOn().getYear() + "–" + f.endsOn().getYear() + ")";
        }
        return label;
    }

    private static Map<String, Integer> countByCountry(List<FundedPartnership> partnerships) {
        Map<String, Integer> counts = new TreeMap<>();
        for (FundedPartnership f : partnerships) {
            Set<String> countries = f.partners().stream().map(FundedPartnership.Partner::countryIso2)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            countries.forEach(c -> counts.merge(c, 1, Integer::sum));
        }
        return counts;
    }

    /** The programme's name for a partner country, otherwise the JDK's. */
    private static String countryName(String iso2, Map<String, Country> countries, Language lang) {
        Country c = countries.get(iso2);
        if (c != null) {
            return c.name(lang);
        }
        String name = Locale.of("", iso2).getDisplayCountry(lang.locale());
        return name.isBlank() ? iso2 : name;
    }
}

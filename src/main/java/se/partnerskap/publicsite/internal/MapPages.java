package se.partnerskap.publicsite.internal;

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

import org.springframework.stereotype.Component;
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
 * The maps as {@link MapController} shows them: Sweden's municipalities and regions with a funded partnership, and the
 * partner countries with their number of partnerships, each beside its table.
 */
@Component
public class MapPages {

    private static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final FundedPartnerships funded;
    private final Registry registry;
    private final MapShapes shapes;
    private final MapOutlines outlines;

    MapPages(FundedPartnerships funded, Registry registry, MapShapes shapes, MapOutlines outlines) {
        this.funded = funded;
        this.registry = registry;
        this.shapes = shapes;
        this.outlines = outlines;
    }

    public record Link(String href, DirectoryPages.Named label) {
    }

    /** A choice of the filter: all, active or completed partnerships, how many, and whether it is shown now. */
    public record Filter(String code, String label, String href, boolean current) {
    }

    /** A municipality or region of the table beside the map of Sweden. */
    public record AreaRow(String code, String name, List<Link> partnerships) {
    }

    public record CountryRow(String iso2, String name, int all, int active) {
    }

    /** {@code status}: the filter shown ({@code all}, {@code active} or {@code completed}). */
    public record MapPage(String today, String todayIso, String status, List<Filter> filters, String shown,
            String municipalitiesSvg, List<AreaRow> municipalities, String regionsSvg, List<AreaRow> regions,
            String worldSvg, List<CountryRow> countries, int withoutCountry, String swatch) {

        /** A message key of the page for the filter shown: the key itself for {@code active}, else key.status. */
        public String key(String key) {
            return "active".equals(status) ? key : key + "." + status;
        }
    }

    /** The maps and their tables for the filter asked for ({@code status}: all unless active or completed). */
    MapPage page(String status, Ui ui) {
        Language lang = ui.language();
        Collator collator = Collator.getInstance(lang.locale());
        var today = funded.today();
        String filter = "active".equals(status) || "completed".equals(status) ? status : "all";
        // every partnership read once; which are running and which have ended by the directory's own rule
        List<FundedPartnership> everyPartnership = funded.all(PROGRAMME);
        FundedPartnerships.Phases phases = funded.phases(PROGRAMME);
        List<FundedPartnership> active = everyPartnership.stream().filter(f -> phases.active().contains(f.id()))
                .sorted(Comparator.comparing(FundedPartnership::key)).toList();
        List<FundedPartnership> completed = everyPartnership.stream().filter(f -> phases.completed().contains(f.id()))
                .sorted(Comparator.comparing(FundedPartnership::startsOn, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(FundedPartnership::key))
                .toList();
        List<FundedPartnership> shown = switch (filter) {
            case "active" -> active;
            case "completed" -> completed;
            default -> everyPartnership;
        };
        Map<String, Integer> counts = Map.of("all", everyPartnership.size(), "active", active.size(), "completed",
                completed.size());
        List<Filter> filters = List.of("all", "active", "completed").stream()
                .map(code -> new Filter(code, ui.t("map.filter." + code, counts.get(code)),
                        ui.href("/karta") + ("all".equals(code) ? "" : "?status=" + code), code.equals(filter)))
                .toList();
        Map<UUID, SwedishOrganisation> organisations = registry.swedishOrganisations().stream()
                .collect(Collectors.toMap(SwedishOrganisation::id, Function.identity()));

        // A municipality has a partnership when it (or, for Gotland, Region Gotland) is the Swedish party; a
        // region when the region itself is.
        Map<String, List<FundedPartnership>> byMunicipality = new TreeMap<>();
        Map<String, List<FundedPartnership>> byRegion = new TreeMap<>();
        for (FundedPartnership f : shown) {
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

        String areaTitle = "active".equals(filter) ? "map.area.title" : "map.area.title." + filter;
        Map<String, String> municipalityTitles = titles(municipalityNames, byMunicipality, ui, areaTitle);
        Map<String, String> regionTitles = titles(regionNames, byRegion, ui, areaTitle);
        String municipalitiesSvg = MapSvg.draw("map-municipalities", shapes.municipalities(),
                ui.t("map.municipalities.svgTitle"), municipalityTitles, byMunicipality.keySet(), outlines.url());
        String regionsSvg = MapSvg.draw("map-regions", shapes.regions(), ui.t("map.regions.svgTitle"), regionTitles,
                byRegion.keySet(), outlines.url());

        // Partner countries: every funded partnership counts once in each country it has a partner in.
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
                all.keySet(), outlines.url());
        List<CountryRow> countryRows = all.keySet().stream()
                .map(iso2 -> new CountryRow(iso2, countryName(iso2, countries, lang), all.get(iso2),
                        running.getOrDefault(iso2, 0)))
                .sorted(Comparator.comparing(CountryRow::name, collator)).toList();

        return new MapPage(StockholmTime.date(today, lang), today.toString(), filter, filters,
                ui.t("map.shown." + filter, shown.size(), StockholmTime.date(today, lang)), municipalitiesSvg,
                rows(byMunicipality, municipalityNames, ui, collator), regionsSvg, rows(byRegion, regionNames, ui, collator),
                worldSvg, countryRows, withoutCountry, MapSvg.legendSwatch("legend-hatch"));
    }

    private static Map<String, String> titles(Map<String, String> names, Map<String, List<FundedPartnership>> marked,
            Ui ui, String key) {
        Map<String, String> titles = new HashMap<>();
        names.forEach((code, name) -> {
            int n = marked.getOrDefault(code, List.of()).size();
            titles.put(code, n == 0 ? name : ui.t(key, name, n));
        });
        return titles;
    }

    private static List<AreaRow> rows(Map<String, List<FundedPartnership>> marked, Map<String, String> names, Ui ui,
            Collator collator) {
        Language lang = ui.language();
        return marked.entrySet().stream()
                .map(e -> new AreaRow(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue().stream()
                        .map(f -> new Link(ui.href("/projekt/" + f.path()), label(f, ui))).toList()))
                .sorted(Comparator.comparing(AreaRow::name, collator)).toList();
    }

    /**
     * The project's title with its period, "Young voices in climate work (2025–2026)"; without a title
     * "Karlstad – Makueni County, Kenya (2020–2021)". The period tells apart two partnerships of one party.
     */
    private static DirectoryPages.Named label(FundedPartnership f, Ui ui) {
        Language lang = ui.language();
        String period = "";
        if (f.startsOn() != null && f.endsOn() != null) {
            period = f.startsOn().getYear() == f.endsOn().getYear() ? " (" + f.startsOn().getYear() + ")"
                    : " (" + f.startsOn().getYear() + "–" + f.endsOn().getYear() + ")";
        }
        FundedPartnership.Text title = f.title(lang);
        if (title != null) {
            DirectoryPages.Named named = DirectoryPages.named(title, ui);
            return new DirectoryPages.Named(named.text() + period, named.lang(), named.note());
        }
        String partners = f.partners().stream()
                .map(p -> p.named() ? p.name() + ", " + p.countryName(lang) : p.countryName(lang))
                .collect(Collectors.joining("; "));
        String label = partners.isEmpty() ? f.swedishOrganisationName() : f.swedishOrganisationName() + " – " + partners;
        return new DirectoryPages.Named(label + period, null, null);
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

package se.partnerskap.grant.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.PersonalGrants;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundSummary;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Sha256;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * Every grant as a 360Giving data package (standard 1.4, docs/open-data.md): the funded partnerships of every
 * programme, and the grants to persons whose grantees accepted and consented to be listed, with only what the public
 * list shows of them. The funder and publisher is the one of the open-data settings, identified by its organisation
 * number ({@code SE-ON-}); its grant ids are {@code 360G-SE-ON-<number>-…}. Texts are English where they exist in
 * English, otherwise Swedish.
 */
@Component
class GivingGrants {

    static final String VERSION = "1.4";

    private final FundedPartnerships funded;
    private final PersonalGrants persons;
    private final Registry registry;
    private final Programmes programmes;
    private final Links links;
    private final PartnerskapProperties.OpenData settings;

    GivingGrants(FundedPartnerships funded, PersonalGrants persons, Registry registry, Programmes programmes,
            Links links, PartnerskapProperties properties) {
        this.funded = funded;
        this.persons = persons;
        this.registry = registry;
        this.programmes = programmes;
        this.links = links;
        this.settings = properties.openData();
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Package(String version, String title, String description, String modified, Publisher publisher,
            String license, String downloadURL, String accessURL, List<Grant> grants) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Publisher(String identifier, String name, String website) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Grant(String id, String title, String description, String currency, long amountAwarded,
            Long amountDisbursed, String awardDate, String url, List<Period> plannedDates, Person recipientIndividual,
            List<Organization> recipientOrganization, List<Location> beneficiaryLocation,
            List<Organization> fundingOrganization, List<GrantProgramme> grantProgramme, String fromOpenCall,
            List<Classification> classifications, String dateModified, String dataSource) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Period(String startDate, String endDate, Long duration) {
    }

    record Person(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Organization(String id, String name, String organisationType, String addressCountry) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Location(String id, String name, String countryCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record GrantProgramme(String code, String title, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Classification(String vocabulary, String code, String title) {
    }

    /** The funder's 360Giving prefix: {@code 360G-} and its organisation identifier. */
    String prefix() {
        return "360G-" + settings.iatiIdentifier();
    }

    Package write() {
        Context c = new Context();
        List<Grant> grants = new ArrayList<>();
        List<FundedPartnership> all = funded.search(new FundedPartnerships.Search(null, null, null, null, null, null, null),
                null, 0, Integer.MAX_VALUE).partnerships();
        Map<UUID, Long> paid = funded.paid(all.stream().map(FundedPartnership::id).toList());
        Map<UUID, Instant> recorded = funded.recordedAt(all.stream().map(FundedPartnership::id).toList());
        Map<UUID, String> numbers = registry.organisationNumbers(
                all.stream().map(FundedPartnership::swedishOrganisationId).distinct().toList());
        Map<UUID, SwedishOrganisation> organisations = registry.swedishOrganisations(all.stream()
                .map(FundedPartnership::swedishOrganisationId).distinct().toList()).stream()
                .collect(Collectors.toMap(SwedishOrganisation::id, Function.identity()));
        for (FundedPartnership f : all) {
            grants.add(partnership(c, f, paid.getOrDefault(f.id(), 0L), recorded.get(f.id()),
                    organisations.get(f.swedishOrganisationId()), numbers));
        }
        persons.published().forEach(p -> grants.add(person(c, p)));
        String modified = grants.stream().map(Grant::dateModified).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Package(VERSION, settings.publisherName() + ": grants",
                "Every grant of " + settings.publisherName() + ": the municipal partnerships funded and the grants to"
                        + " persons whose grantees consented to be listed.",
                modified, new Publisher(settings.iatiIdentifier(), settings.publisherName(), links.base()),
                settings.licenceUrl(), links.absolute("/api/v1/360giving.json"), links.base(), grants);
    }

    private Grant partnership(Context c, FundedPartnership f, long paid, Instant recorded, SwedishOrganisation o,
            Map<UUID, String> numbers) {
        String organisationName = o == null ? f.swedishOrganisationName() : o.name();
        List<String> partners = f.partners().stream().filter(FundedPartnership.Partner::named)
                .map(FundedPartnership.Partner::name).toList();
        List<Location> countries = f.partners().stream().map(FundedPartnership.Partner::countryIso2).distinct()
                .map(c::location).toList();
        String with = partners.isEmpty()
                ? countries.stream().map(Location::name).collect(Collectors.joining(", "))
                : String.join(", ", partners);
        String title = first(f.titleEn(), f.titleSv(), f.themeEn(), f.themeSv(), organisationName + " – " + with);
        String description = first(f.themeEn(), f.themeSv(),
                "A municipal partnership of " + organisationName + " with " + with + ".");
        // the decision: the day its round's decisions were announced, else the day its period starts (a round
        // published here starts it on the day of the decision), else the day it was recorded
        LocalDate announced = c.announced(f.programme(), f.roundId());
        LocalDate awarded = announced != null ? announced : f.startsOn() != null ? f.startsOn()
                : recorded == null ? null : StockholmTime.at(recorded).toLocalDate();
        List<Period> planned = f.startsOn() == null ? List.of() : List.of(new Period(f.startsOn().toString(),
                f.endsOn() == null ? null : f.endsOn().toString(),
                f.endsOn() == null ? null : ChronoUnit.MONTHS.between(f.startsOn(), f.endsOn().plusDays(1))));
        Organization recipient = new Organization(o == null ? prefix() + "-org-" + f.swedishOrganisationId()
                : organisationId(o, numbers), organisationName, o == null ? null : kind(o.kind()), "Sweden");
        List<Classification> areas = f.coreAreas().stream().map(a -> new Classification(
                settings.iatiIdentifier() + "-core-area", a, c.coreArea(f.programme(), a))).toList();
        return new Grant(prefix() + "-" + f.key(), title, description, "SEK", f.amountSek(), paid,
                awarded == null ? null : awarded.toString(), links.absolute("/en/projects/" + f.path()), planned, null,
                List.of(recipient), countries, List.of(funder()), c.programme(f.programme()),
                f.roundId() == null ? null : "Yes", areas, recorded == null ? null : dateTime(recorded),
                links.absolute("/api/v1/projects/" + f.key()));
    }

    /**
     * A grant to a person, of a grantee who accepted and consented: name, affiliation, country and title only, under
     * ids that say nothing about the person or the application (a hash of ids that are never published).
     */
    private Grant person(Context c, PersonalGrants.Published p) {
        List<Location> where = p.country() == null ? List.of() : List.of(c.location(p.country()));
        String at = p.affiliation() == null || p.affiliation().isBlank() ? "" : " at " + p.affiliation().strip();
        String in = where.isEmpty() ? "" : " for fieldwork in " + where.getFirst().name();
        List<GrantProgramme> programme = c.programme(p.programme());
        String programmeName = programme.isEmpty() ? "Fieldwork grant" : programme.getFirst().title();
        return new Grant(prefix() + "-person-grant-" + opaque("grant:" + p.applicationId()), p.title(),
                programmeName + " to a student" + at + in + ".", "SEK", p.amountSek(), null,
                StockholmTime.at(p.decidedAt()).toLocalDate().toString(), null, List.of(),
                new Person(prefix() + "-person-" + opaque("person:" + p.grantee()), p.name()), List.of(), where,
                List.of(funder()), programme, "Yes", List.of(), dateTime(p.decidedAt()), null);
    }

    private Organization funder() {
        return new Organization(settings.iatiIdentifier(), settings.publisherName(), null, "Sweden");
    }

    /** {@code SE-ON-} and the organisation number when it is known; otherwise an id of ours that does not change. */
    private String organisationId(SwedishOrganisation o, Map<UUID, String> numbers) {
        String number = numbers.get(o.id());
        if (number != null) {
            return "SE-ON-" + number.replace("-", "");
        }
        if ("municipality".equals(o.kind()) && o.municipalityCode() != null) {
            return prefix() + "-municipality-" + o.municipalityCode();
        }
        if ("region".equals(o.kind()) && o.regionCode() != null) {
            return prefix() + "-region-" + o.regionCode();
        }
        return prefix() + "-org-" + o.id();
    }

    private static String kind(String kind) {
        return kind == null ? null : switch (kind) {
            case "municipality" -> "Municipality";
            case "region" -> "Region";
            default -> kind;
        };
    }

    /** A stable id that says nothing of the person or the application: a hash of ids never published. */
    static String opaque(String text) {
        return Sha256.hex("360giving:" + text).substring(0, 20);
    }

    private static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String first(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                return t.strip();
            }
        }
        return null;
    }

    /** What every grant of one package shares, each read once: countries, programmes and their core areas. */
    private final class Context {
        private final Map<String, Country> countries = registry.countries().stream()
                .collect(Collectors.toMap(Country::iso2, Function.identity()));
        private final Map<String, ProgrammeSummary> programmeByKey = programmes.all().stream()
                .collect(Collectors.toMap(ProgrammeSummary::key, Function.identity()));
        private final Map<String, Map<String, CoreArea>> areas = new HashMap<>();
        private final Map<String, Map<UUID, LocalDate>> announcements = new HashMap<>();

        LocalDate announced(String programme, UUID round) {
            return round == null ? null : announcements.computeIfAbsent(programme, k -> programmes.rounds(k).stream()
                    .filter(r -> r.announcedOn() != null)
                    .collect(Collectors.toMap(RoundSummary::id, RoundSummary::announcedOn))).get(round);
        }

        Location location(String iso2) {
            Country country = countries.get(iso2);
            return new Location(iso2, country == null ? iso2 : country.nameEn(), iso2);
        }

        List<GrantProgramme> programme(String key) {
            ProgrammeSummary p = programmeByKey.get(key);
            if (p == null) {
                return List.of(new GrantProgramme(key, null, null));
            }
            return List.of(new GrantProgramme(key, first(p.nameEn(), p.nameSv()),
                    p.pagePathEn() == null ? null : links.absolute(p.pagePathEn())));
        }

        String coreArea(String programme, String key) {
            CoreArea a = areas.computeIfAbsent(programme, k -> programmes.coreAreas(k).stream()
                    .collect(Collectors.toMap(CoreArea::key, Function.identity()))).get(key);
            return a == null ? null : first(a.nameEn(), a.nameSv());
        }
    }
}

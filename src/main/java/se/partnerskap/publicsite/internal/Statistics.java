package se.partnerskap.publicsite.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.PersonalGrants;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.RoundStatus;
import se.partnerskap.programme.RoundSummary;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/**
 * The figures of the statistics page (/statistik): per year, programme, round, partner country, Swedish region or
 * core area, the applications received and the amount applied for, the grants, the amounts granted and paid, and the
 * success rate by count and by amount. The grants are those of the open data: the funded partnerships, found by the
 * same search with the same filters ({@link FundedPartnerships#search(FundedPartnerships.Search, Integer, int, int)}),
 * and the grants to persons the 360Giving package shows ({@link PersonalGrants#published()}: accepted, with consent;
 * what was paid to a person is not counted), so that the page and the exports agree. Applications are those submitted to rounds whose decisions are published;
 * rounds before the platform have none here, so their grants count in "grants" but not in the success rates, which
 * compare the applications of the platform's rounds with the grants of those rounds only.
 *
 * <p>A project with partners in two countries (or in two core areas) counts in both rows, and once in the total.
 */
@Component
class Statistics {

    /** What the rows are. */
    enum Per {
        YEAR("year"), PROGRAMME("programme"), ROUND("round"), COUNTRY("country"), REGION("region"), CORE_AREA("coreArea");

        final String code;

        Per(String code) {
            this.code = code;
        }

        static Optional<Per> of(String code) {
            for (Per p : values()) {
                if (p.code.equals(code)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** The filters; each may be null for "all". */
    record Filter(String programme, Integer year, String country, String region, String coreArea) {
    }

    /**
     * One row: {@code received} and {@code appliedSek} are null where no round of the row ran on the platform;
     * {@code decided} and {@code decidedSek} are the grants of those rounds (the success rates' numerators).
     */
    record Row(String key, Integer received, Long appliedSek, int grants, long grantedSek, long paidSek, int decided,
            long decidedSek) {

        /** Grants per application received, or null when nothing was received here. */
        Double rateByCount() {
            return received == null || received == 0 ? null : (double) decided / received;
        }

        /** Amount granted per amount applied for, or null. */
        Double rateByAmount() {
            return appliedSek == null || appliedSek == 0 ? null : (double) decidedSek / appliedSek;
        }
    }

    record Table(Per per, Filter filter, List<Row> rows, Row total) {
    }

    private final FundedPartnerships funded;
    private final PersonalGrants persons;
    private final SubmittedApplications applications;
    private final Programmes programmes;
    private final Registry registry;

    Statistics(FundedPartnerships funded, PersonalGrants persons, SubmittedApplications applications,
            Programmes programmes, Registry registry) {
        this.funded = funded;
        this.persons = persons;
        this.applications = applications;
        this.programmes = programmes;
        this.registry = registry;
    }

    Table table(Per per, Filter f) {
        Map<UUID, Integer> years = funded.roundYears();
        List<FundedPartnership> grants = funded.search(new FundedPartnerships.Search(f.programme(), null, f.country(),
                f.coreArea(), f.region(), null, null), f.year(), 0, Integer.MAX_VALUE).partnerships();
        Map<UUID, Long> paid = funded.paid(grants.stream().map(FundedPartnership::id).toList());
        Map<UUID, String> regions = new LinkedHashMap<>();
        for (SwedishOrganisation o : registry.swedishOrganisations()) {
            if (o.regionCode() != null) {
                regions.put(o.id(), o.regionCode());
            }
        }
        Set<UUID> published = new HashSet<>(); // rounds whose decisions are public
        for (ProgrammeSummary p : programmes.all()) {
            if (f.programme() == null || f.programme().equals(p.key())) {
                programmes.rounds(p.key()).stream().filter(r -> r.status() == RoundStatus.DECISIONS_PUBLISHED)
                        .map(RoundSummary::id).forEach(published::add);
            }
        }
        Set<UUID> platformRounds = new HashSet<>();
        List<SubmittedApplication> received = new ArrayList<>();
        for (SubmittedApplication a : applications.ofRounds(published)) {
            platformRounds.add(a.roundId());
            if (matches(a, f, years, regions)) {
                received.add(a);
            }
        }

        Function<FundedPartnership, Collection<String>> grantKeys = switch (per) {
            case YEAR -> g -> one(FundedPartnerships.year(g, years));
            case PROGRAMME -> g -> List.of(g.programme());
            case ROUND -> g -> one(g.roundId());
            case COUNTRY -> g -> many(g.partners().stream().map(FundedPartnership.Partner::countryIso2).distinct().toList());
            case REGION -> g -> one(regions.get(g.swedishOrganisationId()));
            case CORE_AREA -> g -> many(g.coreAreas());
        };
        Function<SubmittedApplication, Collection<String>> applicationKeys = switch (per) {
            case YEAR -> a -> one(years.get(a.roundId()));
            case PROGRAMME -> a -> List.of(a.programme());
            case ROUND -> a -> one(a.roundId());
            case COUNTRY -> a -> many(a.countries().stream().distinct().toList());
            case REGION -> a -> one(a.leadOrganisation() == null ? null : regions.get(a.leadOrganisation()));
            case CORE_AREA -> a -> many(a.coreAreas());
        };
        String only = switch (per) {
            case COUNTRY -> f.country();
            case CORE_AREA -> f.coreArea();
            default -> null; // the other filters leave one key or have one per project already
        };
        Map<String, Sums> rows = new LinkedHashMap<>();
        Sums total = new Sums();
        for (FundedPartnership g : grants) {
            long p = paid.getOrDefault(g.id(), 0L);
            boolean decided = g.roundId() != null && platformRounds.contains(g.roundId());
            total.grant(g.amountSek(), p, decided);
            for (String key : grantKeys.apply(g)) {
                if (only == null || only.equals(key)) {
                    rows.computeIfAbsent(key, k -> new Sums()).grant(g.amountSek(), p, decided);
                }
            }
        }
        for (PersonalGrants.Published g : persons.published()) {
            if (!matches(g, f, years)) {
                continue;
            }
            boolean decided = platformRounds.contains(g.roundId());
            total.grant(g.amountSek(), 0, decided); // what is paid to a person is not published
            String key = switch (per) {
                case YEAR -> one(years.get(g.roundId())).getFirst();
                case PROGRAMME -> g.programme();
                case ROUND -> g.roundId().toString();
                case COUNTRY -> g.country() == null ? "" : g.country();
                case REGION, CORE_AREA -> "";
            };
            if (only == null || only.equals(key)) {
                rows.computeIfAbsent(key, k -> new Sums()).grant(g.amountSek(), 0, decided);
            }
        }
        for (SubmittedApplication a : received) {
            total.application(a.requestedSek());
            for (String key : applicationKeys.apply(a)) {
                if (only == null || only.equals(key)) {
                    rows.computeIfAbsent(key, k -> new Sums()).application(a.requestedSek());
                }
            }
        }
        List<Row> list = new ArrayList<>();
        rows.forEach((key, s) -> list.add(s.row(key)));
        return new Table(per, f, list, total.row(""));
    }

    private static boolean matches(SubmittedApplication a, Filter f, Map<UUID, Integer> years, Map<UUID, String> regions) {
        return (f.year() == null || f.year().equals(years.get(a.roundId())))
                && (f.country() == null || a.countries().contains(f.country()))
                && (f.coreArea() == null || a.coreAreas().contains(f.coreArea()))
                && (f.region() == null || (a.leadOrganisation() != null && f.region().equals(regions.get(a.leadOrganisation()))));
    }

    /** A grant to a person has a country but no Swedish region and no core area. */
    private static boolean matches(PersonalGrants.Published g, Filter f, Map<UUID, Integer> years) {
        return (f.programme() == null || f.programme().equals(g.programme()))
                && (f.year() == null || f.year().equals(years.get(g.roundId())))
                && (f.country() == null || f.country().equals(g.country()))
                && f.region() == null && f.coreArea() == null;
    }

    /** The key of a row, "" for "not known". */
    private static List<String> one(Object key) {
        return List.of(key == null ? "" : key.toString());
    }

    private static List<String> many(List<String> keys) {
        return keys.isEmpty() ? List.of("") : keys;
    }

    /** What a row adds up. */
    private static final class Sums {
        int received;
        long applied;
        int grants;
        long granted;
        long paid;
        int decided;
        long decidedSek;

        void grant(long amount, long paidSek, boolean ofPlatformRound) {
            grants++;
            granted += amount;
            paid += paidSek;
            if (ofPlatformRound) {
                decided++;
                decidedSek += amount;
            }
        }

        void application(long requested) {
            received++;
            applied += requested;
        }

        Row row(String key) {
            boolean known = received > 0;
            return new Row(key, known ? received : null, known ? applied : null, grants, granted, paid, decided, decidedSek);
        }
    }
}

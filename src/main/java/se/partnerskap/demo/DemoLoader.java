package se.partnerskap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import se.partnerskap.audit.Audit;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewFundedPartnership;
import se.partnerskap.platform.LongWork;
import se.partnerskap.programme.ApplicationWindow;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.PastRound;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.StockholmTime;

/**
 * Loads the programme's past rounds, grantees, named partnerships and contact persons from
 * {@code classpath:demo/seed-announcements.yaml}, with the invented figures of
 * {@code classpath:demo/demo-figures.yaml}. Once per database: a row in {@code demo_load}, written in
 * the same transaction, marks the data set as loaded; every record is idempotent by its key as well.
 */
@Service
class DemoLoader {

    static final String DATA_SET = "seed-announcements";
    static final String ACTOR = "demo-loader";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Rounds rounds;
    private final ContactPersons contacts;
    private final FundedPartnerships funded;
    private final Registry registry;
    private final Audit audit;
    private final Clock clock;
    private final LongWork longWork;

    DemoLoader(JdbcClient jdbc, Programmes programmes, Rounds rounds, ContactPersons contacts,
            FundedPartnerships funded, Registry registry, Audit audit, Clock clock, LongWork longWork) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.rounds = rounds;
        this.contacts = contacts;
        this.funded = funded;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.longWork = longWork;
    }

    /**
     * Loads the demo data unless this database has it already.
     *
     * @return true when it loaded, false when the database had the data set already
     */
    @Transactional
    public boolean loadOnce() {
        // the whole data set in one transaction; a second instance starting at once waits for it here
        longWork.inThisTransaction();
        int marked = jdbc.sql("INSERT INTO demo_load (data_set, loaded_at) VALUES (?, ?) ON CONFLICT (data_set) DO NOTHING")
                .params(DATA_SET, Timestamp.from(clock.instant())).update();
        if (marked == 0) {
            log.info("Demo data set '{}' is loaded already; nothing to do", DATA_SET);
            return false;
        }
        Map<String, Object> counts = load(yaml("demo/seed-announcements.yaml"), yaml("demo/demo-figures.yaml"));
        jdbc.sql("UPDATE demo_load SET summary = ?::jsonb WHERE data_set = ?")
                .params(toJson(counts), DATA_SET).update();
        audit.record(ACTOR, "demo-data-loaded", "demo-load", DATA_SET, counts);
        log.info("Loaded demo data set '{}': {}", DATA_SET, counts);
        return true;
    }

    /** Records everything; each record is idempotent by its key, so a second call adds nothing. */
    Map<String, Object> load(Map<String, Object> seed, Map<String, Object> figures) {
        Map<String, Object> bounds = map(figures.get("amount_bounds"));
        long min = number(bounds.get("min"));
        long max = number(bounds.get("max"));
        long step = number(bounds.get("step"));
        int periodYears = (int) number(figures.get("period_years"));
        Map<String, Object> roundFigures = map(figures.get("rounds"));
        Map<String, String> grantNote = strings(figures.get("grant_note"));
        Map<String, String> unnamedNote = strings(figures.get("unnamed_partners_note"));
        LocalDate today = StockholmTime.at(clock.instant()).toLocalDate();

        // the named partnerships, by the round and the Swedish organisation they belong to
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        for (Map<String, Object> p : list(seed.get("partnerships"))) {
            UUID org = organisation(map(p.get("swedish_party"))).id();
            named.put(p.get("round") + "|" + org, p);
        }

        int roundCount = 0;
        int grants = 0;
        for (Map<String, Object> r : list(seed.get("grant_rounds"))) {
            String key = string(r.get("key"));
            Map<String, Object> f = map(Objects.requireNonNull(roundFigures.get(key), "no demo figures for round " + key));
            LocalDate announced = date(r.get("announced"));
            LocalDate estimated = date(f.get("estimated_on"));
            Instant opens = null;
            Instant closes = null;
            if (f.get("window") != null) {
                Map<String, Object> w = map(f.get("window"));
                ApplicationWindow window = programmes.windows(PROGRAMME).stream()
                        .filter(x -> x.key().equals(w.get("key"))).findFirst().orElseThrow();
                ApplicationWindow.Occurrence o = window.in((int) number(w.get("year")));
                opens = o.opensAt();
                closes = o.closesAt();
            }
            Long total = r.get("total_sek") == null ? null : number(r.get("total_sek"));
            String precision = r.get("total_precision") == null ? "exact" : string(r.get("total_precision"));
            Integer count = r.get("grantees_count") == null ? null : (int) number(r.get("grantees_count"));
            UUID roundId = rounds.recordPastRound(new PastRound(PROGRAMME, key, string(f.get("name_sv")),
                    string(f.get("name_en")), opens, closes, announced, estimated, total, precision, count,
                    string(f.get("note_sv")), string(f.get("note_en"))), ACTOR);
            roundCount++;

            List<Map<String, Object>> grantees = list(r.get("grantees"));
            boolean complete = Boolean.TRUE.equals(r.get("grantees_complete"));
            long seedValue = number(f.get("seed"));
            List<Long> amounts = amounts(key, total, precision, complete, count, grantees.size(), f, seedValue, min,
                    max, step);
            LocalDate decided = announced != null ? announced : estimated;
            LocalDate starts = decided == null ? null : decided.withDayOfMonth(1).plusMonths(1);
            LocalDate ends = starts == null ? null : starts.plusYears(periodYears).minusDays(1);
            FundedPartnership.Status status = ends != null && !ends.isBefore(today)
                    ? FundedPartnership.Status.ACTIVE : FundedPartnership.Status.COMPLETED;
            for (int i = 0; i < grantees.size(); i++) {
                SwedishOrganisation org = organisation(grantees.get(i));
                Map<String, Object> partnership = named.remove(key + "|" + org.id());
                String grantKey = partnership != null ? string(partnership.get("key"))
                        : "round-" + key + "/" + org.kind() + "-" + code(grantees.get(i));
                funded.record(grant(grantKey, roundId, org, partnership, amounts.get(i), starts, ends, status,
                        grantNote, unnamedNote), ACTOR);
                grants++;
            }
        }

        // named partnerships the pages give no round for
        Map<String, Object> noRound = map(figures.get("no_round"));
        long seedValue = number(noRound.get("seed"));
        Map<String, String> noRoundNote = Map.of("sv", string(noRound.get("note_sv")), "en", string(noRound.get("note_en")));
        for (Map<String, Object> p : named.values()) {
            if (p.get("round") != null) {
                throw new IllegalStateException("Partnership " + p.get("key") + " is not among its round's grantees");
            }
            SwedishOrganisation org = organisation(map(p.get("swedish_party")));
            funded.record(grant(string(p.get("key")), null, org, p, DemoSplit.single(seedValue++, step), null, null,
                    FundedPartnership.Status.COMPLETED, noRoundNote, unnamedNote), ACTOR);
            grants++;
        }

        // the contact persons: page content only (never logins, never recipients)
        int position = 1;
        for (Map<String, Object> c : list(seed.get("contacts"))) {
            contacts.record(PROGRAMME, position++, new ContactPerson(string(c.get("key")), string(c.get("name")),
                    string(c.get("role_sv")), string(c.get("role_en")), string(c.get("phone")),
                    string(c.get("email"))), ACTOR);
        }

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rounds", roundCount);
        counts.put("fundedPartnerships", grants);
        counts.put("contactPersons", position - 1);
        return counts;
    }

    /** The invented amounts of a round's named grantees, in their order. */
    static List<Long> amounts(String round, Long total, String precision, boolean complete, Integer count,
            int named, Map<String, Object> figures, long seed, long min, long max, long step) {
        if (named == 0) {
            return List.of();
        }
        if (total != null && complete) {
            Object invented = figures.get("granted_total");
            if ("exact".equals(precision) && invented != null) {
                throw new IllegalStateException("Round " + round + " has an exact total; it needs no invented one");
            }
            if (!"exact".equals(precision) && invented == null) {
                throw new IllegalStateException("Round " + round + " states its total as " + precision
                        + "; demo-figures.yaml must give the invented granted_total");
            }
            return DemoSplit.split(invented == null ? total : number(invented), named, seed, min, max, step);
        }
        if (total != null && count != null && count > 0) {
            // only some grantees are named: give them their share of the total, split among them
            long share = Math.round((double) total * named / count / step) * step;
            return DemoSplit.split(share, named, seed, min, max, step);
        }
        List<Long> amounts = new ArrayList<>();
        for (int i = 0; i < named; i++) {
            amounts.add(DemoSplit.single(seed * 100 + i, step));
        }
        return amounts;
    }

    private NewFundedPartnership grant(String key, UUID roundId, SwedishOrganisation org, Map<String, Object> partnership,
            long amount, LocalDate starts, LocalDate ends, FundedPartnership.Status status, Map<String, String> note,
            Map<String, String> unnamedNote) {
        List<NewFundedPartnership.Partner> partners = new ArrayList<>();
        List<String> coreAreas = List.of();
        String themeSv = null;
        String themeEn = null;
        String noteSv = note.get("sv");
        String noteEn = note.get("en");
        if (partnership != null) {
            boolean unnamed = false;
            for (Map<String, Object> p : list(partnership.get("partners"))) {
                String country = string(p.get("country"));
                if (p.get("as_named") == null) {
                    partners.add(new NewFundedPartnership.Partner(null, country));
                    unnamed = true;
                } else {
                    partners.add(new NewFundedPartnership.Partner(
                            registry.partnerOrganisation(string(p.get("as_named")), country).id(), country));
                }
            }
            if (unnamed) {
                noteSv = noteSv + " " + unnamedNote.get("sv");
                noteEn = noteEn + " " + unnamedNote.get("en");
            }
            themeSv = string(partnership.get("theme_sv"));
            themeEn = string(partnership.get("theme_en"));
            if (partnership.get("core_areas_suggested") != null) {
                coreAreas = ((List<?>) partnership.get("core_areas_suggested")).stream().map(Object::toString).toList();
            }
        }
        return NewFundedPartnership.of(key, PROGRAMME, org.id(), amount).demoAmount().round(roundId)
                .partners(partners).theme(themeSv, themeEn).coreAreas(coreAreas, true)
                .period(starts, ends, status).note(noteSv, noteEn);
    }

    /** A grantee's organisation: by its municipality code (Gotland: Region Gotland), else by its region code. */
    private SwedishOrganisation organisation(Map<String, Object> party) {
        if (party.get("municipality_code") != null) {
            String code = string(party.get("municipality_code"));
            return registry.organisationOfMunicipality(code)
                    .orElseThrow(() -> new IllegalStateException("No organisation for municipality " + code));
        }
        String region = string(party.get("region_code"));
        return registry.organisationOfRegion(region)
                .orElseThrow(() -> new IllegalStateException("No organisation for region " + region));
    }

    private static String code(Map<String, Object> party) {
        return party.get("municipality_code") != null ? string(party.get("municipality_code"))
                : string(party.get("region_code"));
    }

    static Map<String, Object> yaml(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> result = new HashMap<>();
        map(o).forEach((k, v) -> result.put(k, string(v)));
        return result;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    private static String toJson(Map<String, Object> counts) {
        StringBuilder b = new StringBuilder("{");
        counts.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }
}

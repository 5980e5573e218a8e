package se.partnerskap.grant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.grant.internal.ProjectSlugs;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.PartnerOrganisation;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/** The grant module's API: read the funded partnerships, record one. */
@Service
@Transactional(readOnly = true)
public class FundedPartnerships {

    private static final String COLUMNS = """
            SELECT id, key, programme_key, round_id, swedish_organisation_id, theme_sv, theme_en, amount_sek,
                   amount_is_demo, starts_on, ends_on, status, note_sv, note_en, slug, title_sv, title_en
            FROM funded_partnership
            """;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Audit audit;
    private final Clock clock;
    private final ProjectSlugs slugs;
    private final se.partnerskap.web.RenderedPages pages;
    private final se.partnerskap.programme.Rounds rounds;

    FundedPartnerships(JdbcClient jdbc, Registry registry, Audit audit, Clock clock, ProjectSlugs slugs,
            se.partnerskap.web.RenderedPages pages, se.partnerskap.programme.Rounds rounds) {
        this.pages = pages;
        this.rounds = rounds;
        this.slugs = slugs;
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The region of the rendered-page cache ({@code web.RenderedPages}) for the pages that show funded
     * partnerships (the directory, a project's page, the map, the examples and grantees on the home and
     * programme pages, the project links of news items and search): every write to a partnership's public
     * data (recorded, its texts, period, status or address changed) empties it.
     */
    public static final String PAGES_REGION = "projects";

    /** Every funded partnership of a programme, the newest recorded round first. */
    public List<FundedPartnership> all(String programme) {
        return assemble(jdbc.sql(COLUMNS + " WHERE programme_key = ? ORDER BY recorded_at, key")
                .param(programme).query(this::row).list());
    }

    /** The funded partnerships a round granted, by the Swedish party's name. */
    public List<FundedPartnership> ofRound(UUID roundId) {
        return assemble(jdbc.sql(COLUMNS + " WHERE round_id = ?").param(roundId).query(this::row).list()).stream()
                .sorted(java.util.Comparator.comparing(FundedPartnership::swedishOrganisationName,
                        java.text.Collator.getInstance(java.util.Locale.of("sv", "SE"))))
                .toList();
    }

    /**
     * For each round of a programme, the names of the Swedish parties it granted, each once, in Swedish
     * alphabetical order (as {@link #ofRound} lists them): one read for every round.
     */
    public Map<UUID, List<String>> granteeNames(String programme) {
        record Grant(UUID round, UUID organisation) {
        }
        List<Grant> grants = jdbc.sql("""
                SELECT round_id, swedish_organisation_id FROM funded_partnership
                WHERE programme_key = ? AND round_id IS NOT NULL
                """).param(programme).query((rs, i) -> new Grant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        Map<UUID, String> names = registry.swedishOrganisations(grants.stream().map(Grant::organisation).distinct().toList())
                .stream().collect(Collectors.toMap(SwedishOrganisation::id, SwedishOrganisation::name));
        java.text.Collator swedish = java.text.Collator.getInstance(java.util.Locale.of("sv", "SE"));
        Map<UUID, List<String>> byRound = new HashMap<>();
        grants.stream().collect(Collectors.groupingBy(Grant::round)).forEach((round, of) -> byRound.put(round,
                of.stream().map(g -> names.get(g.organisation())).filter(java.util.Objects::nonNull).distinct()
                        .sorted(swedish).toList()));
        return byRound;
    }

    /** The funded partnerships of one Swedish organisation (what its own members may see), oldest first. */
    public List<FundedPartnership> ofOrganisation(UUID swedishOrganisationId) {
        return assemble(jdbc.sql(COLUMNS + " WHERE swedish_organisation_id = ? ORDER BY starts_on NULLS LAST, key")
                .param(swedishOrganisationId).query(this::row).list());
    }

    /** The funded partnerships of these keys, in no particular order (one read for them all). */
    public List<FundedPartnership> byKeys(List<String> keys) {
        return keys.isEmpty() ? List.of() : assemble(jdbc.sql(COLUMNS + " WHERE key = ANY(?)")
                .param(keys.toArray(String[]::new)).query(this::row).list());
    }

    public Optional<FundedPartnership> byKey(String key) {
        return assemble(jdbc.sql(COLUMNS + " WHERE key = ?").param(key).query(this::row).list()).stream().findFirst();
    }

    /**
     * The partnership at a public address: by its slug, or by the key it was recorded with (an address
     * given out before slugs existed; the caller redirects to {@link FundedPartnership#path()}).
     */
    public Optional<FundedPartnership> byAddress(String slugOrKey) {
        return assemble(jdbc.sql(COLUMNS + " WHERE slug = :s OR key = :s ORDER BY (slug = :s) DESC NULLS LAST LIMIT 1")
                .param("s", slugOrKey).query(this::row).list()).stream().findFirst();
    }

    /**
     * Partnerships to show as examples: those with a named partner organisation, the ones with a
     * published theme first.
     */
    public List<FundedPartnership> examples(String programme, int limit) {
        // chosen in SQL (only `limit` of them are read), in the order all() lists them
        return assemble(jdbc.sql(COLUMNS + """
                 WHERE programme_key = ? AND EXISTS (SELECT 1 FROM funded_partnership_partner p
                       WHERE p.funded_partnership_id = funded_partnership.id AND p.partner_organisation_id IS NOT NULL)
                 ORDER BY (theme_sv IS NULL AND theme_en IS NULL), recorded_at, key LIMIT ?
                """).params(programme, limit).query(this::row).list());
    }

    /** The rounds that granted at least one partnership of a programme. */
    public java.util.Set<UUID> fundingRounds(String programme) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT round_id FROM funded_partnership WHERE programme_key = ? AND round_id IS NOT NULL
                """).param(programme).query(UUID.class).list());
    }

    /** Which partnerships of a programme are running today and which have ended (see {@link #today()}). */
    public Phases phases(String programme) {
        java.util.Set<UUID> active = new java.util.HashSet<>();
        java.util.Set<UUID> completed = new java.util.HashSet<>();
        jdbc.sql("SELECT f.id, " + ACTIVE_ON + ", " + ENDED_BY + " FROM funded_partnership f WHERE f.programme_key = :programme")
                .param("programme", programme).param("today", today()).query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (rs.getBoolean(2)) {
                        active.add(id);
                    } else if (rs.getBoolean(3)) {
                        completed.add(id);
                    }
                });
        return new Phases(active, completed);
    }

    /** The ids of the partnerships running today and of those that have ended. */
    public record Phases(java.util.Set<UUID> active, java.util.Set<UUID> completed) {
    }

    /** How many partnerships a programme has funded, and how many Swedish organisations take part in them. */
    public Totals totals(String programme) {
        return jdbc.sql("""
                SELECT count(*), count(DISTINCT swedish_organisation_id), coalesce(sum(amount_sek), 0)
                FROM funded_partnership WHERE programme_key = ?
                """).param(programme)
                .query((rs, i) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getLong(3))).single();
    }

    /**
     * The public paths ({@link FundedPartnership#path()}) of a programme's funded partnerships, by key,
     * {@code limit} from {@code offset}: a page of addresses without reading the partnerships whole.
     */
    public List<String> paths(String programme, int offset, int limit) {
        return jdbc.sql("SELECT coalesce(slug, key) FROM funded_partnership WHERE programme_key = ? ORDER BY key"
                + " LIMIT ? OFFSET ?").params(programme, limit, offset).query(String.class).list();
    }

    public record Totals(int fundedPartnerships, int swedishOrganisations, long amountSek) {
    }

    /** Today in the programme's calendar (Europe/Stockholm), by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(se.partnerskap.shared.StockholmTime.ZONE));
    }

    /**
     * Whether a partnership is running on a day: within its period when the period is known, otherwise as
     * recorded. Written once here so that the directory's filter and the maps agree.
     */
    private static final String ACTIVE_ON = """
            (CASE WHEN f.starts_on IS NULL AND f.ends_on IS NULL THEN f.status = 'active'
                  ELSE coalesce(f.starts_on, '-infinity'::date) <= :today AND coalesce(f.ends_on, 'infinity'::date) >= :today END)
            """;

    private static final String ENDED_BY = """
            (CASE WHEN f.starts_on IS NULL AND f.ends_on IS NULL THEN f.status = 'completed' ELSE f.ends_on < :today END)
            """;

    /** The partnerships of a programme that are running today (see {@link #today()}). */
    public List<FundedPartnership> active(String programme) {
        return assemble(jdbc.sql(COLUMNS.replace("FROM funded_partnership", "FROM funded_partnership f")
                        + " WHERE f.programme_key = :programme AND " + ACTIVE_ON + " ORDER BY f.key")
                .param("programme", programme).param("today", today()).query(this::row).list());
    }

    /**
     * What the public directory asks for; every criterion may be null (or blank) for "any".
     *
     * @param text   words to find in the Swedish party's, a partner organisation's or a partner country's name
     *               or in the title or theme
     * @param status {@code active} (running today) or {@code completed} (ended)
     */
    public record Search(String programme, String text, String countryIso2, String coreArea, String regionCode,
            UUID roundId, String status) {
    }

    /** One page of a search, and how many partnerships match in all. */
    public record Found(List<FundedPartnership> partnerships, int total) {
    }

    /** The partnerships matching a search, the latest period first, {@code limit} from {@code offset}. */
    public Found search(Search q, int offset, int limit) {
        return search(q, null, offset, limit);
    }

    /**
     * As {@link #search(Search, int, int)}, of every programme when the search names none, and of the partnerships
     * of {@code year} when it is given (the open data's filter; see {@link #year}).
     */
    public Found search(Search q, Integer year, int offset, int limit) {
        StringBuilder where = new StringBuilder(present(q.programme()) ? " WHERE f.programme_key = :programme" : " WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (present(q.programme())) {
            params.put("programme", q.programme());
        }
        if (year != null) {
            // the year of its round (Rounds#years); one recorded without a (dated) round, by the year its period starts
            where.append(" AND (f.round_id = ANY(:yearRounds) OR ((f.round_id IS NULL OR NOT f.round_id = ANY(:datedRounds))"
                    + " AND f.starts_on >= make_date(:year, 1, 1) AND f.starts_on < make_date(:year + 1, 1, 1)))");
            Map<UUID, Integer> years = rounds.years();
            params.put("year", year);
            params.put("yearRounds", years.entrySet().stream().filter(e -> e.getValue().equals(year))
                    .map(Map.Entry::getKey).toArray(UUID[]::new));
            params.put("datedRounds", years.keySet().toArray(UUID[]::new));
        }
        params.put("today", today());
        String text = q.text() == null ? "" : q.text().strip();
        if (!text.isEmpty()) {
            String needle = text.toLowerCase(java.util.Locale.ROOT);
            List<UUID> organisations = registry.swedishOrganisations().stream()
                    .filter(o -> contains(o.name(), needle)).map(SwedishOrganisation::id).toList();
            List<UUID> partnerOrganisations = registry.partnerOrganisations().stream()
                    .filter(o -> contains(o.name(), needle)).map(PartnerOrganisation::id).toList();
            List<String> countries = registry.countries().stream()
                    .filter(c -> contains(c.nameSv(), needle) || contains(c.nameEn(), needle)).map(Country::iso2).toList();
            where.append("""
                     AND (f.theme_sv ILIKE :pattern ESCAPE '\\' OR f.theme_en ILIKE :pattern ESCAPE '\\'
                          OR f.title_sv ILIKE :pattern ESCAPE '\\' OR f.title_en ILIKE :pattern ESCAPE '\\'
                          OR f.swedish_organisation_id = ANY(:organisations)
                          OR EXISTS (SELECT 1 FROM funded_partnership_partner p WHERE p.funded_partnership_id = f.id
                                     AND (p.partner_organisation_id = ANY(:partnerOrganisations) OR p.country_iso2 = ANY(:countries))))
                    """);
            params.put("pattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("organisations", organisations.toArray(UUID[]::new));
            params.put("partnerOrganisations", partnerOrganisations.toArray(UUID[]::new));
            params.put("countries", countries.toArray(String[]::new));
        }
        if (present(q.countryIso2())) {
            where.append(" AND EXISTS (SELECT 1 FROM funded_partnership_partner p WHERE p.funded_partnership_id = f.id AND p.country_iso2 = :country)");
            params.put("country", q.countryIso2());
        }
        if (present(q.coreArea())) {
            where.append(" AND EXISTS (SELECT 1 FROM funded_partnership_core_area a WHERE a.funded_partnership_id = f.id AND a.core_area_key = :area)");
            params.put("area", q.coreArea());
        }
        if (present(q.regionCode())) {
            where.append(" AND f.swedish_organisation_id = ANY(:regionOrganisations)");
            params.put("regionOrganisations", registry.swedishOrganisations().stream()
                    .filter(o -> q.regionCode().equals(o.regionCode())).map(SwedishOrganisation::id).toArray(UUID[]::new));
        }
        if (q.roundId() != null) {
            where.append(" AND f.round_id = :round");
            params.put("round", q.roundId());
        }
        if ("active".equals(q.status())) {
            where.append(" AND ").append(ACTIVE_ON);
        } else if ("completed".equals(q.status())) {
            where.append(" AND ").append(ENDED_BY);
        }
        int total = jdbc.sql("SELECT count(*) FROM funded_partnership f" + where).params(params).query(Integer.class).single();
        List<Row> rows = jdbc.sql(COLUMNS.replace("FROM funded_partnership", "FROM funded_partnership f") + where
                        + " ORDER BY f.starts_on DESC NULLS LAST, f.key LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::row).list();
        return new Found(assemble(rows), total);
    }

    /** The years of the rounds ({@link se.partnerskap.programme.Rounds#years}), for {@link #year}. */
    public Map<UUID, Integer> roundYears() {
        return rounds.years();
    }

    /**
     * The year a partnership counts in (the open data's and the statistics' year): its round's, or, recorded
     * without a round, the year its period starts; null when neither is known.
     */
    public static Integer year(FundedPartnership f, Map<UUID, Integer> roundYears) {
        Integer y = f.roundId() == null ? null : roundYears.get(f.roundId());
        return y != null ? y : f.startsOn() == null ? null : f.startsOn().getYear();
    }

    /** What has been paid of each partnership's grant: released payments, less repayments (none: absent). */
    public Map<UUID, Long> paid(java.util.Collection<UUID> ids) {
        Map<UUID, Long> paid = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return paid;
        }
        jdbc.sql("""
                SELECT funded_partnership_id, sum(CASE WHEN kind = 'repayment' THEN -amount_sek ELSE amount_sek END)
                FROM project_payment WHERE status = 'released' AND funded_partnership_id = ANY(?) GROUP BY 1
                """).param(ids.toArray(UUID[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> paid.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        return paid;
    }

    /** When each partnership was recorded (the open data's "last modified" and, without a period, its award date). */
    public Map<UUID, java.time.Instant> recordedAt(java.util.Collection<UUID> ids) {
        Map<UUID, java.time.Instant> at = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, recorded_at FROM funded_partnership WHERE id = ANY(?)").param(ids.toArray(UUID[]::new))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> at.put(rs.getObject(1, UUID.class),
                            rs.getTimestamp(2).toInstant()));
        }
        return at;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return haystack != null && haystack.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }

    /**
     * Records a funded partnership once: if one with that key exists, nothing changes.
     *
     * @return its id
     */
    @Transactional
    public UUID record(NewFundedPartnership p, String actor) {
        UUID id = UUID.nameUUIDFromBytes(("funded-partnership:" + p.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int rows = jdbc.sql("""
                INSERT INTO funded_partnership (id, key, programme_key, round_id, swedish_organisation_id, theme_sv,
                    theme_en, amount_sek, amount_is_demo, starts_on, ends_on, status, note_sv, note_en, recorded_at,
                    recorded_by, title_sv, title_en)
                VALUES (:id, :key, :programme, :round, :org, :themeSv, :themeEn, :amount, :demo, :startsOn, :endsOn,
                    :status, :noteSv, :noteEn, :at, :actor, :titleSv, :titleEn)
                ON CONFLICT (key) DO NOTHING
                """)
                .param("id", id).param("key", p.key()).param("programme", p.programme())
                .param("round", p.roundId(), java.sql.Types.OTHER)
                .param("org", p.swedishOrganisationId())
                .param("themeSv", p.themeSv()).param("themeEn", p.themeEn())
                .param("amount", p.amountSek()).param("demo", p.amountIsDemo())
                .param("startsOn", p.startsOn(), java.sql.Types.DATE).param("endsOn", p.endsOn(), java.sql.Types.DATE)
                .param("status", p.status().code())
                .param("noteSv", p.noteSv()).param("noteEn", p.noteEn())
                .param("titleSv", blankToNull(p.titleSv())).param("titleEn", blankToNull(p.titleEn()))
                .param("at", Timestamp.from(clock.instant())).param("actor", actor)
                .update();
        if (rows == 0) {
            return jdbc.sql("SELECT id FROM funded_partnership WHERE key = ?").param(p.key()).query(UUID.class).single();
        }
        int position = 1;
        for (NewFundedPartnership.Partner partner : p.partners()) {
            jdbc.sql("""
                    INSERT INTO funded_partnership_partner (funded_partnership_id, position, partner_organisation_id, country_iso2)
                    VALUES (?, ?, ?, ?)
                    """).params(id, position++, partner.partnerOrganisationId(), partner.countryIso2()).update();
        }
        for (String area : p.coreAreas()) {
            jdbc.sql("""
                    INSERT INTO funded_partnership_core_area (funded_partnership_id, programme_key, core_area_key, suggested)
                    VALUES (?, ?, ?, ?)
                    """).params(id, p.programme(), area, p.coreAreasSuggested()).update();
        }
        String slug = slugs.assign(id);
        pages.invalidate(PAGES_REGION);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("key", p.key());
        details.put("slug", slug);
        details.put("round", p.roundId() == null ? null : p.roundId().toString());
        details.put("swedishOrganisation", p.swedishOrganisationId().toString());
        details.put("amountSek", p.amountSek());
        details.put("amountIsDemo", p.amountIsDemo());
        details.put("partners", p.partners().size());
        audit.record(actor, "funded-partnership-recorded", "funded-partnership", id.toString(), details);
        return id;
    }

    private record Row(UUID id, String key, String programme, UUID roundId, UUID organisationId, String themeSv,
            String themeEn, long amount, boolean demo, LocalDate startsOn, LocalDate endsOn, String status,
            String noteSv, String noteEn, String slug, String titleSv, String titleEn) {
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
    }

    private record PartnerRow(UUID partnershipId, UUID organisationId, String countryIso2) {
    }

    private List<FundedPartnership> assemble(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // one array parameter, however many partnerships (a parameter per id fails past 32 767 of them)
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        Map<UUID, List<PartnerRow>> partners = jdbc.sql("""
                SELECT funded_partnership_id, partner_organisation_id, country_iso2 FROM funded_partnership_partner
                WHERE funded_partnership_id = ANY(?) ORDER BY funded_partnership_id, position
                """).param(ids)
                .query((rs, i) -> new PartnerRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list().stream().collect(Collectors.groupingBy(PartnerRow::partnershipId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, List<String>> areas = new HashMap<>();
        jdbc.sql("""
                SELECT a.funded_partnership_id, a.core_area_key FROM funded_partnership_core_area a
                WHERE a.funded_partnership_id = ANY(?) ORDER BY a.core_area_key
                """).param(ids)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                .forEach(e -> areas.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, String> organisations = registry.swedishOrganisations(rows.stream().map(Row::organisationId).distinct().toList())
                .stream().collect(Collectors.toMap(SwedishOrganisation::id, SwedishOrganisation::name));
        Map<UUID, PartnerOrganisation> partnerOrganisations = registry.partnerOrganisations(partners.values().stream()
                        .flatMap(List::stream).map(PartnerRow::organisationId).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PartnerOrganisation::id, Function.identity()));
        Map<String, Country> countries = registry.countries().stream()
                .collect(Collectors.toMap(Country::iso2, Function.identity()));
        return rows.stream().map(r -> new FundedPartnership(r.id(), r.key(), r.programme(), r.roundId(),
                r.organisationId(), organisations.get(r.organisationId()),
                partners.getOrDefault(r.id(), List.of()).stream().map(p -> {
                    Country c = countries.get(p.countryIso2());
                    PartnerOrganisation o = p.organisationId() == null ? null : partnerOrganisations.get(p.organisationId());
                    return new FundedPartnership.Partner(p.organisationId(), o == null ? null : o.name(), p.countryIso2(),
                            c == null ? p.countryIso2() : c.nameSv(), c == null ? p.countryIso2() : c.nameEn());
                }).toList(),
                r.themeSv(), r.themeEn(), areas.getOrDefault(r.id(), List.of()), r.amount(), r.demo(), r.startsOn(),
                r.endsOn(), FundedPartnership.Status.of(r.status()), r.noteSv(), r.noteEn(), r.slug(), r.titleSv(),
                r.titleEn())).toList();
    }
}

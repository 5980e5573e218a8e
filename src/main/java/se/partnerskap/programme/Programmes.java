package se.partnerskap.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.shared.StockholmTime;

/** The programme module's API: programmes, their core areas, windows, countries and rounds. */
@Service
@Transactional(readOnly = true)
public class Programmes {

    public static final String MUNICIPAL_PARTNERSHIP = "kommunala-partnerskap";

    /** The fieldwork grant for master's students: a person applies for themselves. */
    public static final String FIELDWORK_GRANT = "resestipendium";

    /**
     * The region of the rendered-page cache ({@code web.RenderedPages}) for the pages that show rounds and
     * windows (home, programme page, the directory's round names): every write to a round empties it.
     */
    public static final String PAGES_REGION = "programme";

    private final JdbcClient jdbc;
    private final Clock clock;

    Programmes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CoreArea> coreAreas(String programme) {
        return jdbc.sql("SELECT key, name_sv, name_en FROM core_area WHERE programme_key = ? ORDER BY position")
                .param(programme)
                .query((rs, i) -> new CoreArea(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public List<ApplicationWindow> windows(String programme) {
        return jdbc.sql("SELECT key, name_sv, name_en, opens, closes FROM application_window WHERE programme_key = ? ORDER BY opens")
                .param(programme)
                .query((rs, i) -> new ApplicationWindow(rs.getString(1), rs.getString(2), rs.getString(3),
                        MonthDay.parse(rs.getString(4)), MonthDay.parse(rs.getString(5))))
                .list();
    }

    /** The ISO codes of the programme's partner countries, in the programme's order. */
    public List<String> countryCodes(String programme) {
        return jdbc.sql("SELECT country_iso2 FROM programme_country WHERE programme_key = ? ORDER BY position")
                .param(programme).query(String.class).list();
    }

    public WindowStatus status(String programme) {
        return status(windows(programme), clock.instant(), roundSpans(programme));
    }

    /**
     * Open now if a window contains {@code now} and, when the window has rounds, one of them takes applications
     * now (its deadline may be extended past the window); otherwise the next window to open. A window whose
     * rounds are closed or decided is not open, whatever the calendar says.
     */
    static WindowStatus status(List<ApplicationWindow> windows, Instant now, List<RoundSpan> rounds) {
        int year = StockholmTime.at(now).getYear();
        List<ApplicationWindow.Occurrence> occurrences = windows.stream()
                .flatMap(w -> java.util.stream.Stream.of(w.in(year - 1), w.in(year), w.in(year + 1)))
                .sorted(Comparator.comparing(ApplicationWindow.Occurrence::opensAt))
                .toList();
        for (ApplicationWindow.Occurrence o : occurrences) {
            List<RoundSpan> of = of(o, rounds);
            if (of.isEmpty() ? o.isOpenAt(now) : of.stream().anyMatch(r -> r.takesApplicationsAt(now))) {
                Instant closes = of.stream().filter(r -> r.takesApplicationsAt(now)).map(RoundSpan::deadline)
                        .max(Comparator.naturalOrder()).orElse(o.closesAt());
                return new WindowStatus(true, o, closes);
            }
        }
        return occurrences.stream().filter(o -> o.opensAt().isAfter(now)).findFirst()
                .map(o -> new WindowStatus(false, o, extendedClose(o, of(o, rounds))))
                .orElseThrow(() -> new IllegalStateException("The programme has no application windows"));
    }

    /** The window's closing, or later if one of its rounds was extended beyond it. */
    private static Instant extendedClose(ApplicationWindow.Occurrence o, List<RoundSpan> of) {
        return of.stream().filter(RoundSpan::open).map(RoundSpan::deadline).filter(c -> c.isAfter(o.closesAt()))
                .max(Comparator.naturalOrder()).orElse(o.closesAt());
    }

    /** The rounds that belong to a window: those opening within it. */
    private static List<RoundSpan> of(ApplicationWindow.Occurrence o, List<RoundSpan> rounds) {
        return rounds.stream().filter(r -> !r.opensAt().isBefore(o.opensAt()) && !r.opensAt().isAfter(o.closesAt()))
                .toList();
    }

    /** Still to come or going on: not closed by the calendar, or (with rounds) one of them not past its deadline. */
    private static boolean ahead(ApplicationWindow.Occurrence o, List<RoundSpan> rounds, Instant now) {
        List<RoundSpan> of = of(o, rounds);
        return of.isEmpty() ? o.closesAt().isAfter(now)
                : of.stream().anyMatch(r -> r.open() && r.deadline().isAfter(now));
    }

    /**
     * An ordinary round published to applicants (not a draft, not continuous): when it opens, its deadline
     * (with any extension) and whether it is still {@code open} (not closed, decisions not published).
     */
    record RoundSpan(Instant opensAt, Instant deadline, boolean open) {
        boolean takesApplicationsAt(Instant now) {
            return open && !now.isBefore(opensAt) && !now.isAfter(deadline);
        }
    }

    private List<RoundSpan> roundSpans(String programme) {
        return jdbc.sql("""
                SELECT opens_at, greatest(closes_at, coalesce(extended_until, closes_at)), status = 'open' FROM round
                WHERE programme_key = ? AND status <> 'draft' AND NOT continuous
                  AND opens_at IS NOT NULL AND closes_at IS NOT NULL
                """).param(programme)
                .query((rs, i) -> new RoundSpan(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(3)))
                .list();
    }

    /** Each window's next occurrence that has not closed yet (nor been closed by its rounds), soonest first. */
    public List<ApplicationWindow.Occurrence> upcoming(String programme) {
        Instant now = clock.instant();
        int year = StockholmTime.at(now).getYear();
        List<RoundSpan> rounds = roundSpans(programme);
        return windows(programme).stream()
                .map(w -> ahead(w.in(year), rounds, now) ? w.in(year) : w.in(year + 1))
                .sorted(Comparator.comparing(ApplicationWindow.Occurrence::opensAt))
                .toList();
    }

    /** {@link #upcoming} with whether each takes applications now and until when (with its rounds' deadlines). */
    public List<WindowStatus> upcomingStatuses(String programme) {
        Instant now = clock.instant();
        List<RoundSpan> rounds = roundSpans(programme);
        return upcoming(programme).stream().map(o -> {
            List<RoundSpan> of = of(o, rounds);
            boolean open = of.isEmpty() ? o.isOpenAt(now) : of.stream().anyMatch(r -> r.takesApplicationsAt(now));
            return new WindowStatus(open, o, extendedClose(o, of));
        }).toList();
    }

    /**
     * The first moment after {@code now} at which what the programme shows changes by the clock alone: a
     * window or a round (not a draft) opening, or closing (just after its deadline, which is inclusive);
     * null if none is ahead. A page showing the programme is not served past it.
     */
    public Instant nextChange(String programme, Instant now) {
        int year = StockholmTime.at(now).getYear();
        List<Instant> times = new java.util.ArrayList<>();
        for (ApplicationWindow w : windows(programme)) {
            for (int y = year - 1; y <= year + 2; y++) {
                ApplicationWindow.Occurrence o = w.in(y);
                times.add(o.opensAt());
                times.add(o.closesAt().plusNanos(1));
            }
        }
        jdbc.sql("""
                SELECT opens_at, closes_at, extended_until FROM round
                WHERE programme_key = ? AND status IN ('open', 'closed') AND opens_at IS NOT NULL
                  AND greatest(closes_at, coalesce(extended_until, closes_at)) >= ?
                """).params(programme, java.sql.Timestamp.from(now)).query(rs -> {
                    times.add(rs.getTimestamp(1).toInstant());
                    for (int column = 2; column <= 3; column++) {
                        java.sql.Timestamp t = rs.getTimestamp(column);
                        if (t != null) {
                            times.add(t.toInstant().plusNanos(1));
                        }
                    }
                });
        return times.stream().filter(t -> t.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Needs no database (no connection is taken): cached pages ask it while the database may be away. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Instant now() {
        return clock.instant();
    }

    /** The rounds, newest first (an undated announcement by its estimated date). */
    public List<RoundSummary> rounds(String programme) {
        return jdbc.sql("""
                SELECT id, key, name_sv, name_en, opens_at, closes_at, budget_sek, announced_on, status, note,
                       note_en, grantees_count, budget_precision
                FROM round WHERE programme_key = ?
                ORDER BY coalesce(announced_on, estimated_on, opens_at::date) DESC NULLS LAST, key
                """).param(programme)
                .query((rs, i) -> new RoundSummary(rs.getObject(1, java.util.UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4),
                        Optional.ofNullable(rs.getTimestamp(5)).map(java.sql.Timestamp::toInstant).orElse(null),
                        Optional.ofNullable(rs.getTimestamp(6)).map(java.sql.Timestamp::toInstant).orElse(null),
                        (Long) rs.getObject(7), rs.getObject(8, java.time.LocalDate.class), RoundStatus.ofKey(rs.getString(9)),
                        rs.getString(10), rs.getString(11), (Integer) rs.getObject(12), rs.getString(13)))
                .list();
    }

    public Optional<String> programmeName(String programme, se.partnerskap.shared.Language language) {
        return jdbc.sql("SELECT name_sv, name_en FROM programme WHERE key = ?").param(programme)
                .query((rs, i) -> language.pick(rs.getString(1), rs.getString(2))).optional();
    }

    /** Whether organisations apply to {@code programme} (as to the municipal partnership), not persons. */
    public boolean forOrganisations(String programme) {
        return jdbc.sql("SELECT applicant_kind = 'organisation' FROM programme WHERE key = ?").param(programme)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Every programme, by key. */
    public List<ProgrammeSummary> all() {
        return jdbc.sql("""
                SELECT key, name_sv, name_en, applicant_kind, page_path_sv, page_path_en FROM programme ORDER BY key
                """).query(ProgrammeSummary.class).list();
    }
}

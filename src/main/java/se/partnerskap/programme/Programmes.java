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
        return status(windows(programme), clock.instant(), extensions(programme));
    }

    /** Open now if a window (or its extension) contains {@code now}; otherwise the next window to open. */
    static WindowStatus status(List<ApplicationWindow> windows, Instant now, List<Extension> extensions) {
        int year = StockholmTime.at(now).getYear();
        List<ApplicationWindow.Occurrence> occurrences = windows.stream()
                .flatMap(w -> java.util.stream.Stream.of(w.in(year - 1), w.in(year), w.in(year + 1)))
                .sorted(Comparator.comparing(ApplicationWindow.Occurrence::opensAt))
                .toList();
        for (ApplicationWindow.Occurrence o : occurrences) {
            Instant closes = extendedClose(o, extensions);
            if (!now.isBefore(o.opensAt()) && !now.isAfter(closes)) {
                return new WindowStatus(true, o, closes);
            }
        }
        return occurrences.stream().filter(o -> o.opensAt().isAfter(now)).findFirst()
                .map(o -> new WindowStatus(false, o, extendedClose(o, extensions)))
                .orElseThrow(() -> new IllegalStateException("The programme has no application windows"));
    }

    private static Instant extendedClose(ApplicationWindow.Occurrence o, List<Extension> extensions) {
        return extensions.stream()
                .filter(e -> !e.opensAt().isBefore(o.opensAt()) && !e.opensAt().isAfter(o.closesAt()))
                .map(Extension::closesAt).filter(c -> c.isAfter(o.closesAt()))
                .max(Comparator.naturalOrder()).orElse(o.closesAt());
    }

    /** A round whose closing was moved later than its window's. */
    record Extension(Instant opensAt, Instant closesAt) {
    }

    private List<Extension> extensions(String programme) {
        return jdbc.sql("""
                SELECT opens_at, extended_until FROM round
                WHERE programme_key = ? AND extended_until IS NOT NULL AND opens_at IS NOT NULL
                """).param(programme)
                .query((rs, i) -> new Extension(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Each window's next occurrence that has not closed yet, soonest first. */
    public List<ApplicationWindow.Occurrence> upcoming(String programme) {
        Instant now = clock.instant();
        int year = StockholmTime.at(now).getYear();
        return windows(programme).stream()
                .map(w -> w.in(year).closesAt().isAfter(now) ? w.in(year) : w.in(year + 1))
                .sorted(Comparator.comparing(ApplicationWindow.Occurrence::opensAt))
                .toList();
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
                        (Long) rs.getObject(7), rs.getObject(8, java.time.LocalDate.class), rs.getString(9),
                        rs.getString(10), rs.getString(11), (Integer) rs.getObject(12), rs.getString(13)))
                .list();
    }

    public Optional<String> programmeName(String programme, se.partnerskap.shared.Language language) {
        return jdbc.sql("SELECT name_sv, name_en FROM programme WHERE key = ?").param(programme)
                .query((rs, i) -> language.pick(rs.getString(1), rs.getString(2))).optional();
    }
}

package se.partnerskap.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * Gives the demo rounds that applicants can try today: a continuous inception round for the current
 * year and an ordinary round open from a week ago to three weeks ahead, by the clock at the time of
 * loading. Once per database (marker {@value #DATA_SET} in {@code demo_load}).
 */
@Service
class DemoRounds {

    static final String DATA_SET = "demo-rounds";

    private static final Logger log = LoggerFactory.getLogger(DemoRounds.class);
    private static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final JdbcClient jdbc;
    private final RoundManagement rounds;
    private final Programmes programmes;
    private final Audit audit;
    private final Clock clock;

    DemoRounds(JdbcClient jdbc, RoundManagement rounds, Programmes programmes, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public boolean loadOnce() {
        Instant now = clock.instant();
        int marked = jdbc.sql("INSERT INTO demo_load (data_set, loaded_at) VALUES (?, ?) ON CONFLICT (data_set) DO NOTHING")
                .params(DATA_SET, Timestamp.from(now)).update();
        if (marked == 0) {
            log.info("Demo data set '{}' is loaded already; nothing to do", DATA_SET);
            return false;
        }
        List<String> countries = programmes.countryCodes(PROGRAMME);
        LocalDate today = StockholmTime.at(now).toLocalDate();
        int year = today.getYear();

        Instant yearStarts = LocalDate.of(year, 1, 1).atStartOfDay(StockholmTime.ZONE).toInstant();
        Instant yearEnds = LocalDate.of(year, 12, 31).atTime(LocalTime.of(23, 59, 59)).atZone(StockholmTime.ZONE)
                .toInstant();
        UUID continuous = rounds.create(new RoundInput(PROGRAMME, "Förstudier " + year + " (löpande)",
                "Inceptions " + year + " (continuous)", yearStarts, yearEnds, 3_000_000, 275_000, true, true,
                countries, List.of("inception")), DemoLoader.ACTOR);
        rounds.open(continuous, 1, DemoLoader.ACTOR);

        String monthSv = today.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Language.SV.locale());
        String monthEn = today.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Language.EN.locale());
        UUID demo = rounds.create(new RoundInput(PROGRAMME, "Demoomgång " + monthSv + " " + year,
                "Demo round " + monthEn + " " + year, now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(21)),
                10_000_000, 500_000, false, true, countries, List.of("project", "steering-group")),
                DemoLoader.ACTOR);
        rounds.saveQuestions(demo, questions(), 1, DemoLoader.ACTOR, "added");
        rounds.open(demo, 2, DemoLoader.ACTOR);

        Map<String, Object> summary = Map.of("continuous", continuous.toString(), "open", demo.toString());
        audit.record(DemoLoader.ACTOR, "demo-data-loaded", "demo-load", DATA_SET, summary);
        log.info("Loaded demo data set '{}': {}", DATA_SET, summary);
        return true;
    }

    static final String FIELDWORK_DATA_SET = "demo-fieldwork-call";

    /**
     * A call of the fieldwork grant open from a week ago to three weeks ahead, for the demo student to apply to;
     * once per database (its own marker, so that a demo database loaded before the fieldwork grant gets it too).
     */
    @Transactional
    public boolean fieldworkCallOnce() {
        Instant now = clock.instant();
        int marked = jdbc.sql("INSERT INTO demo_load (data_set, loaded_at) VALUES (?, ?) ON CONFLICT (data_set) DO NOTHING")
                .params(FIELDWORK_DATA_SET, Timestamp.from(now)).update();
        if (marked == 0) {
            return false;
        }
        int year = StockholmTime.at(now).getYear();
        UUID call = rounds.create(new RoundInput(Programmes.FIELDWORK_GRANT, "Resestipendium " + year + " (demo)",
                "Fieldwork grant " + year + " (demo)", now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(21)),
                200_000, 20_000, false, false, programmes.countryCodes(Programmes.FIELDWORK_GRANT), List.of("fieldwork")),
                DemoLoader.ACTOR);
        rounds.open(call, 1, DemoLoader.ACTOR);
        audit.record(DemoLoader.ACTOR, "demo-data-loaded", "demo-load", FIELDWORK_DATA_SET, Map.of("call", call.toString()));
        log.info("Loaded demo data set '{}': call {}", FIELDWORK_DATA_SET, call);
        return true;
    }

    static List<Question> questions() {
        return List.of(
                new Question("q1", "long-text", true, "Hur förankras partnerskapet politiskt?",
                        "How is the partnership anchored politically?",
                        "Beskriv hur majoritet och opposition deltar.", "Describe how majority and opposition take part.",
                        1500, List.of()),
                new Question("q2", "single-choice", true, "Har ni samarbetat med partnern tidigare?",
                        "Have you worked with the partner before?", null, null, null,
                        List.of(new Question.Option("o1", "Ja", "Yes"), new Question.Option("o2", "Nej", "No"))),
                new Question("q3", "number", false, "Hur många förtroendevalda deltar?",
                        "How many elected representatives take part?", null, null, null, List.of()));
    }
}

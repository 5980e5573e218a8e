package se.partnerskap.programme.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.web.Links;

/**
 * Open data: the programmes, who may apply to each, and the rounds that take applications now (JSON). A
 * minute in caches: a round that opens at midnight is listed within a minute of it.
 */
@RestController
class ProgrammesApi {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    /** One programme in the list. */
    record Programme(String key, Map<String, String> name, String applicantKind, Map<String, String> page,
            List<OpenRound> openRounds) {
    }

    /** A round taking applications: its deadline is the extended one if it was extended. */
    record OpenRound(String key, Map<String, String> name, Instant opensAt, Instant deadline, Long budgetSek,
            Long maxAmountSek) {
    }

    private final Programmes programmes;
    private final Rounds rounds;
    private final Links links;

    ProgrammesApi(Programmes programmes, Rounds rounds, Links links) {
        this.programmes = programmes;
        this.rounds = rounds;
        this.links = links;
    }

    @GetMapping("/api/v1/programmes")
    ResponseEntity<List<Programme>> programmes() {
        Instant now = programmes.now();
        List<Programme> list = programmes.all().stream().map(p -> programme(p, now)).toList();
        return ResponseEntity.ok().cacheControl(CACHE).body(list);
    }

    private Programme programme(ProgrammeSummary p, Instant now) {
        List<OpenRound> open = rounds.openAt(p.key(), now).stream().map(ProgrammesApi::round).toList();
        Map<String, String> page = p.pagePathSv() == null ? Map.of()
                : Map.of("sv", links.absolute(p.pagePathSv()), "en", links.absolute(p.pagePathEn()));
        return new Programme(p.key(), Map.of("sv", p.nameSv(), "en", p.nameEn()), p.applicantKind(), page, open);
    }

    private static OpenRound round(RoundDetails r) {
        return new OpenRound(r.key(), Map.of("sv", r.nameSv(), "en", r.nameEn()), r.opensAt(), r.deadline(),
                r.budgetSek(), r.maxAmountSek());
    }
}

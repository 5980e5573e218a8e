package se.partnerskap.newsroom.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundSummary;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * Keeps the search documents of the public project directory: one per funded partnership of the
 * programme and language, written from the grant module's API. News items need nothing here: database
 * triggers keep their documents (V80__search.sql). Only changed documents are written (one statement for
 * all). Refreshed at start-up, when a round's decisions
 * are published, and every few minutes (the grants of a published round are recorded by another
 * listener of the same event, so the periodic refresh catches what the first one missed).
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final FundedPartnerships funded;
    private final Programmes programmes;

    /** The region of the rendered-page cache for search results: emptied when the project documents are written. */
    static final String CACHE_REGION = "search";

    private final se.partnerskap.web.RenderedPages pages;

    SearchIndex(JdbcClient jdbc, FundedPartnerships funded, Programmes programmes,
            PlatformTransactionManager transactions, se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.transaction = new TransactionTemplate(transactions);
        // a write of its own, also when a search page (read in a read-only transaction) finds no documents yet
        this.transaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.funded = funded;
        this.programmes = programmes;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order // after the demo data, which loads on the same event
    void atStartUp() {
        refreshProjects();
    }

    @Scheduled(fixedDelayString = "${partnerskap.search.refresh-every:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "search-projects")
    void periodically() {
        refreshProjects();
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        refreshProjects();
    }

    /**
     * Refreshes the project documents if there are none, e.g. when the demo data arrived after the
     * start-up refresh.
     */
    public void ensureProjects() {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM search_document WHERE kind = 'project')").query(Boolean.class).single()) {
            refreshProjects();
        }
    }

    /** Writes the project documents again from the grant module's funded partnerships. */
    public int refreshProjects() {
        Integer count = transaction.execute(status -> writeProjects());
        return count == null ? 0 : count;
    }

    private int writeProjects() {
        var partnerships = funded.all(PROGRAMME);
        Map<String, CoreArea> areas = programmes.coreAreas(PROGRAMME).stream()
                .collect(Collectors.toMap(CoreArea::key, Function.identity()));
        Map<UUID, RoundSummary> rounds = programmes.rounds(PROGRAMME).stream()
                .collect(Collectors.toMap(RoundSummary::id, Function.identity(), (a, b) -> a));
        // one refresh at a time, whoever triggers it
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('search-projects'))").query(Object.class).single();
        List<Doc> docs = new ArrayList<>();
        for (FundedPartnership f : partnerships) {
            for (Language lang : Language.values()) {
                docs.add(doc(f, lang, areas, rounds));
            }
        }
        if (write(docs) > 0) {
            // search results show these documents: only a real change empties their cached pages
            pages.invalidate(CACHE_REGION);
        }
        log.debug("Indexed {} funded projects for search", partnerships.size());
        return partnerships.size();
    }

    /** A project's search document in one language, as text. */
    private record Doc(String key, String language, String title, String summary, String body, String dated,
            String config, String partners) {
    }

    private Doc doc(FundedPartnership f, Language lang, Map<String, CoreArea> areas, Map<UUID, RoundSummary> rounds) {
        String countries = f.partners().stream().map(p -> p.countryName(lang)).distinct().collect(Collectors.joining(", "));
        String named = countries.isEmpty() ? f.swedishOrganisationName() : f.swedishOrganisationName() + " – " + countries;
        String title = f.title(lang) == null ? named : f.title(lang).value() + " (" + named + ")";
        String theme = f.theme(lang);
        String partners = f.partners().stream().filter(FundedPartnership.Partner::named)
                .map(FundedPartnership.Partner::name).collect(Collectors.joining(", "));
        String coreAreas = f.coreAreas().stream().map(k -> areas.containsKey(k) ? areas.get(k).name(lang) : k)
                .collect(Collectors.joining(", "));
        RoundSummary round = f.roundId() == null ? null : rounds.get(f.roundId());
        String summary = theme == null ? "" : theme;
        String body = Stream.of(partners, countries, coreAreas, round == null ? null : round.name(lang), f.note(lang))
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(". "));
        String config = lang == Language.EN ? "english" : "swedish";
        OffsetDateTime dated = f.startsOn() == null ? null : f.startsOn().atStartOfDay(StockholmTime.ZONE).toOffsetDateTime();
        return new Doc(f.path(), lang.code(), clean(title), clean(summary), clean(body),
                dated == null ? null : dated.toString(), config, partners);
    }

    /**
     * Writes the documents in one statement: new ones inserted, changed ones updated, unchanged ones left
     * alone (no rewrite of the table and its index every few minutes), those of projects gone deleted.
     */
    /** Writes the new and changed documents and deletes the gone ones; how many rows that touched. */
    private long write(List<Doc> docs) {
        return jdbc.sql("""
                WITH d AS (
                  SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                       ?::text[]) AS t(key, lang, title, summary, body, dated, config, partners)
                ), written AS (
                  INSERT INTO search_document (kind, ref, language, type, path_key, title, summary, body, dated_at,
                                               status, document)
                  SELECT 'project', key, lang, 'project', key, title, summary, body, dated::timestamptz, 'published',
                         setweight(to_tsvector(config::regconfig, title), 'A')
                         || setweight(to_tsvector(config::regconfig, summary || ' ' || partners), 'B')
                         || setweight(to_tsvector(config::regconfig, body), 'C')
                  FROM d
                  ON CONFLICT (kind, ref, language) DO UPDATE SET path_key = excluded.path_key, title = excluded.title,
                     summary = excluded.summary, body = excluded.body, dated_at = excluded.dated_at,
                     document = excluded.document
                  WHERE (search_document.title, search_document.summary, search_document.body, search_document.dated_at,
                         search_document.document)
                        IS DISTINCT FROM (excluded.title, excluded.summary, excluded.body, excluded.dated_at,
                                          excluded.document)
                  RETURNING 1
                ), gone AS (
                  DELETE FROM search_document s WHERE s.kind = 'project'
                    AND NOT EXISTS (SELECT 1 FROM d WHERE d.key = s.ref AND d.lang = s.language)
                  RETURNING 1
                )
                SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM gone)
                """).params(column(docs, Doc::key), column(docs, Doc::language), column(docs, Doc::title),
                        column(docs, Doc::summary), column(docs, Doc::body), column(docs, Doc::dated),
                        column(docs, Doc::config), column(docs, Doc::partners))
                .query(Long.class).single();
    }

    private static String[] column(List<Doc> docs, Function<Doc, String> value) {
        return docs.stream().map(value).toArray(String[]::new);
    }

    /** No control characters: they mark the matches in snippets. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
    }
}

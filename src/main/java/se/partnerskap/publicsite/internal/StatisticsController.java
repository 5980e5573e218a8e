package se.partnerskap.publicsite.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.TaggedDownloads;
import se.partnerskap.web.Ui;

/**
 * The statistics (/statistik, /en/statistics): the figures of {@link Statistics} as two charts and a table, filtered
 * by a GET form, and the same table as CSV. Served from {@link RenderedPages} until a funded partnership or a round
 * changes, and at most five minutes (payments are released without telling the public pages).
 */
@Controller
class StatisticsController {

    private static final Duration PAYMENTS_SEEN_WITHIN = Duration.ofMinutes(5);

    private final StatisticsPages views;
    private final Programmes programmes;
    private final RenderedPages cache;

    StatisticsController(StatisticsPages views, Programmes programmes, RenderedPages cache) {
        this.views = views;
        this.programmes = programmes;
        this.cache = cache;
    }

    @GetMapping({"/statistik", "/en/statistics"})
    ResponseEntity<byte[]> page(Ui ui, HttpServletRequest request, @RequestParam(required = false) String per,
            @RequestParam(required = false) String programme, @RequestParam(required = false) String year,
            @RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) String coreArea) {
        Instant now = programmes.now();
        StatisticsPages.Query q = views.query(per, programme, year, country, region, coreArea);
        return cache.serve(request, ui, RenderedPages.regions(FundedPartnerships.PAGES_REGION, Programmes.PAGES_REGION), now,
                () -> new RenderedPages.Rendering("publicsite/statistics", Map.of("page", views.page(q, ui)), null,
                        StockholmTime.nextMidnight(now), PAYMENTS_SEEN_WITHIN));
    }

    /** The table of the page with the same filters, as CSV (UTF-8 with a byte order mark, labels in the page's language). */
    @GetMapping(value = {"/statistik.csv", "/en/statistics.csv"}, produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> csv(Ui ui, WebRequest request, @RequestParam(required = false) String per,
            @RequestParam(required = false) String programme, @RequestParam(required = false) String year,
            @RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) String coreArea) {
        StatisticsPages.Query q = views.query(per, programme, year, country, region, coreArea);
        byte[] body = StatisticsCsv.write(views.table(q), views.labels(q.per(), ui.language(), ui), ui);
        return TaggedDownloads.answer(body, TaggedDownloads.etag(body), MediaType.parseMediaType("text/csv;charset=UTF-8"),
                CacheControl.maxAge(PAYMENTS_SEEN_WITHIN).cachePublic(), ui.t("statistics.csv.file"), request);
    }
}

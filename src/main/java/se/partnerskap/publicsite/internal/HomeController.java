package se.partnerskap.publicsite.internal;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.newsroom.PublicNews;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/** The home page and the programmes' pages, in Swedish at the root and in English under /en. */
@Controller
public class HomeController {

    /** What the home and programme pages show: the site's texts, the rounds and windows, the funded partnerships. */
    static final String REGIONS = RenderedPages.regions(SiteContent.CACHE_REGION, Programmes.PAGES_REGION,
            FundedPartnerships.PAGES_REGION);

    /** The fieldwork grant's page shows its grantees' stories from the newsroom, too. */
    static final String FIELDWORK_REGIONS = RenderedPages.regions(SiteContent.CACHE_REGION, Programmes.PAGES_REGION,
            PublicNews.PAGES_REGION, FundedPartnerships.PAGES_REGION);

    private final PublicPages views;
    private final FieldworkPages fieldwork;
    private final Programmes programmes;
    private final RenderedPages pages;

    HomeController(PublicPages views, FieldworkPages fieldwork, Programmes programmes, RenderedPages pages) {
        this.views = views;
        this.fieldwork = fieldwork;
        this.programmes = programmes;
        this.pages = pages;
    }

    /**
     * The home page, from {@link RenderedPages}: reused until the site's texts, a round or a funded partnership
     * change, or a window or round opens or closes by the clock ({@link #until}).
     */
    @GetMapping({"/", "/en", "/en/"})
    ResponseEntity<byte[]> home(Ui ui, HttpServletRequest request) {
        Instant now = programmes.now();
        return pages.serve(request, ui, REGIONS, now,
                () -> new RenderedPages.Rendering("publicsite/home", Map.of("page", views.home(ui)), null, until(now)));
    }

    /** The programme page, from {@link RenderedPages} as the home page ({@link #home}). */
    @GetMapping({"/kommunala-partnerskap", "/en/municipal-partnership"})
    ResponseEntity<byte[]> programme(Ui ui, HttpServletRequest request) {
        Instant now = programmes.now();
        return pages.serve(request, ui, REGIONS, now, () -> new RenderedPages.Rendering("publicsite/programme",
                Map.of("page", views.programme(ui)), null, until(now)));
    }

    /** The fieldwork grant's page ({@link FieldworkPages}), from {@link RenderedPages} as the programme page. */
    @GetMapping({"/resestipendium", "/en/fieldwork-grant"})
    ResponseEntity<byte[]> fieldworkGrant(Ui ui, HttpServletRequest request) {
        Instant now = programmes.now();
        return pages.serve(request, ui, FIELDWORK_REGIONS, now, () -> new RenderedPages.Rendering(
                "publicsite/fieldwork-grant", Map.of("page", fieldwork.page(ui)), null, fieldwork.until(now)));
    }

    /** The next moment the programme's pages change by the clock: a window or round opening or closing, or a new day. */
    private Instant until(Instant now) {
        return StockholmTime.earliest(programmes.nextChange(Programmes.MUNICIPAL_PARTNERSHIP, now),
                StockholmTime.nextMidnight(now));
    }
}

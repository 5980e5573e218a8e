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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/**
 * The maps (/karta, /en/map): Sweden's municipalities and regions with a funded partnership — all of them,
 * the active or the completed ones, as the filter ({@code ?status=}) says — and the partner countries with
 * their number of partnerships. Served from {@link RenderedPages} until a funded partnership changes or the day
 * does (what is running is by today's date); the outlines are read once (see {@link MapShapes}).
 */
@Controller
public class MapController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final MapPages views;
    private final Programmes programmes;
    private final RenderedPages cache;
    private final MapOutlines outlines;

    MapController(MapPages views, Programmes programmes, RenderedPages cache, MapOutlines outlines) {
        this.views = views;
        this.programmes = programmes;
        this.cache = cache;
        this.outlines = outlines;
    }

    /**
     * All partnerships unless {@code status} asks for the {@code active} (running today) or {@code completed}
     * ones: by default the map shows every partnership that received support, as the home page counts them.
     */
    @GetMapping({"/karta", "/en/map"})
    ResponseEntity<byte[]> map(Ui ui, HttpServletRequest request, @RequestParam(required = false) String status) {
        Instant now = programmes.now();
        return cache.serve(request, ui, FundedPartnerships.PAGES_REGION, now, () -> new RenderedPages.Rendering(
                "publicsite/map", Map.of("page", views.page(status, ui)), null, StockholmTime.nextMidnight(now)));
    }

    /**
     * The outlines file the maps refer to: under its own version a year and immutable; under another (a page from
     * an instance of another release) the current outlines, to be asked again. Compressed by Tomcat.
     */
    @GetMapping(MapOutlines.PATH_PREFIX + "{version:[0-9a-f]{32}}.svg")
    ResponseEntity<byte[]> outlines(@PathVariable String version) {
        CacheControl caching = outlines.isCurrent(version)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache();
        return ResponseEntity.ok().cacheControl(caching).contentType(SVG).body(outlines.document());
    }
}

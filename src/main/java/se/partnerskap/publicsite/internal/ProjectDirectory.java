package se.partnerskap.publicsite.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/** The public directory of funded projects (/projekt, /en/projects) and a page per project. */
@Controller
public class ProjectDirectory {

    /** What the directory and a project's page show: the funded partnerships, and the rounds by name. */
    static final String REGIONS = RenderedPages.regions(FundedPartnerships.PAGES_REGION, Programmes.PAGES_REGION);

    private final FundedPartnerships funded;
    private final Programmes programmes;
    private final DirectoryPages views;
    private final RenderedPages cache;

    ProjectDirectory(FundedPartnerships funded, Programmes programmes, DirectoryPages views, RenderedPages cache) {
        this.funded = funded;
        this.programmes = programmes;
        this.views = views;
        this.cache = cache;
    }

    /**
     * The directory, from {@link RenderedPages} (each filter and page at its own address): reused until a funded
     * partnership or a round changes, or the day does (what is running is by today's date).
     */
    @GetMapping({"/projekt", "/en/projects"})
    ResponseEntity<byte[]> directory(Ui ui, HttpServletRequest request, @ModelAttribute DirectoryPages.Filter filter) {
        Instant now = programmes.now();
        return cache.serve(request, ui, REGIONS, now, () -> new RenderedPages.Rendering("publicsite/projects/directory",
                Map.of("page", views.directory(filter, ui)), null, StockholmTime.nextMidnight(now)));
    }

    /** A project found at an address it is not at (the key it was recorded with): sent on to its own. */
    private static final class Moved extends RuntimeException {
        final String path;

        Moved(String path) {
            super(null, null, false, false);
            this.path = path;
        }
    }

    /**
     * A project's page at its readable address; at the key it was recorded with (the address before slugs,
     * {@code /projekt/decision:…}) a permanent redirect to the readable one.
     */
    @GetMapping({"/projekt/{*key}", "/en/projects/{*key}"})
    ResponseEntity<byte[]> project(Ui ui, HttpServletRequest request, @PathVariable String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        if (k.isEmpty()) {
            throw new NotFoundException();
        }
        Instant now = programmes.now();
        try {
            return cache.serve(request, ui, REGIONS, now, () -> {
                FundedPartnership f = funded.byAddress(k).filter(p -> Programmes.MUNICIPAL_PARTNERSHIP.equals(p.programme()))
                        .orElseThrow(NotFoundException::new);
                if (!f.path().equals(k)) {
                    throw new Moved(f.path());
                }
                return new RenderedPages.Rendering("publicsite/projects/project", Map.of("page", views.project(f, ui)), null,
                        StockholmTime.nextMidnight(now));
            });
        } catch (Moved moved) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(ui.href("/projekt/" + DirectoryPages.encode(moved.path)))).build();
        }
    }
}

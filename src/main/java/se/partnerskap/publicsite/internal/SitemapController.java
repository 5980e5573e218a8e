package se.partnerskap.publicsite.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.newsroom.PublicNews;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sha256;
import se.partnerskap.web.Links;
import se.partnerskap.web.XmlDocuments;

/**
 * /sitemap.xml: a sitemap index listing its parts, each at most {@link #PART} addresses and read by one
 * query: the public pages, the public news items (with their last change, in the order they were
 * published) and the funded projects (by key), each with its page in the other language as an hreflang
 * alternate where there is one ({@link RobotsController}'s /robots.txt points to the index). A part's ETag is computed
 * before its body (news: from one aggregate; projects: from their paths), so an unchanged part costs a
 * 304, and the body is streamed to the client rather than built first.
 */
@Controller
class SitemapController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final MediaType XML_TYPE = SitemapXml.TYPE;
    /** The most addresses in one part (the protocol allows 50 000). */
    static final int PART = 10_000;
    /** The public pages that exist in both languages, by their Swedish path. */
    static final List<String> PAGES = List.of("/", "/kommunala-partnerskap", "/resestipendium", "/projekt", "/karta", "/nyheter",
            "/publikationer", "/prenumeration", "/statistik", "/oppna-data", "/oppna-data/api");
    private static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final PublicNews news;
    private final FundedPartnerships funded;
    private final Clock clock;
    private final Links links;

    SitemapController(PublicNews news, FundedPartnerships funded, Clock clock, Links links) {
        this.news = news;
        this.funded = funded;
        this.clock = clock;
        this.links = links;
    }

    /** The index: the part of pages, then the parts of news items and of projects. */
    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index() {
        int items = news.count(clock.instant());
        int projects = funded.totals(PROGRAMME).fundedPartnerships();
        List<String> parts = new ArrayList<>();
        parts.add("/sitemap-pages.xml");
        for (int n = 1; n <= (items + PART - 1) / PART; n++) {
            parts.add("/sitemap-news-" + n + ".xml");
        }
        for (int n = 1; n <= (projects + PART / 2 - 1) / (PART / 2); n++) {
            parts.add("/sitemap-projects-" + n + ".xml");
        }
        byte[] body = SitemapXml.index(parts.stream().map(links::absolute).toList());
        return ResponseEntity.ok().contentType(XML_TYPE).cacheControl(CACHE).eTag(XmlDocuments.etag(body)).body(body);
    }

    @GetMapping("/sitemap-pages.xml")
    void pages(WebRequest request, HttpServletResponse response) throws IOException {
        if (notModified(request, response, "pages")) {
            return;
        }
        SitemapXml.urlset(response, w -> {
            for (String page : PAGES) {
                SitemapXml.bothLanguages(w, links.absolute(Language.SV, page), links.absolute(Language.EN, page));
            }
        });
    }

    /** Part {@code n} of the public news items; its ETag changes with any item's publication or change. */
    @GetMapping("/sitemap-news-{n}.xml")
    void news(@PathVariable int n, WebRequest request, HttpServletResponse response) throws IOException {
        if (n < 1) {
            response.sendError(404);
            return;
        }
        Instant now = clock.instant();
        if (notModified(request, response, "news-" + n + "-" + news.version(now))) {
            return;
        }
        SitemapXml.urlset(response, w -> news.forEach(now, (n - 1) * PART, PART, item -> {
            try {
                SitemapXml.item(w, item.language(), itemLoc(item.language(), item.slug()), item.changed(),
                        item.otherLanguage(), item.otherLanguage() == null ? null : itemLoc(item.otherLanguage(), item.otherSlug()));
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Part {@code n} of the funded projects, by key; its ETag is that of their paths. */
    @GetMapping("/sitemap-projects-{n}.xml")
    void projects(@PathVariable int n, WebRequest request, HttpServletResponse response) throws IOException {
        List<String> paths = n < 1 ? List.of() : funded.paths(PROGRAMME, (n - 1) * (PART / 2), PART / 2);
        if (paths.isEmpty()) {
            response.sendError(404);
            return;
        }
        if (notModified(request, response, "projects-" + n + "-" + String.join(",", paths).hashCode() + "-" + paths.size())) {
            return;
        }
        SitemapXml.urlset(response, w -> {
            for (String path : paths) {
                SitemapXml.bothLanguages(w, links.absolute(Language.SV, "/projekt/" + path, "/en/projects/" + path),
                        links.absolute(Language.EN, "/projekt/" + path, "/en/projects/" + path));
            }
        });
    }

    /** Sets the caching headers; true (and a 304 sent) when the client's copy is {@code version}'s. */
    private boolean notModified(WebRequest request, HttpServletResponse response, String version) {
        String etag = "\"" + Sha256.shortHex((links.absolute("/") + version).getBytes(StandardCharsets.UTF_8)) + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        return request.checkNotModified(etag);
    }

    private String itemLoc(String language, String slug) {
        return links.absolute(Language.ofCode(language), "/nyheter/" + slug, "/en/news/" + slug);
    }
}

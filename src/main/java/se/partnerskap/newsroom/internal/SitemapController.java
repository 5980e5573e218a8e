package se.partnerskap.newsroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;

/**
 * /sitemap.xml: the public pages, every public news item (with its last change) and every funded
 * project, each with its page in the other language as an hreflang alternate where there is one; and
 * /robots.txt, which points to it.
 */
@Controller
class SitemapController {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    /** The public pages that exist in both languages, by their Swedish path. */
    static final List<String> PAGES = List.of("/", "/kommunala-partnerskap", "/projekt", "/karta", "/nyheter",
            "/publikationer", "/prenumeration");

    private final JdbcClient jdbc;
    private final FundedPartnerships funded;
    private final Clock clock;
    private final Links links;

    SitemapController(JdbcClient jdbc, FundedPartnerships funded, Clock clock, Links links) {
        this.jdbc = jdbc;
        this.funded = funded;
        this.clock = clock;
        this.links = links;
    }

    /** A page of the sitemap: its address, when it last changed (or null) and its versions by language. */
    record Url(String loc, Instant lastmod, Map<String, String> alternates) {
    }

    private record Item(UUID group, String language, String slug, Instant lastmod) {
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> sitemap() {
        List<Url> urls = new ArrayList<>();
        for (String page : PAGES) {
            Map<String, String> both = new LinkedHashMap<>();
            both.put("sv", links.absolute(Language.SV, page));
            both.put("en", links.absolute(Language.EN, page));
            both.values().forEach(loc -> urls.add(new Url(loc, null, both)));
        }
        List<Item> items = jdbc.sql("""
                SELECT translation_group, language, slug, greatest(updated_at, publish_at) FROM news_item
                WHERE status = 'published' AND publish_at <= ?
                ORDER BY publish_at DESC, id
                """).param(Timestamp.from(clock.instant()))
                .query((rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        Map<UUID, Map<String, String>> groups = new LinkedHashMap<>();
        for (Item i : items) {
            groups.computeIfAbsent(i.group(), g -> new LinkedHashMap<>()).put(i.language(), itemLoc(i));
        }
        for (Item i : items) {
            Map<String, String> versions = groups.get(i.group());
            urls.add(new Url(itemLoc(i), i.lastmod(), versions.size() > 1 ? versions : Map.of()));
        }
        for (FundedPartnership f : funded.all(SearchIndex.PROGRAMME)) {
            Map<String, String> both = new LinkedHashMap<>();
            both.put("sv", links.absolute(Language.SV, "/projekt/" + f.path(), "/en/projects/" + f.path()));
            both.put("en", links.absolute(Language.EN, "/projekt/" + f.path(), "/en/projects/" + f.path()));
            both.values().forEach(loc -> urls.add(new Url(loc, null, both)));
        }
        byte[] body = FeedController.write(w -> {
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xhtml", XHTML);
            for (Url u : urls) {
                w.writeStartElement(NS, "url");
                element(w, "loc", u.loc());
                if (u.lastmod() != null) {
                    element(w, "lastmod", FeedController.iso(u.lastmod()));
                }
                for (Map.Entry<String, String> a : u.alternates().entrySet()) {
                    w.writeEmptyElement("xhtml", "link", XHTML);
                    w.writeAttribute("rel", "alternate");
                    w.writeAttribute("hreflang", a.getKey());
                    w.writeAttribute("href", a.getValue());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .cacheControl(CACHE).eTag(FeedController.etag(body)).body(body);
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(FeedController.safe(text));
        w.writeEndElement();
    }

    private String itemLoc(Item i) {
        return links.absolute(Language.ofCode(i.language()), "/nyheter/" + i.slug(), "/en/news/" + i.slug());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /admin/
                Disallow: /en/admin/
                Disallow: /sok
                Disallow: /en/search
                Disallow: /prenumeration/
                Disallow: /en/subscription/

                Sitemap: %s
                """.formatted(links.absolute("/sitemap.xml"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .cacheControl(CACHE).body(body);
    }
}

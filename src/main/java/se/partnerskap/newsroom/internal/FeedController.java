package se.partnerskap.newsroom.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.web.Ui;
import se.partnerskap.web.XmlDocuments;

/**
 * RSS 2.0 and Atom 1.0 feeds of the public news items, per language, optionally of one type
 * ({@code ?type=press-release}) or one tag ({@code ?tag=kronoberg}): /nyheter/rss.xml,
 * /nyheter/atom.xml, /en/news/rss.xml, /en/news/atom.xml. The newest {@value FeedDocuments#LIMIT} items,
 * written by {@link FeedDocuments}. ETag (a hash of the feed) and Last-Modified let readers poll cheaply.
 */
@Controller
class FeedController {

    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final FeedDocuments documents;

    FeedController(FeedDocuments documents) {
        this.documents = documents;
    }

    @GetMapping({"/nyheter/rss.xml", "/en/news/rss.xml"})
    ResponseEntity<byte[]> rss(Ui ui, @RequestParam(required = false) String type,
            @RequestParam(required = false) String tag) {
        FeedDocuments.Feed feed = documents.feed(ui, type, tag, "rss.xml");
        return respond(documents.rss(feed), RSS, feed.updated());
    }

    @GetMapping({"/nyheter/atom.xml", "/en/news/atom.xml"})
    ResponseEntity<byte[]> atom(Ui ui, @RequestParam(required = false) String type,
            @RequestParam(required = false) String tag) {
        FeedDocuments.Feed feed = documents.feed(ui, type, tag, "atom.xml");
        return respond(documents.atom(feed), ATOM, feed.updated());
    }

    private ResponseEntity<byte[]> respond(byte[] body, MediaType type, Instant updated) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(type).cacheControl(CACHE).eTag(XmlDocuments.etag(body));
        if (updated.isAfter(Instant.EPOCH)) {
            ok.lastModified(updated);
        }
        return ok.body(body);
    }
}

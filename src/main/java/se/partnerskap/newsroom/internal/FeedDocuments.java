package se.partnerskap.newsroom.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import se.partnerskap.newsroom.internal.FeedItems.FeedItem;
import se.partnerskap.newsroom.internal.FeedItems.Tag;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;
import se.partnerskap.web.XmlDocuments;

/**
 * The news feeds as documents: which items a feed holds (the newest {@value #LIMIT} public items of a
 * language, of one type or tag if asked), and the feed written as RSS 2.0 or Atom 1.0 with the JDK's StAX
 * writer, so every text is escaped. An unknown type or tag is 404.
 */
@Component
class FeedDocuments {

    static final int LIMIT = 50;
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final FeedItems items;
    private final Links links;

    FeedDocuments(FeedItems items, Links links) {
        this.items = items;
        this.links = links;
    }

    /** What a feed is about: its items, title, the list page it mirrors and its own address. */
    record Feed(List<FeedItem> items, String title, String description, String htmlLink, String selfLink,
            Language lang, Instant updated, String author) {
    }

    Feed feed(Ui ui, String type, String tagKey, String file) {
        Language lang = ui.language();
        String t = blank(type) ? null : type.strip();
        if (t != null && !FeedItems.TYPES.contains(t)) {
            throw new NotFoundException();
        }
        Tag tag = blank(tagKey) ? null : items.tag(tagKey.strip(), lang).orElseThrow(NotFoundException::new);
        List<FeedItem> list = items.latest(lang, t, tag == null ? null : tag.key(), LIMIT);
        String what = t == null ? ui.t("newsfeeds.feed.all") : ui.t("newsfeeds.types." + t);
        String title = (tag == null ? what : ui.t("newsfeeds.feed.aboutTag", what, tag.name())) + " – " + ui.t("site.name");
        String query = (t == null ? "" : "type=" + enc(t)) + (tag == null ? "" : (t == null ? "" : "&") + "tag=" + enc(tag.key()));
        String list_ = links.absolute(ui.href("/nyheter"));
        String self = list_ + "/" + file;
        if (!query.isEmpty()) {
            list_ += "?" + query;
            self += "?" + query;
        }
        Instant updated = list.stream().map(FeedItem::updated).max(Instant::compareTo).orElse(Instant.EPOCH)
                .truncatedTo(ChronoUnit.SECONDS);
        return new Feed(list, title, ui.t("newsfeeds.feed.description", ui.t("site.name")), list_, self, lang, updated,
                ui.t("site.name"));
    }

    private String itemLink(FeedItem i, Language lang) {
        return links.absolute(lang, "/nyheter/" + i.slug(), "/en/news/" + i.slug());
    }

    /** RFC 822 dates as RSS wants them, e.g. "Mon, 30 Nov 2026 08:00:00 GMT". */
    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    byte[] rss(Feed f) {
        return XmlDocuments.bytes(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            w.writeStartElement("channel");
            element(w, "title", f.title());
            element(w, "link", f.htmlLink());
            element(w, "description", f.description());
            element(w, "language", f.lang() == Language.EN ? "en-GB" : "sv-SE");
            if (!f.items().isEmpty()) {
                element(w, "lastBuildDate", rfc822(f.updated()));
            }
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", f.selfLink());
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (FeedItem i : f.items()) {
                w.writeStartElement("item");
                element(w, "title", i.title());
                element(w, "link", itemLink(i, f.lang()));
                // readers take an RSS description as HTML (RSS has no type="text" as Atom has): the plain
                // lead is escaped as HTML first, so that "<b>" shows as the text "<b>", not as markup
                element(w, "description", org.springframework.web.util.HtmlUtils.htmlEscape(XmlDocuments.safe(i.summary()), "UTF-8"));
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters("urn:uuid:" + i.id());
                w.writeEndElement();
                element(w, "pubDate", rfc822(i.published()));
                for (Tag t : i.tags()) {
                    element(w, "category", t.name());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    byte[] atom(Feed f) {
        return XmlDocuments.bytes(w -> {
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", f.lang().code());
            // relative links and images in the entries' HTML content resolve against the site
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "base", links.absolute("/"));
            element(w, "id", f.selfLink());
            element(w, "title", f.title());
            element(w, "subtitle", f.description());
            element(w, "updated", XmlDocuments.iso(f.updated()));
            link(w, "self", f.selfLink(), "application/atom+xml");
            link(w, "alternate", f.htmlLink(), "text/html");
            w.writeStartElement("author");
            element(w, "name", f.author());
            w.writeEndElement();
            for (FeedItem i : f.items()) {
                w.writeStartElement("entry");
                element(w, "id", "urn:uuid:" + i.id());
                element(w, "title", i.title());
                element(w, "updated", XmlDocuments.iso(i.updated()));
                element(w, "published", XmlDocuments.iso(i.published()));
                link(w, "alternate", itemLink(i, f.lang()), "text/html");
                w.writeStartElement("summary");
                w.writeAttribute("type", "text");
                w.writeCharacters(XmlDocuments.safe(i.summary()));
                w.writeEndElement();
                if (i.bodyHtml() != null && !i.bodyHtml().isBlank()) {
                    w.writeStartElement("content");
                    w.writeAttribute("type", "html");
                    w.writeCharacters(XmlDocuments.safe(i.bodyHtml()));
                    w.writeEndElement();
                }
                for (Tag t : i.tags()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", t.key());
                    w.writeAttribute("label", XmlDocuments.safe(t.name()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlDocuments.safe(text));
        w.writeEndElement();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package se.partnerskap.publicsite.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import se.partnerskap.web.XmlDocuments;

/** The sitemap protocol's XML: a urlset streamed to the response, and its url entries with hreflang alternates. */
final class SitemapXml {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final MediaType TYPE = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private SitemapXml() {
    }

    /** A urlset written straight to the response as {@code body} produces its addresses. */
    static void urlset(HttpServletResponse response, XmlDocuments.Body body) throws IOException {
        response.setContentType(TYPE.toString());
        XmlDocuments.stream(response.getOutputStream(), w -> {
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xhtml", XHTML);
            body.write(w);
            w.writeEndElement();
        });
    }

    /** The sitemap index: one entry per part, at the absolute addresses given. */
    static byte[] index(List<String> parts) {
        return XmlDocuments.bytes(w -> {
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "sitemapindex");
            w.writeDefaultNamespace(NS);
            for (String part : parts) {
                w.writeStartElement(NS, "sitemap");
                element(w, "loc", part);
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** A page in both languages: an entry for each, each naming both as its alternates. */
    static void bothLanguages(XMLStreamWriter w, String sv, String en) throws XMLStreamException {
        Map<String, String> both = new LinkedHashMap<>();
        both.put("sv", sv);
        both.put("en", en);
        url(w, sv, null, both);
        url(w, en, null, both);
    }

    /** A news item, with its translation as the alternate when it has a public one ({@code otherLoc} not null). */
    static void item(XMLStreamWriter w, String language, String loc, Instant changed, String otherLanguage, String otherLoc)
            throws XMLStreamException {
        Map<String, String> versions = new LinkedHashMap<>();
        if (otherLoc != null) {
            versions.put(language, loc);
            versions.put(otherLanguage, otherLoc);
        }
        url(w, loc, changed, versions);
    }

    static void url(XMLStreamWriter w, String loc, Instant lastmod, Map<String, String> alternates)
            throws XMLStreamException {
        w.writeStartElement(NS, "url");
        element(w, "loc", loc);
        if (lastmod != null) {
            element(w, "lastmod", XmlDocuments.iso(lastmod));
        }
        for (Map.Entry<String, String> a : alternates.entrySet()) {
            w.writeEmptyElement("xhtml", "link", XHTML);
            w.writeAttribute("rel", "alternate");
            w.writeAttribute("hreflang", a.getKey());
            w.writeAttribute("href", a.getValue());
        }
        w.writeEndElement();
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(XmlDocuments.safe(text));
        w.writeEndElement();
    }
}

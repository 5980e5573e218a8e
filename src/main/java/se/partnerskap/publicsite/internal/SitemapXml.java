package se.partnerskap.publicsite.internal;

import java.io.IOException;
import java.time.Instant;
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

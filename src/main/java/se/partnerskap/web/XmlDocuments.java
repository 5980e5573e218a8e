package se.partnerskap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import se.partnerskap.shared.Sha256;

/**
 * XML documents written with StAX (the feeds, the sitemap): into bytes or straight to a response's stream,
 * with only the characters XML 1.0 allows and dates as ISO instants.
 */
public final class XmlDocuments {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** What goes between the XML declaration and the end of the document. */
    @FunctionalInterface
    public interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private XmlDocuments() {
    }

    /** The whole document as UTF-8 bytes (for a body whose ETag is its hash). */
    public static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            stream(out, body);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
        return out.toByteArray();
    }

    /** The document written to {@code out} as {@code body} produces it, never held whole in memory. */
    public static void stream(OutputStream out, Body body) throws IOException {
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write XML", e);
        }
    }

    /** A strong ETag of a body. */
    public static String etag(byte[] body) {
        return "\"" + Sha256.shortHex(body) + "\"";
    }

    /** An instant to the second, as XML and Atom dates want it: {@code 2026-11-30T08:00:00Z}. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Only the characters XML 1.0 allows ({@code null} as empty). */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}

package se.partnerskap.web;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Renders a JTE template (XHTML) to PDF with openhtmltopdf and the embedded DejaVu fonts, so that
 * names in any Latin or Cyrillic script print correctly: application copies, decision letters,
 * agreements.
 * <p>
 * Every document is tagged PDF/UA-1 (structure tree in reading order, {@code /Lang} from the
 * template's {@code <html lang>}, title from its {@code <title>} shown in the viewer's title bar) and
 * PDF/A-2a for the archive (fonts embedded, sRGB output intent, XMP metadata), so that a screen reader
 * can read it and it can be kept for years; the templates carry the semantics (headings, table headers
 * with scope). See docs/documents.md.
 */
@Component
public class PdfDocuments {

    private final TemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;
    /** The JDK's own sRGB profile, the output intent PDF/A asks for. */
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    PdfDocuments(TemplateEngine templates) {
        this.templates = templates;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    public byte[] render(String template, Map<String, Object> params) {
        StringOutput html = new StringOutput();
        templates.render(template, params, html);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfAConformance.PDFA_2_A);
            builder.useColorProfile(srgb);
            builder.withProducer("Partnerskap");
            builder.useFont(() -> new ByteArrayInputStream(regular), "DejaVu Sans", 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), "DejaVu Sans", 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument doc = renderer.createPDFKeepOpen()) {
                // a classic cross-reference table: PDFBox's compressed xref stream leaves itself out of its
                // /Index, so the trailer's /Size is one more than the objects it lists (qpdf --check warns)
                doc.save(out, CompressParameters.NO_COMPRESSION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Drops what XML 1.0 cannot carry (control characters), which would stop the renderer. */
    public static String safe(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static byte[] font(String path) {
        try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

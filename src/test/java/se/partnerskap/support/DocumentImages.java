package se.partnerskap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes the pages of a PDF a test produced as PNG images for the documentation, only when asked:
 * {@code ./mvnw test -Dtest='DecisionLetterTest,FollowUpTest,AccessibleApplicationPdfTest' -DdocumentImages=docs/images} (see
 * {@code docs/documents.md}). Without the property it does nothing.
 */
public final class DocumentImages {

    private DocumentImages() {
    }

    public static void write(byte[] pdf, String name) {
        String dir = System.getProperty("documentImages");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Path target = Path.of(dir);
            Files.createDirectories(target);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                ImageIO.write(renderer.renderImageWithDPI(page, 80), "png",
                        target.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

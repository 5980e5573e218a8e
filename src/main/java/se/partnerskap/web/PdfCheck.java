package se.partnerskap.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Whether uploaded bytes are a PDF we are willing to keep and show to others (application attachments,
 * report attachments, newsroom publications): by content, not by name. First a light look (the header
 * {@code %PDF-1.x}/{@code %PDF-2.0}, a {@code startxref} pointing inside the file and {@code %%EOF} at
 * the end), then a parse with PDFBox (3.0, on the classpath through openhtmltopdf-pdfbox). Refused:
 * encrypted files (nobody else can open them, and they hide their content from this check), files
 * PDFBox cannot read, and files that can act when opened: JavaScript anywhere (document open action and
 * additional actions, page, annotation and form-field actions, the JavaScript name tree), launch
 * actions, and embedded files (the EmbeddedFiles name tree, file specifications with an embedded
 * stream, file attachment annotations).
 * <p>
 * Every object of the file is looked at, not only those reachable from the catalogue, so that an action
 * cannot hide in a place this check does not walk.
 */
public final class PdfCheck {

    /** Why a file is refused; {@link #messageKey()} is the translated field message. */
    public enum Refusal {
        NOT_PDF, UNREADABLE, ENCRYPTED, JAVASCRIPT, LAUNCH, EMBEDDED_FILE;

        /** {@code pdf.refused.notPdf}, {@code pdf.refused.embeddedFile}, ... in i18n/messages. */
        public String messageKey() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder key = new StringBuilder("pdf.refused.").append(words[0]);
            for (int i = 1; i < words.length; i++) {
                key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return key.toString();
        }
    }

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    /** Deeper than any real PDF nests direct objects; a file nesting deeper is not read. */
    private static final int MAX_DEPTH = 64;
    /** Streams PDFBox decodes while parsing are held in memory up to this, then the file is not read. */
    private static final MemoryUsageSetting DECODED_LIMIT = MemoryUsageSetting.setupMainMemoryOnly(64L * 1024 * 1024);

    private PdfCheck() {
    }

    public static boolean isPdf(byte[] content) {
        return refusal(content).isEmpty();
    }

    /** Empty when {@code content} is a readable, unencrypted PDF without scripts, launch actions or embedded files. */
    public static Optional<Refusal> refusal(byte[] content) {
        if (content == null || content.length < 8
                || !new String(content, 0, 8, StandardCharsets.ISO_8859_1).matches("%PDF-[12]\\.\\d.*")) {
            return Optional.of(Refusal.NOT_PDF);
        }
        if (!complete(content)) {
            return Optional.of(Refusal.UNREADABLE);
        }
        try (PDDocument document = Loader.loadPDF(content, "", null, null, DECODED_LIMIT.streamCache)) {
            if (document.isEncrypted()) {
                return Optional.of(Refusal.ENCRYPTED);
            }
            if (document.getNumberOfPages() < 1) {
                return Optional.of(Refusal.UNREADABLE);
            }
            for (PDPage page : document.getPages()) {
                page.getMediaBox(); // walks the whole page tree: a broken one throws here
            }
            return scan(document.getDocument());
        } catch (InvalidPasswordException e) {
            return Optional.of(Refusal.ENCRYPTED);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Optional.of(Refusal.UNREADABLE);
        }
    }

    /** The cross-reference pointer and end-of-file marker of a file that was not cut off. */
    private static boolean complete(byte[] content) {
        int tailLength = Math.min(content.length, 2048);
        String tail = new String(content, content.length - tailLength, tailLength, StandardCharsets.ISO_8859_1);
        int startxref = tail.lastIndexOf("startxref");
        int eof = tail.lastIndexOf("%%EOF");
        if (startxref < 0 || eof < startxref) {
            return false;
        }
        String offset = tail.substring(startxref + "startxref".length(), eof).strip();
        if (!offset.matches("\\d{1,12}")) {
            return false;
        }
        long xref = Long.parseLong(offset);
        return xref > 0 && xref < content.length;
    }

    private static Optional<Refusal> scan(COSDocument cos) {
        Optional<Refusal> found = inspect(cos.getTrailer(), 0);
        for (COSObjectKey key : cos.getXrefTable().keySet()) {
            if (found.isPresent()) {
                return found;
            }
            COSObject object = cos.getObjectFromPool(key);
            found = inspect(object == null ? null : object.getObject(), 0);
        }
        return found;
    }

    /** One object and the direct objects inside it (indirect ones are scanned on their own). */
    private static Optional<Refusal> inspect(COSBase base, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.of(Refusal.UNREADABLE);
        }
        if (base instanceof COSDictionary dict) {
            COSName action = dict.getCOSName(COSName.S);
            if (JAVASCRIPT.equals(action) || dict.containsKey(JS) || dict.containsKey(JAVASCRIPT)) {
                return Optional.of(Refusal.JAVASCRIPT);
            }
            if (LAUNCH.equals(action)) {
                return Optional.of(Refusal.LAUNCH);
            }
            if (COSName.EMBEDDED_FILE.equals(dict.getCOSName(COSName.TYPE)) || dict.containsKey(COSName.EF)
                    || dict.containsKey(EMBEDDED_FILES) || FILE_ATTACHMENT.equals(dict.getCOSName(COSName.SUBTYPE))) {
                return Optional.of(Refusal.EMBEDDED_FILE);
            }
            for (COSBase value : dict.getValues()) {
                Optional<Refusal> found = value instanceof COSObject ? Optional.empty() : inspect(value, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase value = array.get(i);
                Optional<Refusal> found = value instanceof COSObject ? Optional.empty() : inspect(value, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}

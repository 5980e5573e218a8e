package se.partnerskap.web;

import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are a PDF, by content, not by name: the header {@code %PDF-1.x}/{@code %PDF-2.0} at the
 * start, a cross-reference pointer ({@code startxref}) and the end-of-file marker {@code %%EOF} near
 * the end. A light parse without a PDF library: it refuses renamed files and truncated uploads. Used for
 * every PDF upload (application attachments, report attachments, publications).
 */
public final class PdfCheck {

    private PdfCheck() {
    }

    public static boolean isPdf(byte[] content) {
        if (content == null || content.length < 32) {
            return false;
        }
        String head = new String(content, 0, 8, StandardCharsets.ISO_8859_1);
        if (!head.matches("%PDF-[12]\\.\\d.*")) {
            return false;
        }
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
}

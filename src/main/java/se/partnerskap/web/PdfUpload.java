package se.partnerskap.web;

import java.util.Optional;

import se.partnerskap.shared.Sha256;

/**
 * A PDF someone uploads to keep with a case (an application's or a report's attachment), checked once for
 * every place that takes one: not empty, at most {@link #MAX_BYTES}, a PDF by its content ({@link PdfCheck}),
 * and a file name that is safe to show and to send back in a header. {@link #of} refuses a file with the
 * reason, which each form turns into its own message ({@link Refused#messageKey}).
 *
 * @param fileName the name to show: control characters and path separators replaced, at most 255
 *        characters, {@value #UNNAMED} when none was given
 * @param content the file
 * @param sha256 its SHA-256 in hex, kept with it and audited
 */
public record PdfUpload(String fileName, byte[] content, String sha256) {

    /** The largest file taken: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The most files one application or report holds. */
    public static final int MAX_FILES = 20;
    /** The name of a file that came without one. */
    public static final String UNNAMED = "bilaga.pdf";

    /** Why a file is refused. */
    public enum Reason {
        EMPTY("empty"), TOO_LARGE("tooLarge"), NOT_PDF("notPdf"), TOO_MANY("tooMany");

        private final String key;

        Reason(String key) {
            this.key = key;
        }
    }

    /** A refused file: one of {@link Reason}, or what {@link PdfCheck} found inside a PDF. */
    public static final class Refused extends RuntimeException {
        private final Reason reason;
        private final PdfCheck.Refusal inside;

        private Refused(Reason reason, PdfCheck.Refusal inside) {
            super(reason != null ? reason.name() : inside.name());
            this.reason = reason;
            this.inside = inside;
        }

        /**
         * The form's own message for the first four reasons ({@code <prefix>.empty}, {@code .tooLarge},
         * {@code .notPdf}, {@code .tooMany}), the shared {@code pdf.refused.*} message for what was found inside
         * a PDF.
         */
        public String messageKey(String prefix) {
            return reason != null ? prefix + "." + reason.key : inside.messageKey();
        }
    }

    /** The upload, checked; {@link Refused} when it is not one we keep. */
    public static PdfUpload of(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new Refused(Reason.EMPTY, null);
        }
        if (content.length > MAX_BYTES) {
            throw new Refused(Reason.TOO_LARGE, null);
        }
        Optional<PdfCheck.Refusal> refusal = PdfCheck.refusal(content);
        if (refusal.isPresent()) {
            throw refusal.get() == PdfCheck.Refusal.NOT_PDF ? new Refused(Reason.NOT_PDF, null)
                    : new Refused(null, refusal.get());
        }
        return new PdfUpload(safeName(fileName), content, Sha256.hex(content));
    }

    /** The refusal of a file larger than {@link #MAX_BYTES}, for a form that knows the size before it reads the file. */
    public static Refused tooLarge() {
        return new Refused(Reason.TOO_LARGE, null);
    }

    /** Refuses another file where {@code kept} are kept already. */
    public static void roomFor(int kept) {
        if (kept >= MAX_FILES) {
            throw new Refused(Reason.TOO_MANY, null);
        }
    }

    /** The limit in whole megabytes, for the message. */
    public static long maxMegabytes() {
        return MAX_BYTES / (1024 * 1024);
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (name.isEmpty()) {
            return UNNAMED;
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /**
     * A stored attachment sent back to someone allowed to read it: a PDF download under its own name (UTF-8 in
     * the header), never sniffed as something else, and kept by no cache (it is one organisation's).
     */
    public static org.springframework.http.ResponseEntity<byte[]> download(String fileName, byte[] content) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}

package se.partnerskap.application.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.partnerskap.application.internal.SubmissionRecord;

/** The view models of the submission pages (public for the precompiled templates). */
public final class SubmissionViews {

    private SubmissionViews() {
    }

    /** What every submission page says about the application. */
    public record Header(UUID id, String title, String organisation, String round, String component, String deadline,
            String countdown, boolean open, String status, String reference, String base, String submitHref,
            String receiptHref, String pdfHref, String icsHref, String withdrawHref) {
    }

    /** A failed rule in the page's language, with a link to the section to change. */
    public record Reason(String text, String href) {
    }

    public record SubmitView(Header header, List<Reason> reasons, boolean declarationMissing, String key,
            String amount, Optional<SubmissionRecord> latest, String latestAt) {
    }

    public record ReceiptView(Header header, SubmissionRecord latest, String submittedAt, List<Version> versions,
            boolean withdrawn) {
    }

    public record Version(int number, String at, String by) {
    }

    public record Row(Header header, String updated) {
    }

    /** One page of "my applications": its rows, how many there are in all, the page and the number of pages. */
    public record MineView(List<Row> rows, int total, int page, int pages) {
    }

    /** Rows on one page of "my applications". */
    static final int MINE_PAGE = 50;
}

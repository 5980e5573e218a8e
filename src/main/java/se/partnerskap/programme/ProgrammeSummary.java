package se.partnerskap.programme;

/**
 * A programme as its open data lists it: who may apply ({@code organisation} or {@code person}) and where its
 * public page is in each language (null while it has none).
 */
public record ProgrammeSummary(String key, String nameSv, String nameEn, String applicantKind, String pagePathSv,
        String pagePathEn) {
}

package se.partnerskap.newsroom.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A publication as BibTeX and as RIS, for reference managers. */
public final class PublicationExport {

    private PublicationExport() {
    }

    /** A {@code @misc} entry; TeX's special characters escaped, the title's capitals kept by braces. */
    public static String bibtex(NewsItem p, String url) {
        StringBuilder b = new StringBuilder("@misc{").append(key(p)).append(",\n");
        field(b, "author", p.authors().stream().map(PublicationExport::tex).collect(Collectors.joining(" and ")));
        b.append("  title = {{").append(tex(p.title())).append("}},\n");
        if (p.publicationYear() != null) {
            field(b, "year", p.publicationYear().toString());
        }
        field(b, "abstract", tex(p.abstractText()));
        field(b, "note", tex(p.citation()));
        field(b, "language", "en".equals(p.language()) ? "english" : "swedish");
        field(b, "url", url.replace("%", "\\%").replace("#", "\\#"));
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    /** A RIS record: one tag per line, CRLF, a generic reference ({@code GEN}) ended by {@code ER}. */
    public static String ris(NewsItem p, String url) {
        StringBuilder b = new StringBuilder();
        ris(b, "TY", "GEN");
        for (String author : p.authors()) {
            ris(b, "AU", author);
        }
        ris(b, "TI", p.title());
        if (p.publicationYear() != null) {
            ris(b, "PY", p.publicationYear().toString());
        }
        ris(b, "AB", p.abstractText());
        ris(b, "N1", p.citation());
        ris(b, "LA", p.language());
        ris(b, "UR", url);
        b.append("ER  - \r\n");
        return b.toString();
    }

    /** "koelble2016local": the first author's surname, the year and the title's first word, in ASCII. */
    static String key(NewsItem p) {
        String author = p.authors().isEmpty() ? "anon" : p.authors().getFirst().split(",")[0];
        String word = List.of(p.title().split("\\s+")).stream().map(PublicationExport::ascii)
                .filter(w -> w.length() > 3).findFirst().orElse("");
        return ascii(author) + (p.publicationYear() == null ? "" : p.publicationYear()) + word;
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    private static void ris(StringBuilder b, String tag, String value) {
        if (value != null && !value.isBlank()) {
            b.append(tag).append("  - ").append(value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()).append("\r\n");
        }
    }

    /** Escapes what TeX reads as commands or groups; other characters (å, é) stay as UTF-8. */
    static String tex(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.replaceAll("\\s+", " ").strip().toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

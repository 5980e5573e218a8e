package se.partnerskap.newsroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.shared.Language;

/**
 * Full-text search over the public news items and the funded projects, ranked, with highlighted
 * snippets. Each document is matched with the query parsed in the document's own language
 * ({@code swedish} or {@code english} configuration, so both stemmers apply); the title weighs most,
 * then the lead, tags and theme, then the body. A reader sees documents in the page's language, and
 * news items in the other language that have no public translation in the page's language.
 */
@Service
@Transactional(readOnly = true)
public class SearchResults {

    /** Marks around a matching word in a snippet: control characters that no stored text holds. */
    static final char START = '\u0002';
    static final char STOP = '\u0003';

    private final JdbcClient jdbc;
    private final Clock clock;

    SearchResults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A hit: its title and snippet are safe HTML (escaped text with {@code <mark>} around matches). */
    public record Hit(String kind, String type, String language, String pathKey, String titleHtml, String snippetHtml,
            Instant datedAt) {
    }

    public record Page(List<Hit> hits, int total) {
    }

    public Page search(String query, Language lang, int offset, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new Page(List.of(), 0);
        }
        String options = "MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=\" … \"";
        List<Object[]> rows = jdbc.sql("""
                WITH q AS (SELECT websearch_to_tsquery('swedish', :q) AS sv, websearch_to_tsquery('english', :q) AS en),
                hits AS (
                  SELECT d.*, (CASE WHEN d.language = 'en' THEN q.en ELSE q.sv END) AS query,
                         (CASE WHEN d.language = 'en' THEN 'english' ELSE 'swedish' END)::regconfig AS cfg
                  FROM search_document d CROSS JOIN q
                  WHERE ((d.kind = 'project' AND d.language = :lang)
                         OR (d.kind = 'news' AND d.status = 'published' AND d.publish_at <= :now
                             AND (d.language = :lang OR NOT EXISTS (
                                   SELECT 1 FROM search_document t WHERE t.kind = 'news'
                                   AND t.translation_group = d.translation_group AND t.language = :lang
                                   AND t.status = 'published' AND t.publish_at <= :now))))
                    AND ((d.language = 'en' AND d.document @@ websearch_to_tsquery('english', :q))
                         OR (d.language <> 'en' AND d.document @@ websearch_to_tsquery('swedish', :q)))
                ),
                ranked AS (
                  SELECT h.*, ts_rank_cd(h.document, h.query, 1) AS rank, count(*) OVER () AS total FROM hits h
                  ORDER BY rank DESC, h.dated_at DESC NULLS LAST, h.ref
                  LIMIT :limit OFFSET :offset
                )
                SELECT kind, type, language, path_key,
                       ts_headline(cfg, title, query, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
                       ts_headline(cfg, CASE WHEN summary = '' THEN body ELSE summary || ' – ' || body END, query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', ' || :options),
                       dated_at, total
                FROM ranked ORDER BY rank DESC, dated_at DESC NULLS LAST, ref
                """)
                .param("q", q).param("lang", lang.code()).param("now", Timestamp.from(clock.instant()))
                .param("limit", limit).param("offset", offset).param("options", options)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getInt(8)})
                .list();
        int total = rows.isEmpty() ? (offset == 0 ? 0 : count(q, lang)) : (Integer) rows.get(0)[7];
        List<Hit> hits = rows.stream().map(r -> new Hit((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                highlighted((String) r[4]), highlighted((String) r[5]),
                r[6] == null ? null : ((Timestamp) r[6]).toInstant())).toList();
        return new Page(hits, total);
    }

    /** How many match, for a page past the last one. */
    private int count(String q, Language lang) {
        return jdbc.sql("""
                WITH q AS (SELECT websearch_to_tsquery('swedish', :q) AS sv, websearch_to_tsquery('english', :q) AS en)
                SELECT count(*) FROM search_document d CROSS JOIN q
                WHERE ((d.kind = 'project' AND d.language = :lang)
                       OR (d.kind = 'news' AND d.status = 'published' AND d.publish_at <= :now
                           AND (d.language = :lang OR NOT EXISTS (
                                 SELECT 1 FROM search_document t WHERE t.kind = 'news'
                                 AND t.translation_group = d.translation_group AND t.language = :lang
                                 AND t.status = 'published' AND t.publish_at <= :now))))
                  AND ((d.language = 'en' AND d.document @@ websearch_to_tsquery('english', :q))
                         OR (d.language <> 'en' AND d.document @@ websearch_to_tsquery('swedish', :q)))
                """).param("q", q).param("lang", lang.code()).param("now", Timestamp.from(clock.instant()))
                .query(Integer.class).single();
    }

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    /**
     * Stored text (plain text with the entities of the sanitised HTML) with the match markers, as safe
     * HTML: entities decoded, everything escaped, then the markers turned into {@code <mark>}.
     */
    static String highlighted(String marked) {
        if (marked == null) {
            return "";
        }
        String text = decode(marked);
        StringBuilder out = new StringBuilder(text.length() + 32);
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        out.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        out.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= ' ' || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }

    /** Decodes the entities a sanitiser writes; a decoded control character is dropped (it could forge a marker). */
    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int cp;
                    try {
                        cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                                : Integer.parseInt(e.substring(1));
                    } catch (NumberFormatException bad) {
                        cp = -1;
                    }
                    yield cp < 0x20 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? "" : new String(Character.toChars(cp));
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}

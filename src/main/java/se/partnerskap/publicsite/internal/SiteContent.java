package se.partnerskap.publicsite.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.shared.Language;
import se.partnerskap.web.RenderedPages;

/** The editable texts of the public pages. */
@Service
@Transactional(readOnly = true)
public class SiteContent {

    /** The region of the rendered-page cache that an edit of the site's texts empties. */
    static final String CACHE_REGION = "publicsite";
    /** Headings, paragraphs, lists, links, emphasis and line breaks; no scripts, styles or handlers. */
    static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr").toFactory());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final RenderedPages pages;

    SiteContent(JdbcClient jdbc, Clock clock, Audit audit, RenderedPages pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public List<PageSection> page(String pageKey, Language language) {
        return jdbc.sql("""
                SELECT page_key, section_key, language, position, heading, body_html, version, updated_at, updated_by
                FROM page_section WHERE page_key = ? AND language = ? ORDER BY position
                """).params(pageKey, language.code()).query(PageSection.class).list();
    }

    public List<PageSection> all() {
        return jdbc.sql("""
                SELECT page_key, section_key, language, position, heading, body_html, version, updated_at, updated_by
                FROM page_section ORDER BY page_key, position, language DESC
                """).query(PageSection.class).list();
    }

    public Optional<PageSection> section(String pageKey, String sectionKey, Language language) {
        return jdbc.sql("""
                SELECT page_key, section_key, language, position, heading, body_html, version, updated_at, updated_by
                FROM page_section WHERE page_key = ? AND section_key = ? AND language = ?
                """).params(pageKey, sectionKey, language.code()).query(PageSection.class).optional();
    }

    public static String sanitise(String html) {
        return POLICY.sanitize(html == null ? "" : html);
    }

    /**
     * Saves a section if nobody saved it since {@code expectedVersion} was read.
     *
     * @return false when someone else saved first (nothing is changed then)
     */
    @Transactional
    public boolean update(String pageKey, String sectionKey, Language language, String heading, String bodyHtml,
            int expectedVersion, String actor) {
        String clean = sanitise(bodyHtml);
        int rows = jdbc.sql("""
                UPDATE page_section SET heading = ?, body_html = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE page_key = ? AND section_key = ? AND language = ? AND version = ?
                """).params(heading.strip(), clean, Timestamp.from(clock.instant()), actor, pageKey, sectionKey,
                language.code(), expectedVersion).update();
        if (rows == 1) {
            pages.invalidate(CACHE_REGION);
            audit.record(actor, "page-section-updated", "page-section", pageKey + "/" + sectionKey + "/" + language.code(),
                    Map.of("version", expectedVersion + 1, "heading", heading.strip()));
        }
        return rows == 1;
    }
}

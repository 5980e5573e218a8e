package se.partnerskap.grant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;

/**
 * A project's public title and theme in Swedish and English, as the directory and the maps show them,
 * corrected or completed by a case officer or communicator. Each save names the version it was based on;
 * when someone else saved in between, nothing is saved (optimistic locking). Every change is audited
 * with what the texts were before.
 */
@Service
class PublicTexts {

    static final int MAX = 200;
    static final List<String> FIELDS = List.of("titleSv", "titleEn", "themeSv", "themeEn");

    /** The four texts (null when missing) and the version they are at. */
    record Texts(String titleSv, String titleEn, String themeSv, String themeEn, int version) {

        Map<String, String> values() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("titleSv", titleSv == null ? "" : titleSv);
            m.put("titleEn", titleEn == null ? "" : titleEn);
            m.put("themeSv", themeSv == null ? "" : themeSv);
            m.put("themeEn", themeEn == null ? "" : themeEn);
            return m;
        }
    }

    private final JdbcClient jdbc;
    private final Audit audit;
    private final se.partnerskap.web.RenderedPages pages;

    PublicTexts(JdbcClient jdbc, Audit audit, se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    Texts of(UUID partnershipId) {
        return jdbc.sql("SELECT title_sv, title_en, theme_sv, theme_en, texts_version FROM funded_partnership WHERE id = ?")
                .param(partnershipId)
                .query((rs, i) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .single();
    }

    /**
     * Saves the texts typed ({@code FIELDS}; blank removes a text) if they are at {@code version}.
     *
     * @throws Refused a field too long, or {@code form}: someone else saved since {@code version}
     */
    @Transactional
    void save(UUID partnershipId, Map<String, String> typed, int version, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> clean = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String v = typed.getOrDefault(field, "");
            v = v == null ? "" : v.strip().replaceAll("\\s+", " ");
            if (v.length() > MAX) {
                errors.put(field, "followup.publicTexts.error.tooLong");
            }
            clean.put(field, v.isEmpty() ? null : v);
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        Texts before = jdbc.sql("""
                SELECT title_sv, title_en, theme_sv, theme_en, texts_version FROM funded_partnership WHERE id = ? FOR UPDATE
                """).param(partnershipId)
                .query((rs, i) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .single();
        if (before.version() != version) {
            throw Refused.of("form", "followup.publicTexts.error.conflict");
        }
        jdbc.sql("""
                UPDATE funded_partnership SET title_sv = ?, title_en = ?, theme_sv = ?, theme_en = ?,
                       texts_version = texts_version + 1
                WHERE id = ? AND texts_version = ?
                """).params(clean.get("titleSv"), clean.get("titleEn"), clean.get("themeSv"), clean.get("themeEn"),
                partnershipId, version).update();
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, String> was = before.values();
        for (String field : FIELDS) {
            String now = clean.get(field) == null ? "" : clean.get(field);
            if (!now.equals(was.get(field))) {
                details.put(field + "Before", was.get(field));
                details.put(field, now);
            }
        }
        if (!details.isEmpty()) {
            pages.invalidate(se.partnerskap.grant.FundedPartnerships.PAGES_REGION); // the public pages show the titles and themes
            audit.record(actor, "project-public-texts-updated", "funded-partnership", partnershipId.toString(), details);
        }
    }
}

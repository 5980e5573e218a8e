package se.partnerskap.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A copy of the real programme (core areas, components, amount rules, applicant kinds) under a key of
 * its own, for tests whose rounds and submissions must not show up in the real programme's pages and
 * counts (submissions cannot be deleted afterwards). Its key starts with the same initials, so
 * references still read KP-.
 */
public final class TestProgramme {

    public static final String KEY = "kommunala-partnerskapstest";

    private TestProgramme() {
    }

    /** Creates the test programme if it is not there yet. */
    public static void ensure(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO programme (key, name_sv, name_en) VALUES (?, 'Kommunala partnerskap (test)', 'Municipal Partnership (test)')
                ON CONFLICT DO NOTHING
                """).param(KEY).update();
        // the letterhead and the review text of its decision letters and agreements, as the real programme's
        jdbc.sql("""
                UPDATE programme t SET funder_name_sv = p.funder_name_sv, funder_name_en = p.funder_name_en,
                    funder_address = p.funder_address, review_text_sv = p.review_text_sv, review_text_en = p.review_text_en,
                    guidelines_sv = p.guidelines_sv, guidelines_en = p.guidelines_en
                FROM programme p WHERE p.key = 'kommunala-partnerskap' AND t.key = ? AND t.funder_name_sv = ''
                """).param(KEY).update();
        copy(jdbc, "core_area", "key, position, name_sv, name_en");
        copy(jdbc, "component", "key, position, name_sv, name_en, description_sv, description_en, min_years, max_years, outside_rounds, max_partners");
        copy(jdbc, "amount_rule", "component_key, world_region, min_parties, max_sek, per_year");
        copy(jdbc, "programme_applicant_kind", "kind");
        copy(jdbc, "programme_form", "version, definition"); // filled in on the municipal partnership's form
    }

    private static void copy(JdbcClient jdbc, String table, String columns) {
        jdbc.sql("INSERT INTO " + table + " (programme_key, " + columns + ") SELECT ?, " + columns + " FROM " + table
                + " WHERE programme_key = 'kommunala-partnerskap' ON CONFLICT DO NOTHING").param(KEY).update();
    }
}

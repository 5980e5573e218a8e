package se.partnerskap.programme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.shared.Language;

/**
 * What a programme's documents say about the funder: the letterhead of its decision letters and
 * agreements, whether and how a decision can be reviewed or appealed (a funder that is an association
 * and one that is an authority say different things), and the guidelines an agreement refers to.
 * Administrators edit them; every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class DocumentTerms {

    static final int SHORT_MAX = 300;
    static final int TEXT_MAX = 4000;

    /**
     * @param organisationNumber the funder's organisation number, empty when not recorded
     * @param contact            how to reach the funder (e-mail, telephone), one line
     * @param guidelinesVersion  the version or date of the guidelines, empty for "as in force"
     */
    public record Terms(String nameSv, String nameEn, String address, String organisationNumber, String contact,
            String reviewSv, String reviewEn, String guidelinesSv, String guidelinesEn, String guidelinesVersion) {

        public String name(Language language) {
            return language.pick(nameSv, nameEn);
        }

        public String review(Language language) {
            return language.pick(reviewSv, reviewEn);
        }

        public String guidelines(Language language) {
            return language.pick(guidelinesSv, guidelinesEn);
        }

        /** The fields by the names the admin form uses. */
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("nameSv", nameSv);
            f.put("nameEn", nameEn);
            f.put("address", address);
            f.put("organisationNumber", organisationNumber);
            f.put("contact", contact);
            f.put("reviewSv", reviewSv);
            f.put("reviewEn", reviewEn);
            f.put("guidelinesSv", guidelinesSv);
            f.put("guidelinesEn", guidelinesEn);
            f.put("guidelinesVersion", guidelinesVersion);
            return f;
        }

        static Terms of(Map<String, String> f) {
            return new Terms(f.get("nameSv"), f.get("nameEn"), f.get("address"), f.get("organisationNumber"),
                    f.get("contact"), f.get("reviewSv"), f.get("reviewEn"), f.get("guidelinesSv"), f.get("guidelinesEn"),
                    f.get("guidelinesVersion"));
        }
    }

    private final JdbcClient jdbc;
    private final Audit audit;

    DocumentTerms(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<Terms> find(String programme) {
        return jdbc.sql("""
                SELECT funder_name_sv, funder_name_en, funder_address, funder_organisation_number, funder_contact,
                       review_text_sv, review_text_en, guidelines_sv, guidelines_en, guidelines_version
                FROM programme WHERE key = ?
                """).param(programme).query((rs, i) -> new Terms(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10))).optional();
    }

    public Terms of(String programme) {
        return find(programme).orElseThrow(() -> new IllegalArgumentException("No programme " + programme));
    }

    /**
     * Saves what the administrator typed, or returns the errors (message keys by field) and saves nothing.
     * The funder's name in both languages and the review text in both languages are required: a letter
     * without them would not say who decided nor what the applicant can do.
     */
    @Transactional
    public Map<String, String> update(String programme, Map<String, String> typed, String actor) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : of(programme).fields().keySet()) {
            String v = typed.getOrDefault(field, "").strip();
            values.put(field, v);
            int max = field.startsWith("review") ? TEXT_MAX : SHORT_MAX;
            if (v.length() > max) {
                errors.put(field, "documents.error.tooLong");
            }
        }
        for (String required : new String[] {"nameSv", "nameEn", "reviewSv", "reviewEn"}) {
            if (values.get(required).isEmpty()) {
                errors.put(required, "documents.error.required");
            }
        }
        if (!values.get("organisationNumber").isEmpty() && !values.get("organisationNumber").matches("\\d{6}-\\d{4}")) {
            errors.put("organisationNumber", "documents.error.organisationNumber");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Terms before = of(programme);
        Terms t = Terms.of(values);
        jdbc.sql("""
                UPDATE programme SET funder_name_sv = ?, funder_name_en = ?, funder_address = ?,
                    funder_organisation_number = ?, funder_contact = ?, review_text_sv = ?, review_text_en = ?,
                    guidelines_sv = ?, guidelines_en = ?, guidelines_version = ?
                WHERE key = ?
                """).params(t.nameSv(), t.nameEn(), t.address(), t.organisationNumber(), t.contact(), t.reviewSv(),
                t.reviewEn(), t.guidelinesSv(), t.guidelinesEn(), t.guidelinesVersion(), programme).update();
        Map<String, Object> changed = new LinkedHashMap<>();
        before.fields().forEach((k, v) -> {
            if (!v.equals(t.fields().get(k))) {
                changed.put(k, t.fields().get(k));
            }
        });
        if (!changed.isEmpty()) {
            audit.record(actor, "programme-document-terms-changed", "programme", programme, changed);
        }
        return Map.of();
    }
}

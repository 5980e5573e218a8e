package se.partnerskap.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;

/**
 * The organisation numbers (organisationsnummer) of the Swedish municipalities and regions, which the
 * reference data does not carry: an administrator records them, and the decision letter and the
 * agreement print them.
 */
@Service
public class OrganisationNumbers {

    /** A municipality or a region as the administrator's list shows it. */
    public record Row(UUID id, String kind, String name, String code, String organisationNumber) {
    }

    /** What recording a number came to: recorded (or removed, when empty), or refused with a message key. */
    public sealed interface Result {
        record Recorded(String number) implements Result {
        }

        record Invalid(String errorKey) implements Result {
        }
    }

    private final JdbcClient jdbc;
    private final Audit audit;

    OrganisationNumbers(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Municipalities and regions whose name contains {@code filter} (any case), by name. */
    @Transactional(readOnly = true)
    public List<Row> municipalitiesAndRegions(String filter) {
        String like = "%" + filter.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT id, kind, name, CASE WHEN kind = 'municipality' THEN municipality_code ELSE region_code END AS code,
                       organisation_number
                FROM swedish_organisation
                WHERE kind IN ('municipality', 'region') AND lower(name) LIKE ?
                ORDER BY name, kind
                """).param(like).query(Row.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Row> find(UUID id) {
        return jdbc.sql("""
                SELECT id, kind, name, CASE WHEN kind = 'municipality' THEN municipality_code ELSE region_code END AS code,
                       organisation_number
                FROM swedish_organisation WHERE id = ? AND kind IN ('municipality', 'region')
                """).param(id).query(Row.class).optional();
    }

    /** Records the number as typed (normalised to NNNNNN-NNNN), or removes it when empty; audited. */
    @Transactional
    public Result record(UUID id, String typed, String actor) {
        String number = typed == null ? "" : typed.strip();
        if (!number.isEmpty()) {
            Result checked = check(number);
            if (checked instanceof Result.Invalid) {
                return checked;
            }
            number = ((Result.Recorded) checked).number();
        }
        String before = jdbc.sql("SELECT organisation_number FROM swedish_organisation WHERE id = ? FOR UPDATE")
                .param(id).query((rs, i) -> rs.getString(1)).optional().orElse(null);
        String after = number.isEmpty() ? null : number;
        jdbc.sql("UPDATE swedish_organisation SET organisation_number = ? WHERE id = ?").params(after, id).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        audit.record(actor, "swedish-organisation-number-changed", "swedish_organisation", id.toString(), details);
        return new Result.Recorded(number);
    }

    /**
     * A Swedish municipality's or region's organisation number: ten digits (the hyphen after the sixth may
     * be left out), the last a Luhn check digit, the first 2 (legal form group 2, state and municipal).
     */
    static Result check(String typed) {
        String digits = typed.strip();
        if (digits.matches("\\d{6}-\\d{4}")) {
            digits = digits.replace("-", "");
        }
        if (!digits.matches("\\d{10}")) {
            return new Result.Invalid("organisations.error.format");
        }
        if (!luhn(digits)) {
            return new Result.Invalid("organisations.error.checkDigit");
        }
        if (digits.charAt(0) != '2') {
            return new Result.Invalid("organisations.error.legalForm");
        }
        return new Result.Recorded(digits.substring(0, 6) + "-" + digits.substring(6));
    }

    /** The Luhn algorithm: from the left, every other digit doubled (from the first), the digit sum a multiple of ten. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}

package se.partnerskap.programme;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a programme follows up its funded projects: how it pays (reimbursement of reported costs, or
 * advances in tranches), when the final report is due and how reports are written. Read by the grant
 * module, which must not read the programme's tables.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpTerms {

    /** A tranche of an advance-paying programme: a share of the approved budget and what makes it due. */
    public record Tranche(int position, int sharePercent, String condition) {
    }

    /**
     * @param paymentModel {@code reimbursement} or {@code tranches}
     * @param finalReportDays days after the project's end when the final report is due
     */
    public record Terms(String programme, String paymentModel, String reportLanguage, int reportVariancePercent,
            int finalReportDays, List<Tranche> tranches) {

        public boolean paysInTranches() {
            return "tranches".equals(paymentModel);
        }

        /** One payment of the whole grant once the agreement is signed (the fieldwork grant's lump sum). */
        public boolean paysAsLumpSum() {
            return paysInTranches() && tranches.size() == 1 && tranches.getFirst().sharePercent() == 100
                    && "agreement-signed".equals(tranches.getFirst().condition());
        }
    }

    private final JdbcClient jdbc;

    FollowUpTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Terms of(String programme) {
        List<Tranche> tranches = jdbc.sql("""
                SELECT position, share_percent, condition FROM programme_tranche WHERE programme_key = ? ORDER BY position
                """).param(programme).query((rs, i) -> new Tranche(rs.getInt(1), rs.getInt(2), rs.getString(3))).list();
        return jdbc.sql("""
                SELECT payment_model, report_language, report_variance_percent, final_report_days FROM programme WHERE key = ?
                """).param(programme).query((rs, i) -> new Terms(programme, rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), tranches)).optional()
                .orElseThrow(() -> new IllegalArgumentException("No programme " + programme));
    }

    /**
     * Defines a programme with its follow-up terms if it is not there yet (a demo programme that pays in
     * tranches); an existing programme is left as it is.
     */
    @Transactional
    public void define(String programme, String nameSv, String nameEn, String paymentModel, List<Tranche> tranches) {
        jdbc.sql("""
                INSERT INTO programme (key, name_sv, name_en, payment_model) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(programme, nameSv, nameEn, paymentModel).update();
        for (Tranche t : tranches) {
            jdbc.sql("""
                    INSERT INTO programme_tranche (programme_key, position, share_percent, condition) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).params(programme, t.position(), t.sharePercent(), t.condition()).update();
        }
    }
}

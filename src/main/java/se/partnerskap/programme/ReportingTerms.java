package se.partnerskap.programme;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.shared.Language;

/** How a programme's funded projects report: the language reports are written in and the variance rule. */
@Service
@Transactional(readOnly = true)
public class ReportingTerms {

    /**
     * @param language        the language reports are written in
     * @param variancePercent a line whose actual cost differs from its budget by more than this share needs
     *                        an explanation
     */
    public record Terms(Language language, int variancePercent, int finalReportDays) {
    }

    private final JdbcClient jdbc;

    ReportingTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Terms> of(String programme) {
        return jdbc.sql("SELECT report_language, report_variance_percent, final_report_days FROM programme WHERE key = ?")
                .param(programme)
                .query((rs, i) -> new Terms(Language.ofCode(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .optional();
    }
}

package se.partnerskap.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.web.PdfUpload;

/**
 * Grants to persons (the fieldwork grant), followed up here rather than as funded partnerships: the grantee accepts
 * the grant, the lump sum is then due and an officer records it paid, after the fieldwork the grantee sends a field
 * report and, once it is approved, the thesis. Each step is taken once and audited. The public list shows only
 * grantees who accepted and consented, by name, affiliation, country and title.
 */
@Service
@Transactional(readOnly = true)
public class PersonalGrants {

    public static final int REPORT_MAX = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final se.partnerskap.web.RenderedPages pages;

    PersonalGrants(JdbcClient jdbc, Clock clock, Audit audit, se.partnerskap.web.RenderedPages pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A grant as its grantee and the officers see it. */
    public record Grant(UUID applicationId, String programme, UUID roundId, UUID grantee, String granteeName,
            String reference, String title, String affiliation, String country, long amountSek, boolean listingConsent,
            Instant decidedAt, Instant acceptedAt, Instant paidAt, String paidBy, String fieldReport,
            Instant fieldReportAt, String thesisName, Instant thesisAt) {

        /** What comes next: accept, wait for the payment, write the field report, send the thesis, or nothing. */
        public String next() {
            return acceptedAt == null ? "accept" : paidAt == null ? "payment" : fieldReportAt == null ? "field-report"
                    : thesisAt == null ? "thesis" : "done";
        }
    }

    /** A grantee as the public list shows them. */
    public record Listed(String name, String affiliation, String country, String title, int year) {
    }

    /** Records a grant once (a redelivered event records nothing twice). */
    @Transactional
    public void record(NewPersonalGrant g, String actor) {
        int rows = jdbc.sql("""
                INSERT INTO personal_grant (application_id, programme_key, round_id, grantee_user_id, reference, title,
                                            affiliation, country_iso2, amount_sek, listing_consent, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id) DO NOTHING
                """).params(g.applicationId(), g.programme(), g.roundId(), g.grantee(), g.reference(), g.title(),
                g.affiliation(), g.country(), g.amountSek(), g.listingConsent(), Timestamp.from(g.decidedAt())).update();
        if (rows == 1) {
            audit.record(actor, "personal-grant.recorded", "application", g.applicationId().toString(), Map.of(
                    "amount", g.amountSek(), "grantee", g.grantee().toString()));
        }
    }

    /** The grantee's own grants, newest first. */
    public List<Grant> of(UUID grantee) {
        return jdbc.sql(SELECT + " WHERE g.grantee_user_id = ? ORDER BY g.decided_at DESC").param(grantee)
                .query(this::grant).list();
    }

    /** The grantee's grant, or empty (someone else's is not found). */
    public Optional<Grant> own(UUID applicationId, UUID grantee) {
        return jdbc.sql(SELECT + " WHERE g.application_id = ? AND g.grantee_user_id = ?").params(applicationId, grantee)
                .query(this::grant).optional();
    }

    /** Every grant of a programme, for the officers, newest first. */
    public List<Grant> all(String programme) {
        return jdbc.sql(SELECT + " WHERE g.programme_key = ? ORDER BY g.decided_at DESC, g.reference").param(programme)
                .query(this::grant).list();
    }

    public Optional<Grant> find(UUID applicationId) {
        return jdbc.sql(SELECT + " WHERE g.application_id = ?").param(applicationId).query(this::grant).optional();
    }

    /** The accepted grants of a programme whose grantees consented to be listed, newest first. */
    public List<Listed> listed(String programme) {
        return jdbc.sql("""
                SELECT u.display_name, g.affiliation, g.country_iso2, g.title, g.decided_at FROM personal_grant g
                JOIN app_user u ON u.id = g.grantee_user_id
                WHERE g.programme_key = ? AND g.listing_consent AND g.accepted_at IS NOT NULL
                ORDER BY g.decided_at DESC, u.display_name
                """).param(programme).query((rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), se.partnerskap.shared.StockholmTime.at(rs.getTimestamp(5).toInstant()).getYear())).list();
    }

    /**
     * A grant as the open data may show it: of a grantee who accepted it and consented to be listed, by name,
     * affiliation, country and title, with the amount and the day of the decision (the same for the whole round). The
     * ids are for making opaque identifiers from, never to be published as they are.
     */
    public record Published(UUID applicationId, UUID grantee, String programme, String name, String affiliation,
            String country, String title, long amountSek, Instant decidedAt, UUID roundId) {
    }

    /** The accepted grants of every programme whose grantees consented to be listed, newest first. */
    public List<Published> published() {
        return jdbc.sql("""
                SELECT g.application_id, g.grantee_user_id, g.programme_key, u.display_name, g.affiliation,
                       g.country_iso2, g.title, g.amount_sek, g.decided_at, g.round_id FROM personal_grant g
                JOIN app_user u ON u.id = g.grantee_user_id
                WHERE g.listing_consent AND g.accepted_at IS NOT NULL
                ORDER BY g.decided_at DESC, g.application_id
                """).query((rs, i) -> new Published(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getTimestamp(9).toInstant(), rs.getObject(10, UUID.class))).list();
    }

    /** Whether a step was taken now (false: taken before, or not yet possible). */
    @Transactional
    public boolean accept(UUID applicationId, UUID grantee, String actor) {
        pages.invalidate(FundedPartnerships.PAGES_REGION); // the public list of grantees shows accepted grants
        return step(jdbc.sql("""
                UPDATE personal_grant SET accepted_at = ? WHERE application_id = ? AND grantee_user_id = ? AND accepted_at IS NULL
                """).params(now(), applicationId, grantee).update(), actor, "personal-grant.accepted", applicationId, Map.of());
    }

    /** The officer records the lump sum paid; only once the grant is accepted, and once. */
    @Transactional
    public boolean paid(UUID applicationId, String actor) {
        return step(jdbc.sql("""
                UPDATE personal_grant SET paid_at = ?, paid_by = ?
                WHERE application_id = ? AND accepted_at IS NOT NULL AND paid_at IS NULL
                """).params(now(), actor, applicationId).update(), actor, "personal-grant.paid", applicationId, Map.of());
    }

    /** The grantee's field report, once the grant is paid; sent once. */
    @Transactional
    public boolean fieldReport(UUID applicationId, UUID grantee, String text, String actor) {
        return step(jdbc.sql("""
                UPDATE personal_grant SET field_report = ?, field_report_at = ?
                WHERE application_id = ? AND grantee_user_id = ? AND paid_at IS NOT NULL AND field_report_at IS NULL
                """).params(text.strip(), now(), applicationId, grantee).update(), actor, "personal-grant.field-report-sent",
                applicationId, Map.of("characters", text.strip().length()));
    }

    /** The approved thesis as a PDF, after the field report; sent once. */
    @Transactional
    public boolean thesis(UUID applicationId, UUID grantee, PdfUpload file, String actor) {
        return step(jdbc.sql("""
                UPDATE personal_grant SET thesis_name = ?, thesis_content = ?, thesis_sha256 = ?, thesis_at = ?
                WHERE application_id = ? AND grantee_user_id = ? AND field_report_at IS NOT NULL AND thesis_at IS NULL
                """).params(file.fileName(), file.content(), file.sha256(), now(), applicationId, grantee).update(), actor,
                "personal-grant.thesis-sent", applicationId, Map.of("name", file.fileName(), "sha256", file.sha256()));
    }

    /** The thesis's name and content, for the grantee and the officers. */
    public Optional<Map.Entry<String, byte[]>> thesisFile(UUID applicationId) {
        return jdbc.sql("SELECT thesis_name, thesis_content FROM personal_grant WHERE application_id = ? AND thesis_at IS NOT NULL")
                .param(applicationId).query((rs, i) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional();
    }

    private boolean step(int rows, String actor, String action, UUID applicationId, Map<String, Object> details) {
        if (rows == 1) {
            audit.record(actor, action, "application", applicationId.toString(), details);
        }
        return rows == 1;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final String SELECT = """
            SELECT g.application_id, g.programme_key, g.round_id, g.grantee_user_id, g.reference, g.title, g.affiliation,
                   g.country_iso2, g.amount_sek, g.listing_consent, g.decided_at, g.accepted_at, g.paid_at, g.paid_by,
                   g.field_report, g.field_report_at, g.thesis_name, g.thesis_at, u.display_name
            FROM personal_grant g JOIN app_user u ON u.id = g.grantee_user_id
            """;

    private Grant grant(ResultSet rs, int i) throws SQLException {
        return new Grant(rs.getObject("application_id", UUID.class), rs.getString("programme_key"),
                rs.getObject("round_id", UUID.class), rs.getObject("grantee_user_id", UUID.class),
                rs.getString("display_name"), rs.getString("reference"), rs.getString("title"), rs.getString("affiliation"),
                rs.getString("country_iso2"), rs.getLong("amount_sek"), rs.getBoolean("listing_consent"),
                at(rs, "decided_at"), at(rs, "accepted_at"), at(rs, "paid_at"), rs.getString("paid_by"),
                rs.getString("field_report"), at(rs, "field_report_at"), rs.getString("thesis_name"), at(rs, "thesis_at"));
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

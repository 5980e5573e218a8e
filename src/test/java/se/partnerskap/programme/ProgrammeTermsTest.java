package se.partnerskap.programme;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Who applies and how a grant is paid are the programme's data: the partnership and the fieldwork grant differ. */
class ProgrammeTermsTest extends AbstractIntegrationTest {

    @Autowired
    FollowUpTerms terms;

    @Autowired
    Programmes programmes;

    @Test
    void theFieldworkGrantIsForPersonsAndPaidAsALumpSumOnceTheAgreementIsSigned() {
        assertThat(programmes.forOrganisations(Programmes.MUNICIPAL_PARTNERSHIP)).isTrue();
        assertThat(programmes.forOrganisations("resestipendium")).isFalse();
        assertThat(programmes.forOrganisations("no-such-programme")).isFalse();

        FollowUpTerms.Terms fieldwork = terms.of("resestipendium");
        assertThat(fieldwork.paysAsLumpSum()).isTrue();
        assertThat(fieldwork.tranches()).containsExactly(new FollowUpTerms.Tranche(1, 100, "agreement-signed"));
        assertThat(terms.of(Programmes.MUNICIPAL_PARTNERSHIP).paysAsLumpSum()).isFalse();
    }

    @Test
    void onlyOneWholeTrancheDueAtTheAgreementIsALumpSum() {
        var halves = new FollowUpTerms.Terms("x", "tranches", "en", 10, 60, List.of(
                new FollowUpTerms.Tranche(1, 50, "agreement-signed"), new FollowUpTerms.Tranche(2, 50, "report-approved")));
        var afterReport = new FollowUpTerms.Terms("x", "tranches", "en", 10, 60, List.of(
                new FollowUpTerms.Tranche(1, 100, "final-report-approved")));
        var reimbursed = new FollowUpTerms.Terms("x", "reimbursement", "en", 10, 60, List.of());
        assertThat(halves.paysAsLumpSum()).isFalse();
        assertThat(afterReport.paysAsLumpSum()).isFalse();
        assertThat(reimbursed.paysAsLumpSum()).isFalse();
    }
}

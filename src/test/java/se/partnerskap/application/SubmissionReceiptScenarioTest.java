package se.partnerskap.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.partnerskap.application.SubmissionFixtures.DURING;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.SubmitResult;
import se.partnerskap.application.internal.Submissions;
import se.partnerskap.identity.DemoUsers;
import se.partnerskap.shared.Language;
import se.partnerskap.support.AbstractIntegrationTest;

/**
 * The event flow of a submission, as a scenario (Spring Modulith): submitting publishes
 * {@link ApplicationSubmitted} in the submitting transaction, with the reference and language of the receipt,
 * and the receipt listener sends the contact person the receipt once the transaction has committed.
 */
@EnableScenarios
class SubmissionReceiptScenarioTest extends AbstractIntegrationTest {

    @Autowired
    Applications applications;

    @Autowired
    Submissions submissions;

    private SubmissionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(jdbc, applications);
        clock.set(DURING);
    }

    @Test
    void submittingPublishesTheEventAndTheContactGetsTheReceipt(Scenario scenario) {
        UUID round = fixtures.round(null, true);
        String contact = "scenario-" + round + "@karlstad.example";
        UUID id = fixtures.complete(DemoUsers.ANNA, round, contact);
        UUID anna = fixtures.userId(DemoUsers.ANNA);

        scenario.stimulate(() -> submissions.submit(id, anna, DemoUsers.ANNA.email(), "scenario-" + id, true, Language.SV))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForEventOfType(ApplicationSubmitted.class)
                .matching(e -> e.applicationId().equals(id))
                .toArriveAndVerify((event, result) -> {
                    assertThat(result).isInstanceOf(SubmitResult.Submitted.class);
                    String reference = ((SubmitResult.Submitted) result).submission().reference();
                    assertThat(event.reference()).isEqualTo(reference);
                    assertThat(event.roundId()).isEqualTo(round);
                    assertThat(event.language()).isEqualTo("sv");
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(mailTo(contact, 1)).singleElement()
                            .satisfies(m -> assertThat(m.subject()).contains(reference));
                });
    }
}

package se.partnerskap.grant;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.grant.internal.Agreements;
import se.partnerskap.grant.internal.FollowUp;
import se.partnerskap.grant.internal.Payments;

/**
 * The follow-up's steps for other modules that record a project's history without a browser (the demo
 * data): accept and countersign its agreement, release what is due. The same rules and audit entries as
 * the pages; a refused step throws {@link IllegalStateException}.
 */
@Service
public class FollowUpActions {

    private final FollowUp followUp;
    private final Agreements agreements;
    private final Payments payments;

    FollowUpActions(FollowUp followUp, Agreements agreements, Payments payments) {
        this.followUp = followUp;
        this.agreements = agreements;
        this.payments = payments;
    }

    @Transactional
    public void acceptAgreement(String projectKey, String name, String role, String place, String user) {
        run(() -> agreements.accept(project(projectKey), new Agreements.Signature(name, role, place), user));
    }

    @Transactional
    public void countersignAgreement(String projectKey, String name, String role, String place, String officer) {
        run(() -> agreements.countersign(project(projectKey), new Agreements.Signature(name, role, place), officer));
    }

    /** Releases every payment due (not repayments) on {@code on} with {@code reference}. */
    @Transactional
    public void releaseDuePayments(String projectKey, LocalDate on, String reference, String officer) {
        FollowUp.Project p = project(projectKey);
        p.payments().stream().filter(x -> x.due() && !x.repayment())
                .forEach(x -> run(() -> payments.release(project(projectKey), x.id(), on.toString(), reference, officer)));
    }

    private FollowUp.Project project(String key) {
        return followUp.byKey(key).orElseThrow(() -> new IllegalStateException("No project " + key));
    }

    private static void run(Runnable step) {
        try {
            step.run();
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException refused) {
            throw new IllegalStateException(refused.getMessage(), refused);
        }
    }
}

package se.partnerskap.application.internal;

import java.util.UUID;

/**
 * Raised when a draft is asked to change after its round's deadline (by the server's clock): from
 * then on drafts are read-only. The web layer answers it with a page that says so (409).
 */
public class DeadlinePassedException extends RuntimeException {

    private final UUID applicationId;

    public DeadlinePassedException(UUID applicationId) {
        super("The deadline of application " + applicationId + " has passed");
        this.applicationId = applicationId;
    }

    public UUID applicationId() {
        return applicationId;
    }
}

package se.partnerskap.identity;

/** What a user may do. A user has one or more roles; an applicant also has organisations. */
public enum Role {
    APPLICANT, CASE_OFFICER, REVIEWER, COMMUNICATOR, ADMINISTRATOR;

    /** The Spring Security authority, e.g. {@code ROLE_ADMINISTRATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}

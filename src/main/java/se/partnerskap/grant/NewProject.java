package se.partnerskap.grant;

import java.util.List;
import java.util.UUID;

/**
 * What a funded partnership granted through the portal adds to become a project that is followed up
 * ({@link Projects#establish}): the application it came from, its title, the cost lines applied for
 * with the amount the decision approves for each (when not given, the grant is shared in proportion when
 * the project is established) and its contacts.
 *
 * @param years the number of project years applied for (at least one)
 */
public record NewProject(UUID applicationId, String title, int years, List<CostLine> costLines,
        List<Contact> contacts) {

    public NewProject {
        costLines = List.copyOf(costLines);
        contacts = List.copyOf(contacts);
        if (years < 1) {
            throw new IllegalArgumentException("A project lasts at least one year: " + years);
        }
        if (costLines.stream().anyMatch(l -> l.appliedSek() < 0 || l.approvedSek() != null && l.approvedSek() < 0)) {
            throw new IllegalArgumentException("A cost line is never negative");
        }
    }

    /**
     * A line of the budget applied for: category key, description, party key, amount applied for, and the
     * amount approved for it by the decision (null: share the grant in proportion).
     */
    public record CostLine(String category, String description, String party, long appliedSek, Long approvedSek) {

        public CostLine(String category, String description, String party, long appliedSek) {
            this(category, description, party, appliedSek, null);
        }
    }

    /** A contact person; {@code signatory} when known to sign for the grantee. */
    public record Contact(String name, String role, String email, String phone, boolean signatory) {
    }
}

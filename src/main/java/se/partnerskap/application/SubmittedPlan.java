package se.partnerskap.application;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a submitted application says about the project it would become: its cost lines (section
 * budget), its contacts (the applicant's contact persons and the partners' contacts) and the number of
 * years applied for (empty when not given).
 */
public record SubmittedPlan(List<CostLine> costLines, List<Contact> contacts, OptionalInt years) {

    public SubmittedPlan {
        costLines = List.copyOf(costLines);
        contacts = List.copyOf(contacts);
    }

    /** A budget line: category key (application's cost categories), description, party key, amount. */
    public record CostLine(String category, String description, String party, long amountSek) {
    }

    /** A contact person; {@code role} as typed, or the partner organisation's name for a partner's contact. */
    public record Contact(String name, String role, String email, String phone) {
    }
}

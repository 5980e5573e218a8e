package se.partnerskap.identity;

import java.util.List;
import java.util.Set;

/**
 * The invented people of the demo, one per role, at the reserved {@code .example} domain. Created on
 * startup when {@code partnerskap.demo=true}; all share the password {@link #PASSWORD}.
 */
public final class DemoUsers {

    public static final String PASSWORD = "partnerskap-demo";

    /** A demo user; {@code municipalities} and {@code regions} are the codes of its organisations. */
    public record DemoUser(String email, String name, Role role, List<String> municipalities, List<String> regions) {
        public Set<Role> roles() {
            return Set.of(role);
        }
    }

    public static final DemoUser ANNA = new DemoUser("anna.applicant@karlstad.demo.example", "Anna Lindqvist",
            Role.APPLICANT, List.of("1780"), List.of("17"));
    public static final DemoUser PER = new DemoUser("per.applicant@pitea.demo.example", "Per Nilsson",
            Role.APPLICANT, List.of("2581"), List.of());
    public static final DemoUser OLLE = new DemoUser("olle.officer@icld.demo.example", "Olle Bergström",
            Role.CASE_OFFICER, List.of(), List.of());
    public static final DemoUser RUT = new DemoUser("rut.reviewer@icld.demo.example", "Rut Åkesson",
            Role.REVIEWER, List.of(), List.of());
    public static final DemoUser KIM = new DemoUser("kim.communicator@icld.demo.example", "Kim Sandberg",
            Role.COMMUNICATOR, List.of(), List.of());
    public static final DemoUser ADA = new DemoUser("ada.admin@icld.demo.example", "Ada Holmgren",
            Role.ADMINISTRATOR, List.of(), List.of());

    /** A master's student who applies for the fieldwork grant herself: a member of no organisation. */
    public static final DemoUser SARA = new DemoUser("sara.student@student.demo.example", "Sara Ekström",
            Role.APPLICANT, List.of(), List.of());

    public static final List<DemoUser> ALL = List.of(ANNA, PER, OLLE, RUT, KIM, ADA, SARA);

    private DemoUsers() {
    }
}

package se.partnerskap.identity.internal;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import se.partnerskap.identity.Role;
import se.partnerskap.shared.Language;

/**
 * Where a person lands after logging in (when no page asked for the login): on their work, not on the
 * account page. The first role of the list decides, so a case officer who also administers lands on
 * assessment; someone with no role lands on the account page.
 */
final class Landing {

    /** A role's work, in Swedish and English. */
    private record Work(Role role, String sv, String en) {
    }

    private static final List<Work> WORK = List.of(
            new Work(Role.CASE_OFFICER, "/handlaggning", "/en/assessment"),
            new Work(Role.REVIEWER, "/granskning", "/en/reviews"),
            new Work(Role.COMMUNICATOR, "/admin/nyheter", "/en/admin/news"),
            new Work(Role.APPLICANT, "/ansokningar", "/en/applications"),
            new Work(Role.ADMINISTRATOR, "/admin/anvandare", "/en/admin/users"));

    private Landing() {
    }

    /**
     * The landing page of the person {@code authentication} names, in English when they logged in on the
     * English login page or chose English for their account ({@code accountLanguage}).
     */
    static String of(Authentication authentication, Language loginPage, Language accountLanguage) {
        Language language = loginPage == Language.EN ? Language.EN : accountLanguage;
        Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        return WORK.stream().filter(w -> held.contains(w.role().authority())).findFirst()
                .map(w -> language == Language.EN ? w.en() : w.sv())
                .orElse(language == Language.EN ? "/en/account" : "/konto");
    }
}

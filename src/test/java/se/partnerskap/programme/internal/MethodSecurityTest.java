package se.partnerskap.programme.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import se.partnerskap.support.AbstractIntegrationTest;
import se.partnerskap.web.NotFoundException;

/**
 * The controllers' {@code @Secured} roles hold by themselves, behind the filter chain's rules by address: an
 * applicant calling a round administration handler is refused before it runs; a case officer gets as far as the
 * round (here one that does not exist: not found).
 */
class MethodSecurityTest extends AbstractIntegrationTest {

    @Autowired
    RoundQuestionsAdmin questions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedInAs(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone@example.org", null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @Test
    void onlyTheRolesNamedOnTheControllerReachItsHandlers() {
        UUID noSuchRound = UUID.randomUUID();
        signedInAs("APPLICANT");
        assertThatThrownBy(() -> questions.newQuestion(noSuchRound, null, new ExtendedModelMap()))
                .isInstanceOf(AccessDeniedException.class);
        signedInAs("REVIEWER");
        assertThatThrownBy(() -> questions.newQuestion(noSuchRound, null, new ExtendedModelMap()))
                .isInstanceOf(AccessDeniedException.class);
        signedInAs("CASE_OFFICER");
        assertThatThrownBy(() -> questions.newQuestion(noSuchRound, null, new ExtendedModelMap()))
                .isInstanceOf(NotFoundException.class);
    }
}

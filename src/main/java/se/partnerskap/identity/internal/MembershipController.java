package se.partnerskap.identity.internal;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.identity.internal.IdentityViews.RequestsPage;
import se.partnerskap.web.Ui;

/**
 * Joining an organisation: my organisations and requests, and the form to ask (/konto/organisationer); the open
 * requests a member of the organisation or a case officer answers (/organisationer/forfragningar).
 */
@Controller
class MembershipController {

    private static final String CASE_OFFICER = "CASE_OFFICER";

    private final MembershipRequests requests;
    private final MembershipPages pages;

    MembershipController(MembershipRequests requests, MembershipPages pages) {
        this.requests = requests;
        this.pages = pages;
    }

    @GetMapping({"/konto/organisationer", "/en/account/organisations"})
    String mine(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.organisations(me, request.isUserInRole(CASE_OFFICER), "", "", new FormErrors()));
        return "identity/organisations";
    }

    @PostMapping({"/konto/organisationer", "/en/account/organisations"})
    String ask(Ui ui, @AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String message, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        FormErrors errors = pages.ask(me, organisation, message);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("page", pages.organisations(me, request.isUserInRole(CASE_OFFICER), organisation,
                    message, errors));
            return "identity/organisations";
        }
        redirect.addFlashAttribute("notice", "identity.notice.membershipRequested");
        return "redirect:" + ui.href("/konto/organisationer");
    }

    @GetMapping({"/organisationer/forfragningar", "/en/organisations/requests"})
    String open(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
        model.addAttribute("page", new RequestsPage(requests.openFor(me, request.isUserInRole(CASE_OFFICER))));
        return "identity/membership-requests";
    }

    @PostMapping({"/organisationer/forfragningar/{id}", "/en/organisations/requests/{id}"})
    String decide(Ui ui, @AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String decision, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<Boolean> approve = switch (decision) {
            case "approve" -> Optional.of(true);
            case "decline" -> Optional.of(false);
            default -> Optional.empty();
        };
        if (approve.isEmpty()) {
            redirect.addFlashAttribute("notice", "identity.notice.membershipChooseDecision");
            return "redirect:" + ui.href("/organisationer/forfragningar");
        }
        MembershipRequests.Decision done = requests.decide(me, request.isUserInRole(CASE_OFFICER), id, approve.get());
        redirect.addFlashAttribute("notice", done == MembershipRequests.Decision.ALREADY_DECIDED
                ? "identity.notice.membershipAlreadyDecided"
                : approve.get() ? "identity.notice.membershipApproved" : "identity.notice.membershipDeclined");
        return "redirect:" + ui.href("/organisationer/forfragningar");
    }
}

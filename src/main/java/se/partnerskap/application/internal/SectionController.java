package se.partnerskap.application.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * A draft's section forms: shown (with a save that did not arrive before the session ended, or a conflict
 * with another member's save), and a conflict settled; saving is {@link SectionSaveController}'s. Only the
 * lead organisation's members get the forms; for anyone else every address is 404.
 */
@Controller
@Secured("ROLE_APPLICANT")
class SectionController {

    private final Applications applications;
    private final PendingSaves pending;
    private final ApplicationPages pages;

    SectionController(Applications applications, PendingSaves pending, ApplicationPages pages) {
        this.applications = applications;
        this.pending = pending;
        this.pages = pages;
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"})
    String section(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @CookieValue(name = PendingSaves.COOKIE, required = false) String pendingToken, Ui ui, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Application a = applications.forReader(id, me.userId());
        Section section = a.form().ofSlug(slug).orElseThrow(NotFoundException::new);
        if (!applications.leadMember(a, me.userId())) {
            // a co-applicant reads the answers, it does not get the forms
            return "redirect:" + pages.header(a, ui).base() + "/" + (ui.en() ? "check-answers" : "granska") + "#check-" + section.key();
        }
        SectionView.ApplicationHeader header = pages.header(a, ui);
        if (!applications.sections(a).contains(section)) {
            return "redirect:" + header.base(); // the round asks no extra questions: nothing to fill in there
        }
        SectionAnswers stored = a.section(section);
        Optional<PendingSaves.Pending> restored = a.isEditable() && !section.is(Section.Kind.ATTACHMENTS)
                ? pending.take(pendingToken, request.getRequestURI(), me.userId()) : Optional.empty();
        if (pendingToken != null) {
            PendingSaves.forget(response);
        }
        if (restored.isPresent()) {
            model.addAttribute("view", pages.section(header, section, restored.get().answers(), restored.get().version(),
                    Map.of(), null, true, ui));
            return SectionView.page(section);
        }
        Optional<Answers> conflict = section.is(Section.Kind.ATTACHMENTS) ? Optional.empty()
                : applications.openConflict(a.id(), me.userId(), section, me.email());
        if (conflict.isPresent()) {
            model.addAttribute("view", pages.section(header, section, conflict.get(), stored.version(), Map.of(), stored, false, ui));
            return SectionView.page(section);
        }
        boolean check = Boolean.TRUE.equals(model.asMap().get("check"));
        Map<String, Problem> errors = check ? applications.remaining(a, section) : Map.of();
        model.addAttribute("view", pages.section(header, section, stored.answers(), stored.version(), errors, null, false, ui));
        return SectionView.page(section);
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}/konflikt", ApplicationPaths.EN + "/{id}/{slug}/conflict"})
    String keepSaved(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug, Ui ui,
            RedirectAttributes redirect) {
        Application a = applications.forMember(id, me.userId());
        Section section = a.form().ofSlug(slug).orElseThrow(NotFoundException::new);
        applications.discardConflict(a.id(), me.userId(), section, me.email());
        redirect.addFlashAttribute("notice", "application.notice.keptSaved");
        return "redirect:" + pages.header(a, ui).base() + "/" + section.slug(ui.language());
    }


}

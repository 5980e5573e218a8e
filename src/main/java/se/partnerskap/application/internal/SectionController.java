package se.partnerskap.application.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * A draft's section forms: shown (with a save that did not arrive before the session ended, or a conflict
 * with another member's save), saved by their button or autosaved by htmx, and a conflict settled. Only the
 * lead organisation's members get the forms; for anyone else every address is 404.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
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
        Application a = read(id, me);
        Section section = Section.ofSlug(slug).orElseThrow(NotFoundException::new);
        if (!applications.leadMember(a, me.userId())) {
            // a co-applicant reads the answers, it does not get the forms
            return "redirect:" + pages.header(a, ui).base() + "/" + (ui.en() ? "check-answers" : "granska") + "#check-" + section.key();
        }
        SectionView.ApplicationHeader header = pages.header(a, ui);
        if (!applications.sections(a).contains(section)) {
            return "redirect:" + header.base(); // the round asks no extra questions: nothing to fill in there
        }
        SectionAnswers stored = a.section(section);
        Optional<PendingSaves.Pending> restored = a.isEditable() && section != Section.ATTACHMENTS
                ? pending.take(pendingToken, request.getRequestURI(), me.userId()) : Optional.empty();
        if (pendingToken != null) {
            PendingSaves.forget(response);
        }
        if (restored.isPresent()) {
            model.addAttribute("view", pages.section(header, section, restored.get().answers(), restored.get().version(),
                    Map.of(), null, true, ui));
            return SectionView.page(section);
        }
        Optional<Answers> conflict = section == Section.ATTACHMENTS ? Optional.empty()
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

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"})
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Section section = Section.ofSlug(slug).filter(s -> s != Section.ATTACHMENTS).orElseThrow(NotFoundException::new);
        SectionPost post = SectionPost.of(params);
        // an autosave reads nothing before it saves: saveSection reads what authorises it in one statement
        // (docs/autosave.md, "What a save costs"); a full-form save needs the application for its form again
        Application a = htmx != null && !post.rowChange() ? null : load(id, me);
        if (a != null && (!applications.sections(a).contains(section) || !a.isEditable())) {
            throw new NotFoundException();
        }
        int version = post.version();
        RowChange change = a == null ? null : post.change(section, pages.maxPartners(a));
        Answers typed = change == null ? post.typed() : change.answers();
        SaveResult result;
        try {
            result = applications.saveSection(id, me.userId(), me.email(), section, typed, version);
        } catch (Applications.NotFound | Application.NotEditableException e) {
            throw new NotFoundException(); // not a member, no such section in its round, or submitted
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            if (htmx != null) {
                throw e; // a 5xx: static/js/autosave.js says so and tries again
            }
            // nothing was stored: the form again with what was typed, so that pressing Save again is enough
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("saveFailed", true);
            model.addAttribute("view", pages.section(pages.header(a, ui), section, typed, version, Map.of(), null, false, ui));
            return SectionView.page(section);
        }
        if (htmx != null) {
            model.addAttribute("result", result);
            model.addAttribute("version", switch (result) {
                case SaveResult.Saved s -> s.version();
                case SaveResult.Invalid i -> version;
                case SaveResult.Conflict c -> version;
            });
            model.addAttribute("at", result instanceof SaveResult.Saved s ? ApplicationPages.time(s.at()) : "");
            model.addAttribute("href", ui.href(ApplicationPaths.SV + "/" + id) + "/" + section.slug(ui.language()));
            return "application/autosave";
        }
        SectionView.ApplicationHeader header = pages.header(a, ui);
        return switch (result) {
            case SaveResult.Saved saved -> {
                String page = header.base() + "/" + section.slug(ui.language());
                if (change != null) { // back to the same form, at the row added (or the rows left)
                    redirect.addFlashAttribute("notice", change.notice());
                    yield "redirect:" + page + "#" + change.anchor();
                }
                if (saved.remaining().isEmpty()) {
                    redirect.addFlashAttribute("notice", "application.notice.saved");
                    yield "redirect:" + header.base();
                }
                // stored, but answers are missing: the form says what, and only that (no "Sparat" beside it)
                redirect.addFlashAttribute("check", true);
                yield "redirect:" + page;
            }
            case SaveResult.Invalid invalid -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", pages.section(header, section, typed, version, invalid.problems(), null, false, ui));
                yield SectionView.page(section);
            }
            case SaveResult.Conflict conflict -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("view", pages.section(header, section, conflict.refused(), conflict.current().version(),
                        Map.of(), conflict.current(), false, ui));
                yield SectionView.page(section);
            }
        };
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}/konflikt", ApplicationPaths.EN + "/{id}/{slug}/conflict"})
    String keepSaved(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug, Ui ui,
            RedirectAttributes redirect) {
        Application a = load(id, me);
        Section section = Section.ofSlug(slug).orElseThrow(NotFoundException::new);
        applications.discardConflict(a.id(), me.userId(), section, me.email());
        redirect.addFlashAttribute("notice", "application.notice.keptSaved");
        return "redirect:" + pages.header(a, ui).base() + "/" + section.slug(ui.language());
    }

    private Application load(UUID id, SignedIn me) {
        return applications.load(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    /** For reading: a member of the lead or of a co-applicant organisation. */
    private Application read(UUID id, SignedIn me) {
        return applications.readable(id, me.userId()).orElseThrow(NotFoundException::new);
    }
}

package se.partnerskap.application.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * A section saved by its button (the task list, the form again with what is missing or wrong, or a row more or
 * less) or autosaved by htmx (a status line and the new version). Only the lead organisation's members save;
 * for anyone else 404. An autosave reads nothing before it saves (docs/autosave.md, "What a save costs").
 */
@Controller
@Secured("ROLE_APPLICANT")
class SectionSaveController {

    private final Applications applications;
    private final ApplicationPages pages;

    SectionSaveController(Applications applications, ApplicationPages pages) {
        this.applications = applications;
        this.pages = pages;
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"})
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SectionPost post = SectionPost.of(params);
        // an autosave reads nothing before it saves: saveSection reads what authorises it in one statement
        // (docs/autosave.md, "What a save costs"); a full-form save needs the application for its form again
        Application a = htmx != null && !post.rowChange() ? null : applications.forMember(id, me.userId());
        Section section = a == null ? null : applications.section(a, slug)
                .filter(s -> !s.is(Section.Kind.ATTACHMENTS)).orElseThrow(NotFoundException::new);
        if (a != null && !a.isEditable()) {
            throw new NotFoundException();
        }
        int version = post.version();
        RowChange change = a == null ? null : post.change(section, pages.maxPartners(a));
        Answers typed = change == null ? post.typed() : change.answers();
        SaveResult result;
        try {
            result = applications.saveSection(id, me.userId(), me.email(), slug, typed, version);
        } catch (Applications.NotFound | Application.NotEditableException e) {
            throw new NotFoundException(); // not a member, no such section in its round, or submitted
        } catch (DataAccessException | TransactionException e) {
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
            model.addAttribute("href", ui.href(ApplicationPaths.SV + "/" + id) + "/" + slug);
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
}

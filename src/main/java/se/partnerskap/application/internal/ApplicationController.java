package se.partnerskap.application.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Problem;
import se.partnerskap.application.internal.SaveResult;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.SectionAnswers;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The applicant's drafts: the list and start form, the task list, the section forms (saved by their
 * button, autosaved by htmx), attachments and "check your answers". An application of an
 * organisation the user is not a member of is answered with 404 at every address.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
public class ApplicationController {

    private final Applications applications;
    private final PendingSaves pending;
    private final ApplicationPages pages;

    ApplicationController(Applications applications, PendingSaves pending, ApplicationPages pages) {
        this.applications = applications;
        this.pending = pending;
        this.pages = pages;
    }

    @GetMapping({ApplicationPaths.SV, ApplicationPaths.EN})
    String list(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        model.addAttribute("view", pages.list(me.userId(), ui, Map.of(), "", ""));
        return "application/list";
    }

    @PostMapping({ApplicationPaths.SV, ApplicationPaths.EN})
    String start(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String choice, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID org = parse(organisation);
        if (org == null) {
            errors.put("organisation", "application.start.error.organisation");
        }
        String[] parts = choice.split("\\|", 2);
        UUID round = parts.length == 2 ? parse(parts[0]) : null;
        if (round == null) {
            errors.put("choice", "application.start.error.choice");
        }
        if (errors.isEmpty()) {
            try {
                UUID id = applications.start(me.userId(), me.email(), org, round, parts[1]);
                redirect.addFlashAttribute("notice", "application.notice.started");
                return "redirect:" + ui.href(ApplicationPaths.SV + "/" + id);
            } catch (Applications.StartRefused refused) {
                errors.put(refused.reason().endsWith("organisation") ? "organisation" : "choice", refused.reason());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("view", pages.list(me.userId(), ui, errors, organisation, choice));
        return "application/list";
    }

    @GetMapping({ApplicationPaths.SV + "/{id}", ApplicationPaths.EN + "/{id}"})
    String overview(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        model.addAttribute("view", pages.overview(read(id, me), me.userId(), ui));
        return "application/overview";
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/granska", ApplicationPaths.EN + "/{id}/check-answers"})
    String check(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        model.addAttribute("view", pages.check(read(id, me), me.userId(), ui));
        return "application/check";
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
        boolean rowChange = params.getFirst("add") != null || params.getFirst("remove") != null;
        // an autosave reads nothing before it saves: saveSection reads what authorises it in one statement
        // (docs/autosave.md, "What a save costs"); a full-form save needs the application for its form again
        Application a = htmx != null && !rowChange ? null : load(id, me);
        if (a != null && (!applications.sections(a).contains(section) || !a.isEditable())) {
            throw new NotFoundException();
        }
        String v = params.getFirst("version");
        int version = v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
        Map<String, List<String>> fields = new LinkedHashMap<>(params);
        fields.remove("_csrf");
        fields.remove("version");
        fields.remove("add");
        fields.remove("remove");
        RowChange change = a == null ? null : RowChange.of(section, params.getFirst("add"), params.getFirst("remove"),
                new Answers(fields), pages.maxPartners(a));
        Answers typed = change == null ? new Answers(fields) : change.answers();
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

    private Application load(UUID id, SignedIn me) {
        return applications.load(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    /** For reading: a member of the lead or of a co-applicant organisation. */
    private Application read(UUID id, SignedIn me) {
        return applications.readable(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /** Touches the session so that it does not expire while someone is reading or thinking. */
    @PostMapping({ApplicationPaths.SV + "/session", ApplicationPaths.EN + "/session"})
    Object keepAlive(@RequestParam(defaultValue = "") String back,
            @RequestHeader(name = "X-Requested-With", required = false) String xhr, Ui ui,
            RedirectAttributes redirect) {
        if (xhr != null) {
            return ResponseEntity.noContent().build();
        }
        redirect.addFlashAttribute("notice", "application.notice.stillLoggedIn");
        boolean ours = back.matches("/(ansokningar|en/applications)(/[A-Za-z0-9-]{1,40}){0,2}");
        return "redirect:" + (ours ? back : ui.href(ApplicationPaths.SV));
    }
}

package se.partnerskap.application.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.Ui;

/**
 * The applicant's drafts: the list and start form, the task list and "check your answers" (the section
 * forms are {@link SectionController}'s, the attachments {@link AttachmentController}'s). An application of
 * an organisation the user is not a member of is answered with 404 at every address.
 */
@Controller
@Secured("ROLE_APPLICANT")
public class ApplicationController {

    private final Applications applications;
    private final ApplicationPages pages;

    ApplicationController(Applications applications, ApplicationPages pages) {
        this.applications = applications;
        this.pages = pages;
    }

    @GetMapping({ApplicationPaths.SV, ApplicationPaths.EN})
    String list(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        model.addAttribute("view", pages.list(me.userId(), ui, Map.of(), "", ""));
        return "application/list";
    }

    @PostMapping({ApplicationPaths.SV, ApplicationPaths.EN})
    String start(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String choice, @RequestParam(defaultValue = "false") boolean own, Ui ui,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID org = parse(organisation);
        if (org == null && !own) { // a person applying for themselves names no organisation
            errors.put("organisation", "application.start.error.organisation");
        }
        String[] parts = choice.split("\\|", 2);
        UUID round = parts.length == 2 ? parse(parts[0]) : null;
        if (round == null) {
            errors.put("choice", "application.start.error.choice");
        }
        if (errors.isEmpty()) {
            try {
                UUID id = own ? applications.startOwn(me.userId(), me.email(), round, parts[1])
                        : applications.start(me.userId(), me.email(), org, round, parts[1]);
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
        model.addAttribute("view", pages.overview(applications.forReader(id, me.userId()), me.userId(), ui));
        return "application/overview";
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/granska", ApplicationPaths.EN + "/{id}/check-answers"})
    String check(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        model.addAttribute("view", pages.check(applications.forReader(id, me.userId()), me.userId(), ui));
        return "application/check";
    }


    private static UUID parse(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
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

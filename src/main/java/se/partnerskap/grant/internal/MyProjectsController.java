package se.partnerskap.grant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.Ui;

/**
 * The grantees' side of the follow-up: "My projects" with what is due next, and a project's page with its
 * agreement to accept, reports, payments, change requests and history. A project of an organisation the
 * user is not a member of is answered with 404 at every address.
 */
@Controller
@Secured("ROLE_APPLICANT")
public class MyProjectsController {

    static final String SV = "/mina-projekt";
    static final String EN = "/en/my-projects";

    private final FollowUp followUp;
    private final ProjectPages pages;
    private final Agreements agreements;
    private final ChangeRequests changes;

    MyProjectsController(FollowUp followUp, ProjectPages pages, Agreements agreements, ChangeRequests changes) {
        this.followUp = followUp;
        this.pages = pages;
        this.agreements = agreements;
        this.changes = changes;
    }

    /** A line of "My projects": the project and what it needs next. */
    public record Row(FollowUp.Project project, FollowUp.Money money, String period, Optional<FollowUp.Report> nextReport,
            boolean nextReportOverdue, boolean agreementToAccept, long paymentsDue) {
    }

    public record ListView(List<Row> rows) {
    }

    @GetMapping({SV, EN})
    String list(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        var today = followUp.today();
        List<Row> rows = followUp.ofMember(me.userId()).stream().map(p -> new Row(p, p.money(),
                Agreements.period(p, ui.language()), p.nextReport(),
                p.nextReport().map(r -> r.overdue(today)).orElse(false), !p.agreement().accepted(),
                p.money().due())).toList();
        model.addAttribute("view", new ListView(rows));
        return "grant/followup/mine";
    }

    @GetMapping({SV + "/{key}", EN + "/{key}"})
    String project(@AuthenticationPrincipal SignedIn me, @PathVariable String key, Ui ui, Model model) {
        FollowUp.Project p = followUp.ofMember(key, me.userId());
        model.addAttribute("page", pages.page(p, false, ui, "", Map.of(), Map.of()));
        return "grant/followup/project";
    }

    @GetMapping({SV + "/{key}/avtal.pdf", EN + "/{key}/agreement.pdf", EN + "/{key}/avtal.pdf"})
    ResponseEntity<byte[]> agreement(@AuthenticationPrincipal SignedIn me, @PathVariable String key, Ui ui) {
        FollowUp.Project p = followUp.ofMember(key, me.userId());
        return pdf(agreements.pdf(p, ui.language()), agreements.fileName(p));
    }

    /** The agreement inline, named by the application's reference number ({@code avtal-KP-2026-0042.pdf}). */
    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName).build().toString())
                .body(bytes);
    }

    @PostMapping({SV + "/{key}/avtal", EN + "/{key}/agreement", EN + "/{key}/avtal"})
    String accept(@AuthenticationPrincipal SignedIn me, @PathVariable String key,
            @RequestParam(defaultValue = "") String signatoryName, @RequestParam(defaultValue = "") String signatoryRole,
            @RequestParam(defaultValue = "") String signatoryPlace,
            Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = followUp.ofMember(key, me.userId());
        try {
            agreements.accept(p, new Agreements.Signature(signatoryName, signatoryRole, signatoryPlace), me.email());
        } catch (Refused refused) {
            return refused(p, "agreement", refused, Map.of("signatoryName", signatoryName, "signatoryRole", signatoryRole,
                    "signatoryPlace", signatoryPlace), ui, model, response);
        }
        redirect.addFlashAttribute("notice", "followup.notice.accepted");
        return "redirect:" + ui.href(SV + "/" + key);
    }

    @PostMapping({SV + "/{key}/andringar", EN + "/{key}/change-requests", EN + "/{key}/andringar"})
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable String key,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String newEndsOn,
            @RequestParam(defaultValue = "") String fromLine, @RequestParam(defaultValue = "") String toLine,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason,
            Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = followUp.ofMember(key, me.userId());
        try {
            changes.request(p, new ChangeRequests.Form(kind, newEndsOn, fromLine, toLine, amount, reason), me.email());
        } catch (Refused refused) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("kind", kind);
            values.put("newEndsOn", newEndsOn);
            values.put("fromLine", fromLine);
            values.put("toLine", toLine);
            values.put("amount", amount);
            values.put("reason", reason);
            return refused(p, "change", refused, values, ui, model, response);
        }
        redirect.addFlashAttribute("notice", "followup.notice.changeRequested");
        return "redirect:" + ui.href(SV + "/" + key);
    }

    private String refused(FollowUp.Project p, String form, Refused refused, Map<String, String> values, Ui ui,
            Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", pages.page(p, false, ui, form, refused.errors(), values));
        return "grant/followup/project";
    }
}

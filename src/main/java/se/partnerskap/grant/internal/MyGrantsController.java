package se.partnerskap.grant.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.grant.PersonalGrants;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * A grantee's own grants to persons (the fieldwork grant): accept, then, once paid, the field report and the thesis.
 * Another person's grant is not found (404), whatever the address.
 */
@Controller
@Secured("ROLE_APPLICANT")
class MyGrantsController {

    private final PersonalGrants grants;
    private final PersonalGrantPages pages;

    MyGrantsController(PersonalGrants grants, PersonalGrantPages pages) {
        this.grants = grants;
        this.pages = pages;
    }

    @GetMapping({"/mina-stipendier", "/en/my-grants"})
    String mine(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        model.addAttribute("view", pages.mine(me.userId(), ui, Map.of()));
        return "grant/my-grants";
    }

    @PostMapping({"/mina-stipendier/{id}/tacka-ja", "/en/my-grants/{id}/accept"})
    String accept(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, RedirectAttributes redirect) {
        pages.own(id, me.userId());
        redirect.addFlashAttribute("notice", grants.accept(id, me.userId(), me.email())
                ? "personalGrant.notice.accepted" : "personalGrant.notice.already");
        return "redirect:" + ui.href("/mina-stipendier");
    }

    @PostMapping({"/mina-stipendier/{id}/faltrapport", "/en/my-grants/{id}/field-report"})
    String fieldReport(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String report, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        pages.own(id, me.userId());
        String problem = report.isBlank() ? "personalGrant.error.report.missing"
                : report.strip().length() > PersonalGrants.REPORT_MAX ? "personalGrant.error.report.tooLong" : null;
        if (problem != null) {
            response.setStatus(422);
            model.addAttribute("view", pages.mine(me.userId(), ui, Map.of(id, new String[] {report, problem})));
            return "grant/my-grants";
        }
        redirect.addFlashAttribute("notice", grants.fieldReport(id, me.userId(), report, me.email())
                ? "personalGrant.notice.reported" : "personalGrant.notice.already");
        return "redirect:" + ui.href("/mina-stipendier");
    }

    @PostMapping({"/mina-stipendier/{id}/uppsats", "/en/my-grants/{id}/thesis"})
    String thesis(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        pages.own(id, me.userId());
        try {
            PdfUpload upload = PdfUpload.of(file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("notice", grants.thesis(id, me.userId(), upload, me.email())
                    ? "personalGrant.notice.thesis" : "personalGrant.notice.already");
            return "redirect:" + ui.href("/mina-stipendier");
        } catch (PdfUpload.Refused refused) {
            response.setStatus(422);
            model.addAttribute("view", pages.mine(me.userId(), ui, Map.of(id, new String[] {"",
                    refused.messageKey("application.attachments.error")})));
            return "grant/my-grants";
        }
    }

    @GetMapping({"/mina-stipendier/{id}/uppsats.pdf", "/en/my-grants/{id}/thesis.pdf"})
    ResponseEntity<byte[]> thesisFile(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
        pages.own(id, me.userId());
        var file = grants.thesisFile(id).orElseThrow(NotFoundException::new);
        return PdfUpload.download(file.getKey(), file.getValue());
    }
}

package se.partnerskap.grant.internal;

import java.security.Principal;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.grant.PersonalGrants;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/** The case officers' list of grants to persons: who accepted, recording the lump sum paid, reports and theses. */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class PersonalGrantsController {

    private final PersonalGrants grants;
    private final PersonalGrantPages pages;

    PersonalGrantsController(PersonalGrants grants, PersonalGrantPages pages) {
        this.grants = grants;
        this.pages = pages;
    }

    @GetMapping({"/uppfoljning/stipendier", "/en/follow-up/grants"})
    String list(Ui ui, Model model) {
        model.addAttribute("view", pages.officers(ui));
        return "grant/personal-grants";
    }

    @PostMapping({"/uppfoljning/stipendier/{id}/utbetald", "/en/follow-up/grants/{id}/paid"})
    String paid(@PathVariable UUID id, Principal principal, Ui ui, RedirectAttributes redirect) {
        grants.find(id).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("notice", grants.paid(id, principal.getName())
                ? "personalGrant.notice.paid" : "personalGrant.notice.notPayable");
        return "redirect:" + ui.href("/uppfoljning/stipendier");
    }

    @GetMapping({"/uppfoljning/stipendier/{id}/uppsats.pdf", "/en/follow-up/grants/{id}/thesis.pdf"})
    ResponseEntity<byte[]> thesis(@PathVariable UUID id) {
        var file = grants.thesisFile(id).orElseThrow(NotFoundException::new);
        return PdfUpload.download(file.getKey(), file.getValue());
    }
}

package se.partnerskap.application.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * A draft's attachments (the section "Bilagor"/"Attachments"): upload, download and removal, by a member of
 * the lead organisation while the application can be changed. Anyone else gets 404.
 */
@Controller
@Secured("ROLE_APPLICANT")
class AttachmentController {

    private final Applications applications;
    private final ApplicationPages pages;

    AttachmentController(Applications applications, ApplicationPages pages) {
        this.applications = applications;
        this.pages = pages;
    }

    @PostMapping(path = {ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        Application a = applications.forMember(id, me.userId());
        Section section = attachments(a, slug);
        if (!a.isEditable()) {
            throw new NotFoundException();
        }
        SectionView.ApplicationHeader header = pages.header(a, ui);
        String back = header.base() + "/" + section.slug(ui.language());
        try {
            if (file != null && file.getSize() > PdfUpload.MAX_BYTES) {
                throw new Applications.AttachmentRefused("application.attachments.error.tooLarge");
            }
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            applications.attach(a.id(), me.userId(), me.email(), file == null ? null : file.getOriginalFilename(), bytes);
            redirect.addFlashAttribute("notice", "application.notice.attached");
            return "redirect:" + back;
        } catch (Applications.AttachmentRefused refused) {
            int status = refused.reason().endsWith("tooLarge") ? 413 : 422;
            response.setStatus(status);
            model.addAttribute("view", pages.section(header, section, Answers.EMPTY, 0,
                    Map.of("file", Problem.of(refused.reason(), PdfUpload.maxMegabytes())),
                    null, false, ui));
            return SectionView.page(section);
        }
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/{slug}/{attachment}", ApplicationPaths.EN + "/{id}/{slug}/{attachment}"})
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @PathVariable String slug, @PathVariable UUID attachment) {
        attachments(applications.forReader(id, me.userId()), slug);
        var file = applications.attachment(id, me.userId(), attachment).orElseThrow(NotFoundException::new);
        return PdfUpload.download(file.info().fileName(), file.content());
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}/{attachment}/ta-bort",
            ApplicationPaths.EN + "/{id}/{slug}/{attachment}/remove"})
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @PathVariable UUID attachment, Ui ui, RedirectAttributes redirect) {
        Application a = applications.forMember(id, me.userId());
        Section section = attachments(a, slug);
        if (!a.isEditable()) {
            throw new NotFoundException();
        }
        try {
            applications.removeAttachment(a.id(), me.userId(), me.email(), attachment);
        } catch (Applications.NotFound e) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("notice", "application.notice.removed");
        return "redirect:" + pages.header(a, ui).base() + "/" + section.slug(ui.language());
    }

    /** The attachments section of the application's form the address names; anything else is not found. */
    private Section attachments(Application a, String slug) {
        return a.form().ofSlug(slug).filter(s -> s.is(Section.Kind.ATTACHMENTS)).orElseThrow(NotFoundException::new);
    }
}

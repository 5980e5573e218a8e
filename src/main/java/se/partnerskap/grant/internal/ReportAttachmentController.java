package se.partnerskap.grant.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * A report's attachments, for the grantee: added (PDF only, within the size limit), downloaded and removed
 * while the report can be edited. Only members of the project's organisation reach them; for anyone else
 * every address is 404.
 */
@Controller
@Secured("ROLE_APPLICANT")
class ReportAttachmentController {

    private static final String SV = ReportController.SV;
    private static final String EN = ReportController.EN;
    private static final String EN_SV = ReportController.EN_SV;

    private final Reports reports;
    private final ReportPages pages;

    ReportAttachmentController(Reports reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @PostMapping(path = {SV + "/bilagor", EN + "/attachments", EN_SV + "/bilagor"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            @RequestParam(name = "file", required = false) MultipartFile file, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        Report report = load(me, projectKey, reportId);
        try {
            if (file != null && file.getSize() > PdfUpload.MAX_BYTES) {
                throw new Reports.ReportRefused("report.attachments.error.tooLarge");
            }
            reports.attach(report, me.email(), file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("notice", "report.notice.attached");
            return "redirect:" + ReportController.base(report, ui) + "#attachments";
        } catch (Reports.ReportRefused refused) {
            boolean state = refused.reason().equals("report.error.notEditable");
            response.setStatus(state ? HttpStatus.CONFLICT.value()
                    : refused.reason().endsWith("tooLarge") ? HttpStatus.CONTENT_TOO_LARGE.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            Report current = reports.find(report.id()).orElseThrow();
            model.addAttribute("view", pages.granteeForm(current, current.answers(), current.version(),
                    Map.of(state ? "status" : "file", ReportProblem.of(refused.reason(), PdfUpload.maxMegabytes())), null, false, ui));
            return "grant/reports/form";
        }
    }

    @GetMapping({SV + "/bilagor/{attachment}", EN + "/attachments/{attachment}", EN_SV + "/bilagor/{attachment}"})
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey,
            @PathVariable UUID reportId, @PathVariable UUID attachment) {
        Report report = load(me, projectKey, reportId);
        Reports.AttachmentFile file = reports.attachment(report.id(), attachment).orElseThrow(NotFoundException::new);
        return PdfUpload.download(file.fileName(), file.content());
    }


    @PostMapping({SV + "/bilagor/{attachment}/ta-bort", EN + "/attachments/{attachment}/remove",
            EN_SV + "/bilagor/{attachment}/ta-bort"})
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            @PathVariable UUID attachment, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Report report = load(me, projectKey, reportId);
        try {
            if (!reports.removeAttachment(report, me.email(), attachment)) {
                throw new NotFoundException();
            }
        } catch (Reports.ReportRefused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("view", pages.granteeForm(report, report.answers(), report.version(),
                    Map.of("status", ReportProblem.of(refused.reason())), null, false, ui));
            return "grant/reports/form";
        }
        redirect.addFlashAttribute("notice", "report.notice.removed");
        return "redirect:" + ReportController.base(report, ui) + "#attachments";
    }

    private Report load(SignedIn me, String projectKey, UUID reportId) {
        return reports.forMember(projectKey, reportId, me.userId());
    }
}

package se.partnerskap.application.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * A submitted application's files for its organisation: the PDF copy of what was submitted (named by its
 * reference) and the round's deadline as an iCalendar event. 404 to anyone outside the organisation.
 */
@Controller
@Secured("ROLE_APPLICANT")
class SubmissionFilesController {

    private final Submissions submissions;
    private final Applications applications;
    private final SubmissionPages pages;

    SubmissionFilesController(Submissions submissions, Applications applications, SubmissionPages pages) {
        this.submissions = submissions;
        this.applications = applications;
        this.pages = pages;
    }

    @GetMapping({"/ansokningar/{id}/kvitto.pdf", "/ansokningar/{id}/receipt.pdf", "/en/applications/{id}/receipt.pdf",
            "/en/applications/{id}/kvitto.pdf"})
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
        byte[] pdf = submissions.pdf(id, me.userId()).orElse(null);
        SubmissionRecord latest = pdf == null ? null : submissions.latest(id, me.userId()).orElse(null);
        if (latest == null) {
            throw new NotFoundException();
        }
        return PdfUpload.download(latest.reference() + ".pdf", pdf);
    }

    @GetMapping({"/ansokningar/{id}/deadline.ics", "/en/applications/{id}/deadline.ics"})
    ResponseEntity<byte[]> calendar(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui) {
        Application a = applications.forMember(id, me.userId());
        SubmissionPages.Calendar ics = pages.calendar(a, ui).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ics.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(ics.text().getBytes(StandardCharsets.UTF_8));
    }
}

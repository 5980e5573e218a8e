package se.partnerskap.assessment.internal;

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
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.grant.ApplicantProjects;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.shared.Language;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The decision letter (once the round is published) and the agreement (once there is one, as signed once
 * countersigned) for the members of the applicant organisation and of its co-applicants, from the
 * applicant's page of the application. Anyone else gets 404, whether or not the document exists.
 */
@Controller
@Secured("ROLE_APPLICANT")
class ApplicantDocumentsController {

    private final SubmittedApplications applications;
    private final ApplicantOutcomes outcomes;
    private final DecisionLetters letters;
    private final ApplicantProjects projects;

    ApplicantDocumentsController(SubmittedApplications applications, ApplicantOutcomes outcomes,
            DecisionLetters letters, ApplicantProjects projects) {
        this.applications = applications;
        this.outcomes = outcomes;
        this.letters = letters;
        this.projects = projects;
    }

    @GetMapping({"/ansokningar/{id}/beslutsbrev.pdf", "/en/applications/{id}/beslutsbrev.pdf"})
    ResponseEntity<byte[]> letter(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
        SubmittedApplication a = readable(id, me);
        Decisions.Decision d = outcomes.published(a).orElseThrow(NotFoundException::new);
        byte[] pdf = letters.render(letters.letter(a, d));
        return pdf(pdf, a.reference() + "-" + (Language.ofCode(a.language()) == Language.EN ? "decision" : "beslut"));
    }

    @GetMapping({"/ansokningar/{id}/avtal.pdf", "/en/applications/{id}/avtal.pdf"})
    ResponseEntity<byte[]> agreement(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui) {
        SubmittedApplication a = readable(id, me);
        // the agreement follows the published decision: nothing of a project shows before the applicant is told
        outcomes.published(a).orElseThrow(NotFoundException::new);
        byte[] pdf = projects.agreement(a.id(), ui.language()).orElseThrow(NotFoundException::new);
        return pdf(pdf, a.reference() + "-" + (ui.language() == Language.EN ? "agreement" : "avtal"));
    }

    private SubmittedApplication readable(UUID id, SignedIn me) {
        return applications.readableBy(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name.replaceAll("[^A-Za-z0-9-]", "-") + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }
}

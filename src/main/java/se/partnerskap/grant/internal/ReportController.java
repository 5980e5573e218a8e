package se.partnerskap.grant.internal;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The grantee's report form: the narrative and the financial statement against the approved budget,
 * saved by its button or autosaved by htmx, then submitted (its attachments are
 * {@link ReportAttachmentController}'s). Only members of the
 * project's organisation see it; for anyone else every address of it is 404.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class ReportController {

    static final String SV = "/mina-projekt/{projectKey}/redovisningar/{reportId}";
    static final String EN = "/en/my-projects/{projectKey}/reports/{reportId}";
    /** The English address with the Swedish word, as given out before the words were translated. */
    static final String EN_SV = "/en/my-projects/{projectKey}/redovisningar/{reportId}";

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Reports reports;
    private final ReportPages pages;

    ReportController(Reports reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @GetMapping({SV, EN, EN_SV})
    String form(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            Ui ui, Model model) {
        Report report = load(me, projectKey, reportId);
        Optional<Map<String, String>> refused = report.editable() ? reports.openConflict(report.id(), me.email())
                : Optional.empty();
        if (refused.isPresent()) {
            model.addAttribute("view", pages.granteeForm(report, refused.get(), report.version(), Map.of(), report, true, ui));
        } else {
            boolean check = Boolean.TRUE.equals(model.asMap().get("check"));
            Map<String, ReportProblem> errors = check ? ReportRules.check(report, report.answers(),
                    reports.terms(report).reportVariancePercent()).all() : Map.of();
            model.addAttribute("view", pages.granteeForm(report, report.answers(), report.version(), errors, null, false, ui));
        }
        return "grant/reports/form";
    }

    @PostMapping(path = {SV, EN, EN_SV}, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Report report = load(me, projectKey, reportId);
        String v = params.getFirst("version");
        int version = v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((k, values) -> typed.put(k, values.isEmpty() ? "" : values.getFirst()));
        boolean submit = "submit".equals(params.getFirst("action")) && htmx == null;
        Reports.SaveResult result;
        try {
            result = submit ? reports.submit(report, me.email(), typed, version, ui.language())
                    : reports.save(report, me.email(), typed, version);
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            if (htmx != null) {
                throw e; // a 5xx: static/js/autosave.js says so and tries again
            }
            // nothing was stored: the form again with what was typed, so that pressing the button again is enough
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("saveFailed", true);
            model.addAttribute("view", pages.granteeForm(report, ReportRules.only(report, typed), version, Map.of(), null, false, ui));
            return "grant/reports/form";
        } catch (Reports.ReportRefused refused) {
            if (htmx != null) {
                return autosaved(model, "refused", version, "", base(report, ui));
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            Report current = reports.find(report.id()).orElseThrow();
            model.addAttribute("view", pages.granteeForm(current, current.answers(), current.version(),
                    Map.of("status", ReportProblem.of(refused.reason())), null, false, ui));
            return "grant/reports/form";
        }
        Map<String, String> answers = ReportRules.only(report, typed);
        if (htmx != null) {
            return switch (result) {
                case Reports.SaveResult.Saved s -> autosaved(model, "saved", s.version(),
                        StockholmTime.at(s.at()).format(HOUR_MINUTE), base(report, ui));
                case Reports.SaveResult.Conflict c -> autosaved(model, "conflict", version, "", base(report, ui));
                default -> autosaved(model, "invalid", version, "", base(report, ui));
            };
        }
        return switch (result) {
            case Reports.SaveResult.Saved saved -> {
                if (submit) {
                    yield "redirect:" + href(report, ui, "/kvitto");
                }
                redirect.addFlashAttribute("notice", "report.notice.saved");
                yield "redirect:" + base(report, ui);
            }
            case Reports.SaveResult.Invalid invalid -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", pages.granteeForm(report, answers, version, invalid.problems(), null, false, ui));
                yield "grant/reports/form";
            }
            case Reports.SaveResult.Refused refused -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", pages.granteeForm(report, answers, version, refused.problems(), null, false, ui));
                yield "grant/reports/form";
            }
            case Reports.SaveResult.Conflict conflict -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("view", pages.granteeForm(conflict.current(), conflict.refused(), conflict.current().version(),
                        Map.of(), conflict.current(), false, ui));
                yield "grant/reports/form";
            }
        };
    }

    @PostMapping({SV + "/konflikt", EN + "/conflict", EN_SV + "/konflikt"})
    String keepSaved(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey,
            @PathVariable UUID reportId, Ui ui, RedirectAttributes redirect) {
        Report report = load(me, projectKey, reportId);
        reports.discardConflict(report.id(), me.email());
        redirect.addFlashAttribute("notice", "report.notice.keptSaved");
        return "redirect:" + base(report, ui);
    }

    /** The confirmation after submission. */
    @GetMapping({SV + "/kvitto", EN + "/receipt", EN_SV + "/kvitto"})
    String receipt(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            Ui ui, Model model) {
        Report report = load(me, projectKey, reportId);
        if (report.submittedAt() == null || report.status() == Report.Status.NOT_STARTED
                || report.status() == Report.Status.DRAFT) {
            throw new NotFoundException();
        }
        model.addAttribute("view", pages.granteeForm(report, report.answers(), report.version(), Map.of(), null, false, ui));
        model.addAttribute("total", reports.reportedTotal(report.id()));
        return "grant/reports/receipt";
    }

    /** The autosave's answer: a status line for htmx to put in place, and the form's new version. */
    private static String autosaved(Model model, String state, int version, String at, String href) {
        model.addAttribute("state", state);
        model.addAttribute("version", version);
        model.addAttribute("at", at);
        model.addAttribute("href", href);
        return "grant/reports/autosave";
    }

    private Report load(SignedIn me, String projectKey, UUID reportId) {
        return reports.forMember(projectKey, reportId, me.userId()).orElseThrow(NotFoundException::new);
    }

    static String base(Report report, Ui ui) {
        return href(report, ui, "");
    }

    /** An address below the report's, given in Swedish words ("/kvitto"), in the page's language. */
    static String href(Report report, Ui ui, String svRest) {
        return ui.href(svBase(report) + svRest);
    }

    static String svBase(Report report) {
        return "/mina-projekt/" + report.projectKey() + "/redovisningar/" + report.id();
    }
}

package se.partnerskap.grant.internal;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/**
 * A grantee's report saved by its button (the form again, or the next page) or autosaved by htmx (a status
 * line), and submitted by its button. Only members of the project's organisation reach it; for anyone else 404.
 */
@Controller
@Secured("ROLE_APPLICANT")
class ReportSaveController {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Reports reports;
    private final ReportPages pages;

    ReportSaveController(Reports reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @PostMapping(path = {ReportController.SV, ReportController.EN, ReportController.EN_SV}, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable String projectKey, @PathVariable UUID reportId,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Report report = reports.forMember(projectKey, reportId, me.userId());
        String v = params.getFirst("version");
        int version = v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((k, values) -> typed.put(k, values.isEmpty() ? "" : values.getFirst()));
        boolean submit = "submit".equals(params.getFirst("action")) && htmx == null;
        Reports.SaveResult result;
        try {
            result = submit ? reports.submit(report, me.email(), typed, version, ui.language())
                    : reports.save(report, me.email(), typed, version);
        } catch (DataAccessException | TransactionException e) {
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
                return autosaved(model, "refused", version, "", ReportController.base(report, ui));
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
                        StockholmTime.at(s.at()).format(HOUR_MINUTE), ReportController.base(report, ui));
                case Reports.SaveResult.Conflict c -> autosaved(model, "conflict", version, "", ReportController.base(report, ui));
                default -> autosaved(model, "invalid", version, "", ReportController.base(report, ui));
            };
        }
        return switch (result) {
            case Reports.SaveResult.Saved saved -> {
                if (submit) {
                    yield "redirect:" + ReportController.href(report, ui, "/kvitto");
                }
                redirect.addFlashAttribute("notice", "report.notice.saved");
                yield "redirect:" + ReportController.base(report, ui);
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

    /** The autosave's answer: a status line for htmx to put in place, and the form's new version. */
    private static String autosaved(Model model, String state, int version, String at, String href) {
        model.addAttribute("state", state);
        model.addAttribute("version", version);
        model.addAttribute("at", at);
        model.addAttribute("href", href);
        return "grant/reports/autosave";
    }
}

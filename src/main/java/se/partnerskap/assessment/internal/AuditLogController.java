package se.partnerskap.assessment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.internal.AssessmentViews.Log;
import se.partnerskap.assessment.internal.AssessmentViews.LogRow;
import se.partnerskap.assessment.internal.AssessmentViews.Option;
import se.partnerskap.audit.AuditLog;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.Rounds;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/** The audit log for officers: every change of state with who, when and what, by round, application and user. */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class AuditLogController {

    private final AuditLog log;
    private final Rounds rounds;
    private final SubmittedApplications applications;

    AuditLogController(AuditLog log, Rounds rounds, SubmittedApplications applications) {
        this.log = log;
        this.rounds = rounds;
        this.applications = applications;
    }

    @GetMapping({"/handlaggning/logg", "/en/assessment/log"})
    String log(@RequestParam(defaultValue = "") String round, @RequestParam(defaultValue = "") String application,
            @RequestParam(defaultValue = "") String user, Ui ui, Model model) {
        List<String> subjects = List.of();
        if (!round.isBlank()) {
            try {
                subjects = applications.ofRound(UUID.fromString(round.strip())).stream()
                        .map(a -> a.id().toString()).toList();
            } catch (IllegalArgumentException notAnId) {
                subjects = List.of();
            }
        }
        List<AuditLog.Entry> entries = log.entries(new AuditLog.Filter(round.strip(), subjects, application, user));
        List<LogRow> rows = entries.stream().map(e -> new LogRow(StockholmTime.dateTime(e.occurredAt(), ui.language()),
                e.actor(), e.action(), e.subjectType() + " " + e.subjectId(), e.details())).toList();
        List<Option> roundOptions = rounds.all(Programmes.MUNICIPAL_PARTNERSHIP).stream()
                .map(r -> new Option(r.id().toString(), r.name(ui.language()), r.id().toString().equals(round.strip())))
                .toList();
        model.addAttribute("page", new Log(round, application, user, rows, entries.size() >= AuditLog.LIMIT, roundOptions));
        return "assessment/log";
    }
}

package se.partnerskap.assessment.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import se.partnerskap.platform.LongWork;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.web.Ui;

/**
 * The case officers' rounds: the list, a round's dashboard with its filters and its Excel export (the same
 * filters), and the ranking.
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class RoundDashboardController {

    private final RoundDashboard dashboard;
    private final DashboardExport export;
    private final LongWork longWork;
    private final AssessmentPages pages;

    RoundDashboardController(RoundDashboard dashboard, DashboardExport export, LongWork longWork, AssessmentPages pages) {
        this.dashboard = dashboard;
        this.export = export;
        this.longWork = longWork;
        this.pages = pages;
    }

    @GetMapping({"/handlaggning", "/en/assessment"})
    String rounds(Ui ui, Model model) {
        model.addAttribute("rounds", pages.rounds(ui));
        return "assessment/rounds";
    }

    @GetMapping({"/handlaggning/omgangar/{roundId}", "/en/assessment/rounds/{roundId}"})
    String dashboard(@PathVariable UUID roundId, @ModelAttribute("filter") RoundDashboard.Filter filter, Ui ui,
            Model model) {
        AssessmentPages.DashboardModel m = pages.dashboard(roundId, filter, ui);
        model.addAttribute("page", m.page());
        model.addAttribute("panel", m.panel());
        return "assessment/dashboard";
    }

    @GetMapping({"/handlaggning/omgangar/{roundId}/export.xlsx", "/en/assessment/rounds/{roundId}/export.xlsx"})
    void exportXlsx(@PathVariable UUID roundId, @ModelAttribute("filter") RoundDashboard.Filter filter, Ui ui,
            HttpServletResponse response) throws IOException {
        RoundDetails round = pages.round(roundId);
        List<RoundDashboard.Row> rows = longWork.read(() -> dashboard.rows(round.id(), filter));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + round.key().replaceAll("[^A-Za-z0-9-]", "")
                + ".xlsx\"");
        export.write(round, rows, ui, response.getOutputStream());
    }

    @GetMapping({"/handlaggning/omgangar/{roundId}/rangordning", "/en/assessment/rounds/{roundId}/rangordning"})
    String ranking(@PathVariable UUID roundId, Ui ui, Model model) {
        model.addAttribute("page", pages.ranking(roundId, ui));
        return "assessment/ranking";
    }
}

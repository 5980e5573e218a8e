package se.partnerskap.grant.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.platform.LongWork;
import se.partnerskap.web.PageRequest;
import se.partnerskap.web.Ui;

/**
 * The case officers' side of the follow-up: every project across rounds with what needs attention, filtered
 * by round and flag, and its Excel export (a project's page is {@link FollowUpProjectController}'s).
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
public class FollowUpController {

    static final String SV = "/uppfoljning";
    static final String EN = "/en/follow-up";

    private final FollowUp followUp;
    private final ProjectPages pages;
    private final FollowUpExport export;
    private final LongWork longWork;
    private final FollowUpList list;

    FollowUpController(FollowUp followUp, ProjectPages pages, FollowUpExport export, LongWork longWork,
            FollowUpList list) {
        this.list = list;
        this.followUp = followUp;
        this.pages = pages;
        this.export = export;
        this.longWork = longWork;
    }

    /** A row of the follow-up view. */
    public record Row(FollowUp.Project project, String organisation, String roundName, FollowUp.Money money,
            Optional<FollowUp.Report> nextReport, List<String> flags) {
    }

    /** A round to filter by: its id (or "none" for projects without a round) and its name. */
    public record RoundOption(String value, String name) {
    }

    public record ListView(List<Row> rows, List<RoundOption> rounds, List<String> flags, String round, String flag,
            int total, int matching, int page, int pages) {

        /** The list's address for another page, with the same filters. */
        public String query(int page) {
            return "round=" + URLEncoder.encode(round, StandardCharsets.UTF_8) + "&flag="
                    + URLEncoder.encode(flag, StandardCharsets.UTF_8) + (page > 1 ? "&page=" + page : "");
        }
    }

    @GetMapping({SV, EN})
    String list(@RequestParam(defaultValue = "") String round, @RequestParam(defaultValue = "") String flag,
            @RequestParam(defaultValue = "1") String page, Ui ui, Model model) {
        model.addAttribute("view", listView(round, flag, PageRequest.of(page, FollowUpList.PAGE_SIZE).number(), ui));
        return "grant/followup/officer-list";
    }

    ListView listView(String round, String flag, int page, Ui ui) {
        FollowUpList.Page found = list.page(round, flag, page);
        List<RoundOption> options = list.rounds(ui.language()).stream().map(r -> r.id() == null
                ? new RoundOption("none", ui.t("followup.list.noRound")) : new RoundOption(r.id().toString(), r.name()))
                .toList();
        int pages = new PageRequest(page, FollowUpList.PAGE_SIZE).lastPage(found.matching());
        return new ListView(rows(found.projects(), ui), options, FollowUp.FLAGS, round, flag, found.total(),
                found.matching(), page, pages);
    }

    /** The rows of {@code projects}, each round's name read once. */
    private List<Row> rows(List<FollowUp.Project> projects, Ui ui) {
        var today = followUp.today();
        Map<UUID, String> roundNames = new HashMap<>();
        return projects.stream().map(p -> new Row(p, p.partnership().swedishOrganisationName(),
                p.partnership().roundId() == null ? ""
                        : roundNames.computeIfAbsent(p.partnership().roundId(), id -> pages.roundName(p, ui.language())),
                p.money(), p.nextReport(), p.flags(today))).toList();
    }

    /** The export: every matching project, read and written a batch at a time rather than as one list. */
    @GetMapping({SV + "/export.xlsx", EN + "/export.xlsx"})
    void exportXlsx(@RequestParam(defaultValue = "") String round, @RequestParam(defaultValue = "") String flag, Ui ui,
            HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"uppfoljning.xlsx\"");
        export.write(rows -> longWork.read(() -> {
            list.forEachBatch(round, flag, batch -> rows.accept(rows(batch, ui)));
            return null;
        }), ui, response.getOutputStream());
    }
}

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.platform.LongWork;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PageRequest;
import se.partnerskap.web.Ui;

/**
 * The case officers' side of the follow-up: every project across rounds with what needs attention, filtered
 * by round and flag, its Excel export, and a project's page with countersigning, payment release and the
 * decisions on change requests.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_OFFICER', 'ADMINISTRATOR')")
public class FollowUpController {

    static final String SV = "/uppfoljning";
    static final String EN = "/en/follow-up";

    private final FollowUp followUp;
    private final ProjectPages pages;
    private final Agreements agreements;
    private final Payments payments;
    private final ChangeRequests changes;
    private final FollowUpExport export;
    private final LongWork longWork;
    private final FollowUpList list;

    FollowUpController(FollowUp followUp, ProjectPages pages, Agreements agreements, Payments payments,
            ChangeRequests changes, FollowUpExport export, LongWork longWork, FollowUpList list) {
        this.list = list;
        this.followUp = followUp;
        this.pages = pages;
        this.agreements = agreements;
        this.payments = payments;
        this.changes = changes;
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

    private FollowUp.Project project(String key) {
        return followUp.byKey(key).orElseThrow(NotFoundException::new);
    }

    @GetMapping({SV + "/projekt/{key}", EN + "/projects/{key}", EN + "/projekt/{key}"})
    String project(@PathVariable String key, Ui ui, Model model) {
        model.addAttribute("page", pages.page(project(key), true, ui, "", Map.of(), Map.of()));
        return "grant/followup/project";
    }

    @GetMapping({SV + "/projekt/{key}/avtal.pdf", EN + "/projects/{key}/agreement.pdf", EN + "/projekt/{key}/avtal.pdf"})
    ResponseEntity<byte[]> agreement(@PathVariable String key, Ui ui) {
        FollowUp.Project p = project(key);
        return MyProjectsController.pdf(agreements.pdf(p, ui.language()), agreements.fileName(p));
    }

    @PostMapping({SV + "/projekt/{key}/kontrasignera", EN + "/projects/{key}/countersign", EN + "/projekt/{key}/kontrasignera"})
    String countersign(@AuthenticationPrincipal SignedIn me, @PathVariable String key,
            @RequestParam(defaultValue = "") String countersignName, @RequestParam(defaultValue = "") String countersignRole,
            @RequestParam(defaultValue = "") String countersignPlace, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = project(key);
        try {
            agreements.countersign(p, new Agreements.Signature(countersignName, countersignRole, countersignPlace),
                    me.email());
        } catch (Refused refused) {
            return refused(p, "countersign", refused, Map.of("countersignName", countersignName, "countersignRole",
                    countersignRole, "countersignPlace", countersignPlace), ui, model, response);
        }
        redirect.addFlashAttribute("notice", "followup.notice.countersigned");
        return "redirect:" + ui.href(SV + "/projekt/" + key);
    }

    @PostMapping({SV + "/projekt/{key}/utbetalningar/{paymentId}", EN + "/projects/{key}/payments/{paymentId}",
            EN + "/projekt/{key}/utbetalningar/{paymentId}"})
    String release(@AuthenticationPrincipal SignedIn me, @PathVariable String key, @PathVariable("paymentId") UUID id,
            @RequestParam(defaultValue = "") String releasedOn, @RequestParam(defaultValue = "") String reference,
            Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = project(key);
        try {
            payments.release(p, id, releasedOn, reference, me.email());
        } catch (Refused refused) {
            return refused(p, "payment-" + id, refused, Map.of("releasedOn", releasedOn, "reference", reference), ui,
                    model, response);
        }
        redirect.addFlashAttribute("notice", "followup.notice.released");
        return "redirect:" + ui.href(SV + "/projekt/" + key);
    }

    @PostMapping({SV + "/projekt/{key}/andringar/{changeId}", EN + "/projects/{key}/change-requests/{changeId}",
            EN + "/projekt/{key}/andringar/{changeId}"})
    String decide(@AuthenticationPrincipal SignedIn me, @PathVariable String key, @PathVariable("changeId") UUID id,
            @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
            Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FollowUp.Project p = project(key);
        try {
            changes.decide(p, id, decision, comment, me.email());
        } catch (Refused refused) {
            return refused(p, "decision-" + id, refused, Map.of("decision", decision, "comment", comment), ui, model,
                    response);
        }
        redirect.addFlashAttribute("notice", "approve".equals(decision) ? "followup.notice.changeApproved"
                : "followup.notice.changeRefused");
        return "redirect:" + ui.href(SV + "/projekt/" + key);
    }

    private String refused(FollowUp.Project p, String form, Refused refused, Map<String, String> values, Ui ui,
            Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", pages.page(p, true, ui, form, refused.errors(), values));
        return "grant/followup/project";
    }
}

package se.partnerskap.application.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.ApplicationStatus;
import se.partnerskap.application.internal.ApplicationSummary;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Ineligibility;
import se.partnerskap.application.internal.SubmissionRecord;
import se.partnerskap.application.internal.SubmitResult;
import se.partnerskap.application.internal.Submissions;
import se.partnerskap.identity.Memberships;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PageRequest;
import se.partnerskap.web.Ui;
import se.partnerskap.application.internal.SubmissionViews.Header;
import se.partnerskap.application.internal.SubmissionViews.MineView;
import se.partnerskap.application.internal.SubmissionViews.Reason;
import se.partnerskap.application.internal.SubmissionViews.ReceiptView;
import se.partnerskap.application.internal.SubmissionViews.Row;
import se.partnerskap.application.internal.SubmissionViews.SubmitView;
import se.partnerskap.application.internal.SubmissionViews.Version;
import se.partnerskap.web.Links;


/**
 * Submission pages: declaration and submit (with the eligibility result), the receipt with the
 * reference, withdrawal, the PDF copy, the deadline as iCalendar, and "my applications" with the
 * countdown. Every address of an application answers 404 to anyone outside its organisation.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class SubmissionController {


    private final Submissions submissions;
    private final Applications applications;
    private final Rounds rounds;
    private final Components components;
    private final Registry registry;
    private final Links links;
    private final Memberships memberships;

    SubmissionController(Submissions submissions, Applications applications, Rounds rounds, Components components,
            Registry registry, Links links, Memberships memberships) {
        this.memberships = memberships;
        this.submissions = submissions;
        this.applications = applications;
        this.rounds = rounds;
        this.components = components;
        this.registry = registry;
        this.links = links;
    }

    // ---- declaration and submit

    @GetMapping({"/ansokningar/{id}/skicka-in", "/ansokningar/{id}/submit", "/en/applications/{id}/submit",
            "/en/applications/{id}/skicka-in"})
    String submitPage(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        Application a = load(id, me);
        model.addAttribute("view", submitView(a, ui, null, false));
        return "application/submit";
    }

    @PostMapping({"/ansokningar/{id}/skicka-in", "/ansokningar/{id}/submit", "/en/applications/{id}/submit",
            "/en/applications/{id}/skicka-in"})
    String submit(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String declaration, Ui ui,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Application a = load(id, me);
        SubmitResult result;
        try {
            result = submissions.submit(a.id(), me.userId(), me.email(), key, "yes".equals(declaration), ui.language());
        } catch (Applications.NotFound e) {
            throw new NotFoundException();
        }
        return switch (result) {
            case SubmitResult.Submitted s -> {
                redirect.addFlashAttribute("notice", "submission.notice.submitted");
                yield "redirect:" + header(a, ui).receiptHref();
            }
            case SubmitResult.AlreadySubmitted s -> {
                redirect.addFlashAttribute("notice", "submission.notice.already");
                yield "redirect:" + header(a, ui).receiptHref();
            }
            case SubmitResult.Closed c -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("view", submitView(reload(a, me), ui, List.of(), false));
                yield "application/submit";
            }
            case SubmitResult.NotDeclared n -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", submitView(reload(a, me), ui, null, true));
                yield "application/submit";
            }
            case SubmitResult.Ineligible i -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", submitView(reload(a, me), ui, i.reasons(), false));
                yield "application/submit";
            }
        };
    }

    private SubmitView submitView(Application a, Ui ui, List<Ineligibility> reasons, boolean declarationMissing) {
        Header header = header(a, ui);
        List<Ineligibility> found = reasons != null ? reasons
                : a.status() == ApplicationStatus.SUBMITTED || !header.open() ? List.of() : submissions.eligibility(a);
        Optional<SubmissionRecord> latest = submissions.latestOf(List.of(a.id())).values().stream().findFirst();
        return new SubmitView(header, found.stream().map(r -> reason(r, header, ui)).toList(), declarationMissing,
                UUID.randomUUID().toString(), ui.money(applications.budgetLimit(a).requested()), latest,
                latest.map(l -> StockholmTime.dateTime(l.submittedAt(), ui.language())).orElse(""));
    }

    private Reason reason(Ineligibility r, Header header, Ui ui) {
        Object[] args = r.args().stream().map(arg -> switch (arg) {
            case Long amount -> ui.money(amount);
            case String s when s.startsWith("submission.") || s.startsWith("application.section.") -> ui.t(s);
            case String s when "partner-country".equals(r.rule()) ->
                    registry.country(s).map(c -> c.name(ui.language())).orElse(s);
            default -> arg;
        }).toArray();
        String href = r.section() == null ? null : header.base() + "/" + r.section().slug(ui.language());
        return new Reason(ui.t(r.message(), args), href);
    }

    // ---- receipt, withdrawal

    @GetMapping({"/ansokningar/{id}/kvitto", "/ansokningar/{id}/receipt", "/en/applications/{id}/receipt",
            "/en/applications/{id}/kvitto"})
    String receipt(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        Application a = load(id, me);
        List<SubmissionRecord> all = submissions.all(a.id(), me.userId());
        if (all.isEmpty()) {
            throw new NotFoundException();
        }
        SubmissionRecord latest = all.getLast();
        Language lang = ui.language();
        model.addAttribute("view", new ReceiptView(header(a, ui), latest, StockholmTime.dateTime(latest.submittedAt(), lang),
                all.stream().map(s -> new Version(s.version(), StockholmTime.dateTime(s.submittedAt(), lang),
                        s.submittedBy())).toList(), a.status() == ApplicationStatus.WITHDRAWN));
        return "application/receipt";
    }

    @PostMapping({"/ansokningar/{id}/aterkalla", "/ansokningar/{id}/withdraw", "/en/applications/{id}/withdraw",
            "/en/applications/{id}/aterkalla"})
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui,
            RedirectAttributes redirect) {
        Application a = load(id, me);
        Submissions.Withdrawal done = submissions.withdraw(a.id(), me.userId(), me.email());
        Header header = header(a, ui);
        return switch (done) {
            case WITHDRAWN -> {
                redirect.addFlashAttribute("notice", "submission.notice.withdrawn");
                yield "redirect:" + header.receiptHref();
            }
            case NOT_SUBMITTED -> {
                redirect.addFlashAttribute("notice", "submission.notice.notSubmitted");
                yield "redirect:" + header.submitHref();
            }
            case CLOSED -> {
                redirect.addFlashAttribute("notice", "submission.notice.withdrawClosed");
                yield "redirect:" + header.receiptHref();
            }
        };
    }

    // ---- the copy and the calendar

    @GetMapping({"/ansokningar/{id}/kvitto.pdf", "/ansokningar/{id}/receipt.pdf", "/en/applications/{id}/receipt.pdf",
            "/en/applications/{id}/kvitto.pdf"})
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
        byte[] pdf = submissions.pdf(id, me.userId()).orElse(null);
        SubmissionRecord latest = pdf == null ? null : submissions.latest(id, me.userId()).orElse(null);
        if (latest == null) {
            throw new NotFoundException();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(latest.reference() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    @GetMapping({"/ansokningar/{id}/deadline.ics", "/en/applications/{id}/deadline.ics"})
    ResponseEntity<byte[]> calendar(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui) {
        Application a = load(id, me);
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        if (round.deadline() == null) {
            throw new NotFoundException();
        }
        Language lang = ui.language();
        Header header = header(a, ui);
        String summary = ui.t("submission.ics.summary", round.name(lang));
        String description = ui.t("submission.ics.description", header.title(), header.organisation(), header.deadline());
        String ics = DeadlineCalendar.of("deadline-" + a.id() + "@partnerskap", round.deadline(), submissions.now(),
                summary, description, links.absolute(header.base()), ui.t("submission.ics.alarm", round.name(lang)), lang.code());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ui.t("submission.ics.filename") + ".ics", StandardCharsets.UTF_8).build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    // ---- my applications

    @GetMapping({"/ansokningar/mina", "/ansokningar/mine", "/en/applications/mine", "/en/applications/mina"})
    String mine(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "1") String page, Ui ui,
            Model model) {
        // the applications the user's organisations lead (as Applications.load allows), not those they co-apply to,
        // a page at a time; each round, organisation and latest submission read once for the page's rows
        PageRequest wanted = PageRequest.of(page, SubmissionViews.MINE_PAGE);
        Applications.Led led = applications.ledBy(me.userId(), wanted.offset(), wanted.size());
        List<ApplicationSummary> mine = led.rows();
        Map<UUID, RoundDetails> roundsById = new HashMap<>();
        Map<String, String> componentNames = new HashMap<>();
        Map<UUID, String> organisations = new HashMap<>();
        registry.swedishOrganisations(mine.stream().map(ApplicationSummary::leadOrganisation).distinct().toList())
                .forEach(o -> organisations.put(o.id(), o.name()));
        Map<UUID, SubmissionRecord> latest = submissions.latestOf(mine.stream().map(ApplicationSummary::id).toList());
        Instant now = submissions.now();
        List<Row> rows = new ArrayList<>();
        for (ApplicationSummary s : mine) {
            RoundDetails round = roundsById.computeIfAbsent(s.roundId(), r -> rounds.details(r).orElseThrow());
            SubmissionRecord submitted = latest.get(s.id());
            String component = componentNames.computeIfAbsent(round.programme() + "/" + s.component(),
                    k -> componentName(round.programme(), s.component(), ui.language()));
            rows.add(new Row(header(s.id(), s.title(), s.status(), organisations.getOrDefault(s.leadOrganisation(), ""),
                    component, round, now, submitted == null ? null : submitted.reference(), ui),
                    StockholmTime.dateTime(s.updatedAt(), ui.language())));
        }
        model.addAttribute("view", new MineView(rows, led.total(), wanted.number(), wanted.lastPage(led.total())));
        return "application/mine";
    }

    /** The page a refused change after the deadline ends on (forwarded to from the handler of the exception). */
    @RequestMapping({"/ansokningar/{id}/stangd", "/en/applications/{id}/closed"})
    String closed(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model,
            HttpServletResponse response) {
        Application a = load(id, me);
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("view", header(a, ui));
        return "application/closed";
    }

    // ---- helpers

    private Header header(Application a, Ui ui) {
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        String reference = submissions.latestOf(List.of(a.id())).values().stream().findFirst()
                .map(SubmissionRecord::reference).orElse(null);
        return header(a.id(), a.title(), a.status(),
                registry.swedishOrganisation(a.leadOrganisation()).map(SwedishOrganisation::name).orElse(""),
                componentName(a.programme(), a.component(), ui.language()), round, submissions.now(), reference, ui);
    }

    private String componentName(String programme, String component, Language lang) {
        return components.component(programme, component).map(c -> c.name(lang)).orElse(component);
    }

    private Header header(UUID id, String title, ApplicationStatus applicationStatus, String organisation,
            String componentName, RoundDetails round, Instant now, String reference, Ui ui) {
        Language lang = ui.language();
        boolean open = round.isOpenAt(now);
        String base = ui.href(SubmissionPaths.SV + "/" + id);
        boolean en = lang == Language.EN;
        String status = applicationStatus == ApplicationStatus.DRAFT && !open ? "closed" : applicationStatus.key();
        return new Header(id, title.isBlank() ? ui.t("submission.untitled") : title, organisation, round.name(lang),
                componentName,
                round.deadline() == null ? "" : StockholmTime.dateTime(round.deadline(), lang),
                countdown(round.deadline(), now, ui), open, status, reference, base,
                base + "/" + (en ? SubmissionPaths.SUBMIT_EN : SubmissionPaths.SUBMIT_SV),
                base + "/" + (en ? SubmissionPaths.RECEIPT_EN : SubmissionPaths.RECEIPT_SV),
                base + "/" + (en ? SubmissionPaths.RECEIPT_EN : SubmissionPaths.RECEIPT_SV) + ".pdf",
                base + "/deadline.ics",
                base + "/" + (en ? SubmissionPaths.WITHDRAW_EN : SubmissionPaths.WITHDRAW_SV));
    }

    /** "3 dagar kvar" / "3 days left", then hours, then minutes; computed from the server's clock. */
    static String countdown(Instant deadline, Instant now, Ui ui) {
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(now, deadline);
        if (left.isNegative()) {
            return ui.t("submission.countdown.closed");
        }
        if (left.toDays() >= 1) {
            return ui.t("submission.countdown.days", left.toDays());
        }
        if (left.toHours() >= 1) {
            return ui.t("submission.countdown.hours", left.toHours());
        }
        return ui.t("submission.countdown.minutes", Math.max(1, left.toMinutes()));
    }

    private Application load(UUID id, SignedIn me) {
        return applications.load(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    private Application reload(Application a, SignedIn me) {
        return applications.load(a.id(), me.userId()).orElseThrow(NotFoundException::new);
    }
}

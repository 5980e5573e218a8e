package se.partnerskap.application.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.ApplicationSummary;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Problem;
import se.partnerskap.application.internal.SaveResult;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.SectionAnswers;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.programme.Component;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * The applicant's drafts: the list and start form, the task list, the section forms (saved by their
 * button, autosaved by htmx), attachments and "check your answers". An application of an
 * organisation the user is not a member of is answered with 404 at every address.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
public class ApplicationController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Applications applications;
    private final Rounds rounds;
    private final Components components;
    private final Programmes programmes;
    private final Registry registry;
    private final PendingSaves pending;
    private final java.time.Duration sessionTimeout;
    private final ApplicationHistory history;

    ApplicationController(Applications applications, Rounds rounds, Components components, Programmes programmes,
            Registry registry, PendingSaves pending,
            @org.springframework.beans.factory.annotation.Value("${spring.session.timeout:60m}") java.time.Duration sessionTimeout,
            ApplicationHistory history) {
        this.history = history;
        this.sessionTimeout = sessionTimeout;
        this.applications = applications;
        this.rounds = rounds;
        this.components = components;
        this.programmes = programmes;
        this.registry = registry;
        this.pending = pending;
    }

    /** A round open now with the components an applicant may start. */
    public record StartableRound(RoundDetails round, String name, String deadline, List<Component> components) {
    }

    /** A line of the list. */
    public record Row(ApplicationSummary summary, String roundName, String componentName, String organisationName,
            String updated) {
    }

    public record ListView(List<Row> rows, List<SwedishOrganisation> organisations, List<StartableRound> open,
            Map<String, String> errors, String organisation, String choice) {
    }

    @GetMapping({ApplicationPaths.SV, ApplicationPaths.EN})
    String list(@AuthenticationPrincipal SignedIn me, Ui ui, Model model) {
        model.addAttribute("view", listView(me, ui, Map.of(), "", ""));
        return "pages/application/list";
    }

    private ListView listView(SignedIn me, Ui ui, Map<String, String> errors, String organisation, String choice) {
        Language lang = ui.language();
        List<ApplicationSummary> visible = applications.visibleTo(me.userId());
        // each round and organisation read once for all rows, not once per row
        Map<UUID, String> roundNames = new java.util.HashMap<>();
        Map<String, String> componentNames = new java.util.HashMap<>();
        Map<UUID, String> organisations = new java.util.HashMap<>();
        registry.swedishOrganisations(visible.stream().map(ApplicationSummary::leadOrganisation).distinct().toList())
                .forEach(o -> organisations.put(o.id(), o.name()));
        List<Row> rows = visible.stream().map(s -> new Row(s,
                roundNames.computeIfAbsent(s.roundId(), r -> rounds.details(r).map(d -> d.name(lang)).orElse("")),
                componentNames.computeIfAbsent(s.component(), k -> componentName(k, lang)),
                organisations.getOrDefault(s.leadOrganisation(), ""),
                StockholmTime.dateTime(s.updatedAt(), lang))).toList();
        List<SwedishOrganisation> orgs = registry.swedishOrganisations(applications.organisationsOf(me.userId()));
        List<StartableRound> open = rounds.openAt(Programmes.MUNICIPAL_PARTNERSHIP, programmes.now()).stream()
                .map(r -> new StartableRound(r, r.name(lang), StockholmTime.dateTime(r.deadline(), lang),
                        applications.components(r)))
                .filter(r -> !r.components().isEmpty()).toList();
        return new ListView(rows, orgs, open, errors, organisation, choice);
    }

    private String componentName(String key, Language lang) {
        return components.component(Programmes.MUNICIPAL_PARTNERSHIP, key).map(c -> c.name(lang)).orElse(key);
    }

    @PostMapping({ApplicationPaths.SV, ApplicationPaths.EN})
    String start(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String choice, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID org = parse(organisation);
        if (org == null) {
            errors.put("organisation", "application.start.error.organisation");
        }
        String[] parts = choice.split("\\|", 2);
        UUID round = parts.length == 2 ? parse(parts[0]) : null;
        if (round == null) {
            errors.put("choice", "application.start.error.choice");
        }
        if (errors.isEmpty()) {
            try {
                UUID id = applications.start(me.userId(), me.email(), org, round, parts[1]);
                redirect.addFlashAttribute("notice", "application.notice.started");
                return "redirect:" + ui.href(ApplicationPaths.SV + "/" + id);
            } catch (Applications.StartRefused refused) {
                errors.put(refused.reason().endsWith("organisation") ? "organisation" : "choice", refused.reason());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("view", listView(me, ui, errors, organisation, choice));
        return "pages/application/list";
    }

    /**
     * The task list, with the decision letter, the agreement and the history once there are any. A member of
     * a co-applicant organisation reads it ({@code canEdit} false): the sections link to the answers.
     */
    public record OverviewView(SectionView.ApplicationHeader header, List<Task> tasks, long completed, boolean complete,
            boolean canEdit, ApplicationHistory.View outcome) {
    }

    public record Task(Section section, String href, String state) {
    }

    @GetMapping({ApplicationPaths.SV + "/{id}", ApplicationPaths.EN + "/{id}"})
    String overview(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        Application a = read(id, me);
        boolean canEdit = applications.leadMember(a, me.userId());
        SectionView.ApplicationHeader header = header(a, ui);
        String check = header.base() + "/" + (ui.en() ? "check-answers" : "granska");
        List<Section> applying = applications.sections(a);
        List<Task> tasks = new ArrayList<>();
        for (Section s : applying) {
            tasks.add(new Task(s, canEdit ? header.base() + "/" + s.slug(ui.language()) : check + "#check-" + s.key(),
                    a.section(s).state().key()));
        }
        model.addAttribute("view", new OverviewView(header, tasks, a.completedCount(applying), a.complete(applying), canEdit,
                history.of(a, ui.language())));
        return "pages/application/overview";
    }

    /** "Check your answers": every section read-only with a link to change it. */
    public record CheckView(SectionView.ApplicationHeader header, List<SectionView> sections, boolean canEdit) {
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/granska", ApplicationPaths.EN + "/{id}/check-answers"})
    String check(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Ui ui, Model model) {
        Application a = read(id, me);
        SectionView.ApplicationHeader header = header(a, ui);
        List<SectionView> sections = new ArrayList<>();
        for (Section s : applications.sections(a)) {
            SectionAnswers stored = a.section(s);
            sections.add(view(header, s, stored.answers(), stored.version(), applications.remaining(a, s), null, false, ui));
        }
        model.addAttribute("view", new CheckView(header, sections, applications.leadMember(a, me.userId())));
        return "pages/application/check";
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"})
    String section(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @CookieValue(name = PendingSaves.COOKIE, required = false) String pendingToken, Ui ui, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Application a = read(id, me);
        Section section = Section.ofSlug(slug).orElseThrow(NotFoundException::new);
        if (!applications.leadMember(a, me.userId())) {
            // a co-applicant reads the answers, it does not get the forms
            return "redirect:" + header(a, ui).base() + "/" + (ui.en() ? "check-answers" : "granska") + "#check-" + section.key();
        }
        SectionView.ApplicationHeader header = header(a, ui);
        if (!applications.sections(a).contains(section)) {
            return "redirect:" + header.base(); // the round asks no extra questions: nothing to fill in there
        }
        SectionAnswers stored = a.section(section);
        Optional<PendingSaves.Pending> restored = a.isEditable() && section != Section.ATTACHMENTS
                ? pending.take(pendingToken, request.getRequestURI(), me.userId()) : Optional.empty();
        if (pendingToken != null) {
            PendingSaves.forget(response);
        }
        if (restored.isPresent()) {
            model.addAttribute("view", view(header, section, restored.get().answers(), restored.get().version(),
                    Map.of(), null, true, ui));
            return "pages/application/section";
        }
        Optional<Answers> conflict = section == Section.ATTACHMENTS ? Optional.empty()
                : applications.openConflict(a.id(), me.userId(), section, me.email());
        if (conflict.isPresent()) {
            model.addAttribute("view", view(header, section, conflict.get(), stored.version(), Map.of(), stored, false, ui));
            return "pages/application/section";
        }
        boolean check = Boolean.TRUE.equals(model.asMap().get("check"));
        Map<String, Problem> errors = check ? applications.remaining(a, section) : Map.of();
        model.addAttribute("view", view(header, section, stored.answers(), stored.version(), errors, null, false, ui));
        return "pages/application/section";
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"})
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Section section = Section.ofSlug(slug).filter(s -> s != Section.ATTACHMENTS).orElseThrow(NotFoundException::new);
        boolean rowChange = params.getFirst("add") != null || params.getFirst("remove") != null;
        // an autosave reads nothing before it saves: saveSection reads what authorises it in one statement
        // (docs/autosave.md, "What a save costs"); a full-form save needs the application for its form again
        Application a = htmx != null && !rowChange ? null : load(id, me);
        if (a != null && (!applications.sections(a).contains(section) || !a.isEditable())) {
            throw new NotFoundException();
        }
        String v = params.getFirst("version");
        int version = v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
        Map<String, List<String>> fields = new LinkedHashMap<>(params);
        fields.remove("_csrf");
        fields.remove("version");
        fields.remove("add");
        fields.remove("remove");
        RowChange change = a == null ? null : RowChange.of(section, params.getFirst("add"), params.getFirst("remove"),
                new Answers(fields), components.component(a.programme(), a.component()).orElseThrow().maxPartners());
        Answers typed = change == null ? new Answers(fields) : change.answers();
        SaveResult result;
        try {
            result = applications.saveSection(id, me.userId(), me.email(), section, typed, version);
        } catch (Applications.NotFound | Application.NotEditableException e) {
            throw new NotFoundException(); // not a member, no such section in its round, or submitted
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            if (htmx != null) {
                throw e; // a 5xx: static/js/autosave.js says so and tries again
            }
            // nothing was stored: the form again with what was typed, so that pressing Save again is enough
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("saveFailed", true);
            model.addAttribute("view", view(header(a, ui), section, typed, version, Map.of(), null, false, ui));
            return "pages/application/section";
        }
        if (htmx != null) {
            model.addAttribute("result", result);
            model.addAttribute("version", switch (result) {
                case SaveResult.Saved s -> s.version();
                case SaveResult.Invalid i -> version;
                case SaveResult.Conflict c -> version;
            });
            model.addAttribute("at", result instanceof SaveResult.Saved s ? time(s.at()) : "");
            model.addAttribute("href", ui.href(ApplicationPaths.SV + "/" + id) + "/" + section.slug(ui.language()));
            return "pages/application/autosave";
        }
        SectionView.ApplicationHeader header = header(a, ui);
        return switch (result) {
            case SaveResult.Saved saved -> {
                String page = header.base() + "/" + section.slug(ui.language());
                if (change != null) { // back to the same form, at the row added (or the rows left)
                    redirect.addFlashAttribute("notice", change.notice());
                    yield "redirect:" + page + "#" + change.anchor();
                }
                if (saved.remaining().isEmpty()) {
                    redirect.addFlashAttribute("notice", "application.notice.saved");
                    yield "redirect:" + header.base();
                }
                // stored, but answers are missing: the form says what, and only that (no "Sparat" beside it)
                redirect.addFlashAttribute("check", true);
                yield "redirect:" + page;
            }
            case SaveResult.Invalid invalid -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("view", view(header, section, typed, version, invalid.problems(), null, false, ui));
                yield "pages/application/section";
            }
            case SaveResult.Conflict conflict -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("view", view(header, section, conflict.refused(), conflict.current().version(),
                        Map.of(), conflict.current(), false, ui));
                yield "pages/application/section";
            }
        };
    }

    @PostMapping(path = {ApplicationPaths.SV + "/{id}/{slug}", ApplicationPaths.EN + "/{id}/{slug}"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        Application a = load(id, me);
        Section.ofSlug(slug).filter(s -> s == Section.ATTACHMENTS).orElseThrow(NotFoundException::new);
        if (!a.isEditable()) {
            throw new NotFoundException();
        }
        SectionView.ApplicationHeader header = header(a, ui);
        String back = header.base() + "/" + Section.ATTACHMENTS.slug(ui.language());
        try {
            if (file != null && file.getSize() > PdfUpload.MAX_BYTES) {
                throw new Applications.AttachmentRefused("application.attachments.error.tooLarge");
            }
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            applications.attach(a.id(), me.userId(), me.email(), file == null ? null : file.getOriginalFilename(), bytes);
            redirect.addFlashAttribute("notice", "application.notice.attached");
            return "redirect:" + back;
        } catch (Applications.AttachmentRefused refused) {
            int status = refused.reason().endsWith("tooLarge") ? 413 : 422;
            response.setStatus(status);
            model.addAttribute("view", view(header, Section.ATTACHMENTS, Answers.EMPTY, 0,
                    Map.of("file", Problem.of(refused.reason(), PdfUpload.maxMegabytes())),
                    null, false, ui));
            return "pages/application/section";
        }
    }

    @GetMapping({ApplicationPaths.SV + "/{id}/{slug}/{attachment}", ApplicationPaths.EN + "/{id}/{slug}/{attachment}"})
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
            @PathVariable String slug, @PathVariable UUID attachment) {
        Section.ofSlug(slug).filter(s -> s == Section.ATTACHMENTS).orElseThrow(NotFoundException::new);
        var file = applications.attachment(id, me.userId(), attachment).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}/{attachment}/ta-bort",
            ApplicationPaths.EN + "/{id}/{slug}/{attachment}/remove"})
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug,
            @PathVariable UUID attachment, Ui ui, RedirectAttributes redirect) {
        Application a = load(id, me);
        Section.ofSlug(slug).filter(s -> s == Section.ATTACHMENTS).orElseThrow(NotFoundException::new);
        if (!a.isEditable()) {
            throw new NotFoundException();
        }
        try {
            applications.removeAttachment(a.id(), me.userId(), me.email(), attachment);
        } catch (Applications.NotFound e) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("notice", "application.notice.removed");
        return "redirect:" + header(a, ui).base() + "/" + Section.ATTACHMENTS.slug(ui.language());
    }

    private Application load(UUID id, SignedIn me) {
        return applications.load(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    /** For reading: a member of the lead or of a co-applicant organisation. */
    private Application read(UUID id, SignedIn me) {
        return applications.readable(id, me.userId()).orElseThrow(NotFoundException::new);
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String time(java.time.Instant at) {
        return StockholmTime.at(at).format(HH_MM);
    }

    private SectionView.ApplicationHeader header(Application a, Ui ui) {
        Language lang = ui.language();
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        return new SectionView.ApplicationHeader(a, round.name(lang), componentName(a.component(), lang),
                registry.swedishOrganisation(a.leadOrganisation()).map(SwedishOrganisation::name).orElse(""),
                ui.href(ApplicationPaths.SV + "/" + a.id()),
                round.deadline() == null ? "" : StockholmTime.dateTime(round.deadline(), lang), sessionTimeout.toSeconds());
    }

    private SectionView view(SectionView.ApplicationHeader header, Section section, Answers answers, int version,
            Map<String, Problem> errors, SectionAnswers conflictSaved, boolean restored, Ui ui) {
        Application a = header.application();
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        List<Country> countries = registry.countries().stream().filter(c -> round.countries().contains(c.iso2()))
                .sorted(java.util.Comparator.comparing(c -> c.name(ui.language()))).toList();
        List<SwedishOrganisation> organisations = section == Section.APPLICANT
                ? registry.swedishOrganisations().stream().filter(o -> !o.id().equals(a.leadOrganisation())).toList()
                : List.of();
        SectionAnswers stored = a.section(section);
        return new SectionView(header, section, answers, version, errors, conflictSaved, restored,
                applications.budgetLimit(a), countries, organisations, programmes.coreAreas(a.programme()),
                components.component(a.programme(), a.component()).orElseThrow(), round.questions(),
                stored.savedAt() == null ? null : time(stored.savedAt()));
    }

    @PostMapping({ApplicationPaths.SV + "/{id}/{slug}/konflikt", ApplicationPaths.EN + "/{id}/{slug}/conflict"})
    String keepSaved(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String slug, Ui ui,
            RedirectAttributes redirect) {
        Application a = load(id, me);
        Section section = Section.ofSlug(slug).orElseThrow(NotFoundException::new);
        applications.discardConflict(a.id(), me.userId(), section, me.email());
        redirect.addFlashAttribute("notice", "application.notice.keptSaved");
        return "redirect:" + header(a, ui).base() + "/" + section.slug(ui.language());
    }

    /** Touches the session so that it does not expire while someone is reading or thinking. */
    @PostMapping({ApplicationPaths.SV + "/session", ApplicationPaths.EN + "/session"})
    Object keepAlive(@RequestParam(defaultValue = "") String back,
            @RequestHeader(name = "X-Requested-With", required = false) String xhr, Ui ui,
            RedirectAttributes redirect) {
        if (xhr != null) {
            return ResponseEntity.noContent().build();
        }
        redirect.addFlashAttribute("notice", "application.notice.stillLoggedIn");
        boolean ours = back.matches("/(ansokningar|en/applications)(/[A-Za-z0-9-]{1,40}){0,2}");
        return "redirect:" + (ours ? back : ui.href(ApplicationPaths.SV));
    }
}

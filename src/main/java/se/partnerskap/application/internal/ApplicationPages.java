package se.partnerskap.application.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/**
 * The applicant's pages as records ({@link ApplicationController} binds and picks the template): the list with
 * the rounds one may start, the task list, "check your answers" and a section's form, each assembled from the
 * application, its round, its component and the registry's reference data.
 */
@Component
public class ApplicationPages {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Applications applications;
    private final Rounds rounds;
    private final Components components;
    private final Programmes programmes;
    private final Registry registry;
    private final ApplicationHistory history;
    private final Duration sessionTimeout;
    private final Applicants applicants;

    ApplicationPages(Applications applications, Rounds rounds, Components components, Programmes programmes,
            Registry registry, ApplicationHistory history, Applicants applicants,
            @Value("${spring.session.timeout:60m}") Duration sessionTimeout) {
        this.applicants = applicants;
        this.applications = applications;
        this.rounds = rounds;
        this.components = components;
        this.programmes = programmes;
        this.registry = registry;
        this.history = history;
        this.sessionTimeout = sessionTimeout;
    }

    /** A round open now with the components an applicant may start. */
    public record StartableRound(RoundDetails round, String name, String deadline, List<se.partnerskap.programme.Component> components) {
    }

    /** A line of the list. */
    public record Row(ApplicationSummary summary, String roundName, String componentName, String organisationName,
            String updated) {
    }

    public record ListView(List<Row> rows, List<SwedishOrganisation> organisations, List<StartableRound> open,
            List<StartableRound> own, Map<String, String> errors, String organisation, String choice) {
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

    /** "Check your answers": every section read-only with a link to change it. */
    public record CheckView(SectionView.ApplicationHeader header, List<SectionView> sections, boolean canEdit) {
    }

    /** The list of the applicant's applications and the form to start one (with {@code errors} from a refused start). */
    ListView list(UUID userId, Ui ui, Map<String, String> errors, String organisation, String choice) {
        Language lang = ui.language();
        List<ApplicationSummary> visible = applications.visibleTo(userId);
        // each round and organisation read once for all rows, not once per row
        Map<UUID, String> roundNames = new java.util.HashMap<>();
        Map<String, String> componentNames = new java.util.HashMap<>();
        Map<UUID, String> organisations = new java.util.HashMap<>();
        registry.swedishOrganisations(visible.stream().map(ApplicationSummary::leadOrganisation)
                        .filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(o -> organisations.put(o.id(), o.name()));
        List<Row> rows = visible.stream().map(s -> new Row(s,
                roundNames.computeIfAbsent(s.roundId(), r -> rounds.details(r).map(d -> d.name(lang)).orElse("")),
                componentNames.computeIfAbsent(s.roundId() + "/" + s.component(), k -> rounds.details(s.roundId())
                        .map(r -> componentName(r.programme(), s.component(), lang)).orElse(s.component())),
                s.leadOrganisation() == null ? applicants.name(null, s.applicantUser())
                        : organisations.getOrDefault(s.leadOrganisation(), ""),
                StockholmTime.dateTime(s.updatedAt(), lang))).toList();
        List<SwedishOrganisation> orgs = registry.swedishOrganisations(applications.organisationsOf(userId));
        List<StartableRound> open = startable(Programmes.MUNICIPAL_PARTNERSHIP, lang);
        // the calls of the programmes a person applies to for themselves (the fieldwork grant)
        List<StartableRound> own = programmes.all().stream().filter(p -> "person".equals(p.applicantKind()))
                .flatMap(p -> startable(p.key(), lang).stream()).toList();
        return new ListView(rows, orgs, open, own, errors, organisation, choice);
    }

    private List<StartableRound> startable(String programme, Language lang) {
        return rounds.openAt(programme, programmes.now()).stream()
                .map(r -> new StartableRound(r, r.name(lang), StockholmTime.dateTime(r.deadline(), lang),
                        applications.components(r)))
                .filter(r -> !r.components().isEmpty()).toList();
    }

    /** The task list: each section's state, linked to its form (or, for a co-applicant, to its answers). */
    OverviewView overview(Application a, UUID userId, Ui ui) {
        boolean canEdit = applications.leadMember(a, userId);
        SectionView.ApplicationHeader header = header(a, ui);
        String check = header.base() + "/" + (ui.en() ? "check-answers" : "granska");
        List<Section> applying = applications.sections(a);
        List<Task> tasks = new ArrayList<>();
        for (Section s : applying) {
            tasks.add(new Task(s, canEdit ? header.base() + "/" + s.slug(ui.language()) : check + "#check-" + s.key(),
                    a.section(s).state().key()));
        }
        return new OverviewView(header, tasks, a.completedCount(applying), a.complete(applying), canEdit,
                history.of(a, ui.language()));
    }

    /** "Check your answers": every section that applies, read-only, with what is still missing. */
    CheckView check(Application a, UUID userId, Ui ui) {
        SectionView.ApplicationHeader header = header(a, ui);
        List<SectionView> sections = new ArrayList<>();
        for (Section s : applications.sections(a)) {
            SectionAnswers stored = a.section(s);
            sections.add(section(header, s, stored.answers(), stored.version(), applications.remaining(a, s), null, false, ui));
        }
        return new CheckView(header, sections, applications.leadMember(a, userId));
    }

    /** The most partners the application's component takes (for adding and removing rows). */
    int maxPartners(Application a) {
        return components.component(a.programme(), a.component()).orElseThrow().maxPartners();
    }

    private String componentName(String programme, String key, Language lang) {
        return components.component(programme, key).map(c -> c.name(lang)).orElse(key);
    }

    static String time(java.time.Instant at) {
        return StockholmTime.at(at).format(HH_MM);
    }

    SectionView.ApplicationHeader header(Application a, Ui ui) {
        Language lang = ui.language();
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        return new SectionView.ApplicationHeader(a, round.name(lang), componentName(a.programme(), a.component(), lang),
                applicants.name(a),
                ui.href(ApplicationPaths.SV + "/" + a.id()),
                round.deadline() == null ? "" : StockholmTime.dateTime(round.deadline(), lang), sessionTimeout.toSeconds());
    }

    SectionView section(SectionView.ApplicationHeader header, Section section, Answers answers, int version,
            Map<String, Problem> errors, SectionAnswers conflictSaved, boolean restored, Ui ui) {
        Application a = header.application();
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        List<Country> countries = registry.countries().stream().filter(c -> round.countries().contains(c.iso2()))
                .sorted(java.util.Comparator.comparing(c -> c.name(ui.language()))).toList();
        List<SwedishOrganisation> organisations = section.is(Section.Kind.APPLICANT)
                ? registry.swedishOrganisations().stream().filter(o -> !o.id().equals(a.leadOrganisation())).toList()
                : List.of();
        SectionAnswers stored = a.section(section);
        return new SectionView(header, section, answers, version, errors, conflictSaved, restored,
                applications.budgetLimit(a), countries, organisations, programmes.coreAreas(a.programme()),
                components.component(a.programme(), a.component()).orElseThrow(), section.questionsIn(round),
                stored.savedAt() == null ? null : time(stored.savedAt()));
    }

}

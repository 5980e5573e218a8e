package se.partnerskap.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.internal.AssessmentViews.ApplicationPage;
import se.partnerskap.assessment.internal.AssessmentViews.Dashboard;
import se.partnerskap.assessment.internal.AssessmentViews.DashboardRow;
import se.partnerskap.assessment.internal.AssessmentViews.Option;
import se.partnerskap.assessment.internal.AssessmentViews.PointRow;
import se.partnerskap.assessment.internal.AssessmentViews.Ranking;
import se.partnerskap.assessment.internal.AssessmentViews.RankingRow;
import se.partnerskap.assessment.internal.AssessmentViews.ReviewRow;
import se.partnerskap.assessment.internal.AssessmentViews.ReviewerRow;
import se.partnerskap.assessment.internal.AssessmentViews.RoundLink;
import se.partnerskap.identity.People;
import se.partnerskap.identity.Role;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The officers' assessment pages as records ({@link AssessmentController} binds and picks the template): the
 * rounds, a round's dashboard with its filters and publishing panel, the ranking, and an application with its
 * eligibility checklist, reviewers, reviews and decision form.
 */
@Component
class AssessmentPages {

    static final List<String> STATUSES = List.of("new", "eligible", "ineligible", "granted", "rejected");

    /** The dashboard and the panel for publishing the round's decisions. */
    record DashboardModel(Dashboard page, AssessmentViews.PublishPanel panel) {
    }

    private final Rounds rounds;
    private final Programmes programmes;
    private final Registry registry;
    private final SubmittedApplications applications;
    private final RoundDashboard dashboard;
    private final EligibilityChecks eligibility;
    private final Decisions decisions;
    private final Reviews reviews;
    private final People people;
    private final se.partnerskap.assessment.PressReleaseDrafts pressReleases;
    private final DecisionLines lines;

    AssessmentPages(Rounds rounds, Programmes programmes, Registry registry, SubmittedApplications applications,
            RoundDashboard dashboard, EligibilityChecks eligibility, Decisions decisions, Reviews reviews,
            People people, se.partnerskap.assessment.PressReleaseDrafts pressReleases, DecisionLines lines) {
        this.rounds = rounds;
        this.programmes = programmes;
        this.registry = registry;
        this.applications = applications;
        this.dashboard = dashboard;
        this.eligibility = eligibility;
        this.decisions = decisions;
        this.reviews = reviews;
        this.people = people;
        this.pressReleases = pressReleases;
        this.lines = lines;
    }

    /** The programme's rounds with their state. */
    List<RoundLink> rounds(Ui ui) {
        java.time.Instant now = programmes.now();
        List<RoundLink> links = rounds.all(Programmes.MUNICIPAL_PARTNERSHIP).stream()
                .map(r -> new RoundLink(r.id().toString(), r.name(ui.language()),
                        ui.t("assessment.state." + r.stateAt(now).key()))).toList();
        return links;
    }

    /** A round's dashboard: the applications that pass {@code filter}, the budget meter, conflicts, filter options. */
    DashboardModel dashboard(UUID roundId, RoundDashboard.Filter filter, Ui ui) {
        RoundDetails round = round(roundId);
        Language lang = ui.language();
        List<RoundDashboard.Row> all = dashboard.rows(round.id());
        List<RoundDashboard.Row> shown = all.stream().filter(filter::matches).toList();
        Map<String, String> coreAreaNames = coreAreaNames(round.programme(), lang);
        List<DashboardRow> rows = shown.stream().map(r -> new DashboardRow(r.application().id().toString(),
                r.application().reference(), r.application().title(), r.organisation().name(),
                ui.t("assessment.kind." + r.organisation().kind()), countries(r.application().countries(), lang),
                String.join(", ", r.application().coreAreas().stream().map(k -> coreAreaNames.getOrDefault(k, k)).toList()),
                ui.money(r.application().requestedSek()), ui.t("assessment.status." + r.status()),
                r.reviewsSubmitted() + " / " + r.reviewsAssigned(),
                r.score().isPresent() ? AssessmentViews.score(r.score().getAsDouble(), lang) : "")).toList();
        long requested = shown.stream().mapToLong(r -> r.application().requestedSek()).sum();
        Decisions.BudgetMeter meter = decisions.meter(round.id());
        List<String> conflicts = reviews.ofRound(round.id()).stream()
                .filter(a -> a.status() == Reviews.Status.CONFLICT)
                .map(a -> ui.t("assessment.dashboard.conflict", a.reviewerName(),
                        all.stream().filter(r -> r.application().id().equals(a.applicationId())).findFirst()
                                .map(r -> r.application().reference()).orElse("")))
                .toList();
        List<Option> statuses = STATUSES.stream()
                .map(s -> new Option(s, ui.t("assessment.status." + s), s.equals(filter.status()))).toList();
        List<Option> countryOptions = all.stream().flatMap(r -> r.application().countries().stream()).distinct()
                .map(c -> new Option(c, registry.country(c).map(x -> x.name(lang)).orElse(c), c.equals(filter.country())))
                .sorted(java.util.Comparator.comparing(Option::label)).toList();
        List<Option> coreAreaOptions = coreAreaNames.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue(), e.getKey().equals(filter.coreArea()))).toList();
        List<Option> kinds = List.of("municipality", "region", "county-council", "regional-federation").stream()
                .map(k -> new Option(k, ui.t("assessment.kind." + k), k.equals(filter.applicantType()))).toList();
        List<Option> regions = registry.regions().stream()
                .map(r -> new Option(r.code(), r.name(), r.code().equals(filter.region()))).toList();
        String query = "status=" + enc(filter.status()) + "&country=" + enc(filter.country()) + "&coreArea=" + enc(filter.coreArea())
                + "&applicantType=" + enc(filter.applicantType()) + "&region=" + enc(filter.region());
        Dashboard page = new Dashboard(round.id().toString(), round.name(lang), rows, rows.size(),
                ui.money(requested), round.budgetSek() == null ? "" : ui.money(round.budgetSek()),
                ui.money(meter.granted()), meter.percent(), meter.over(), query, statuses, countryOptions,
                coreAreaOptions, kinds, regions, conflicts);
        return new DashboardModel(page, new AssessmentViews.PublishPanel(round.stateAt(programmes.now()).key(),
                round.opensAt() == null ? "" : StockholmTime.dateTime(round.opensAt(), lang),
                round.deadline() == null ? "" : StockholmTime.dateTime(round.deadline(), lang),
                (int) all.stream().filter(r -> r.decision() == null).count(),
                pressReleases.ofRound(round.id()).isPresent()));
    }

    /** The round's applications by mean score. */
    Ranking ranking(UUID roundId, Ui ui) {
        RoundDetails round = round(roundId);
        List<RankingRow> rows = new ArrayList<>();
        int rank = 0;
        for (RoundDashboard.Row r : dashboard.ranking(round.id())) {
            rank++;
            rows.add(new RankingRow(rank, r.application().id().toString(), r.application().reference(),
                    r.organisation().name(), ui.money(r.application().requestedSek()),
                    r.score().isPresent() ? AssessmentViews.score(r.score().getAsDouble(), ui.language()) : ui.t("assessment.ranking.noScore"),
                    String.valueOf(r.reviewsSubmitted()), ui.t("assessment.status." + r.status())));
        }
        return new Ranking(round.id().toString(), round.name(ui.language()), rows);
    }

    /** An application as the officer assesses it: eligibility, reviewers and reviews, the decision form. */
    ApplicationPage application(SubmittedApplication a, Map<String, String> typed, Map<String, String> errors,
            String overBudgetWarning, Ui ui) {
        Language lang = ui.language();
        RoundDetails round = rounds.details(a.roundId()).orElseThrow(NotFoundException::new);
        Optional<EligibilityChecks.Check> check = eligibility.of(a.id());
        Map<String, String> form = new LinkedHashMap<>();
        List<PointRow> points = new ArrayList<>();
        for (String p : EligibilityChecks.POINTS) {
            EligibilityChecks.Point stored = check.map(c -> c.points().get(p)).orElse(null);
            String answer = typed.containsKey("point-" + p) ? typed.get("point-" + p)
                    : stored == null ? "" : stored.passed() ? "yes" : "no";
            String reason = typed.containsKey("reason-" + p) ? typed.get("reason-" + p)
                    : stored == null ? "" : stored.reason();
            points.add(new PointRow(p, ui.t("assessment.eligibility.point." + p), answer, reason));
        }
        String checked = check.map(c -> ui.t(c.eligible() ? "assessment.eligibility.eligible"
                : "assessment.eligibility.ineligible", c.checkedBy(), StockholmTime.dateTime(c.checkedAt(), lang)))
                .orElse(ui.t("assessment.eligibility.notChecked"));
        List<Reviews.Assignment> assignments = reviews.ofApplication(a.id());
        List<ReviewerRow> reviewerRows = assignments.stream().map(x -> new ReviewerRow(x.reviewerName(),
                ui.t("assessment.review.status." + x.status().key()), x.conflictReason() == null ? "" : x.conflictReason()))
                .toList();
        List<Option> reviewerOptions = people.withRole(Role.REVIEWER).stream()
                .filter(p -> assignments.stream().noneMatch(x -> x.reviewerId().equals(p.id())))
                .map(p -> new Option(p.id().toString(), p.name() + " (" + p.email() + ")", false)).toList();
        List<Criterion> criteria = reviews.criteria(a.programme());
        List<Reviews.Review> submitted = reviews.submitted(a.id(), a.programme());
        List<ReviewRow> reviewRows = submitted.stream().map(r -> AssessmentViews.reviewRow(r, criteria, lang)).toList();
        String mean = submitted.isEmpty() ? ""
                : AssessmentViews.score(submitted.stream().mapToDouble(Reviews.Review::weighted).average().orElse(0), lang);
        Decisions.BudgetMeter meter = decisions.meter(a.roundId());
        Optional<Decisions.Decision> decision = decisions.of(a.id());
        String decisionText = decision.map(d -> d.outcome() == Decisions.Outcome.GRANTED
                ? ui.t("assessment.decision.granted", ui.money(d.amountSek()), d.decidedBy(),
                        StockholmTime.dateTime(d.decidedAt(), lang))
                : ui.t("assessment.decision.rejected", d.decidedBy(), StockholmTime.dateTime(d.decidedAt(), lang)))
                .orElse(ui.t("assessment.decision.none"));
        decision.ifPresent(d -> {
            form.put("outcome", d.outcome().key());
            form.put("amount", d.amountSek() == null ? "" : String.valueOf(d.amountSek()));
            form.put("conditions", d.conditions());
            form.put("reasonSv", d.reasonSv());
            form.put("reasonEn", d.reasonEn());
            form.put("makerName", d.makerName());
            form.put("makerRole", d.makerRole());
        });
        for (String f : List.of("outcome", "amount", "conditions", "reasonSv", "reasonEn", "overrideReason", "makerName",
                "makerRole")) {
            if (typed.containsKey(f)) {
                form.put(f, typed.get(f));
            }
        }
        String status = decision.map(d -> d.outcome().key())
                .orElse(check.map(c -> c.eligible() ? "eligible" : "ineligible").orElse("new"));
        SwedishOrganisation org = registry.swedishOrganisation(a.leadOrganisation()).orElse(null);
        List<AssessmentViews.LineRow> lineRows = lines.rows(a.id(), typed, ui);
        return new ApplicationPage(a.id().toString(), a.reference(), a.title(),
                a.personal() ? a.applicantName() : org == null ? "" : org.name(), a.roundId().toString(), round.name(lang), String.join(", ", a.partnerNames()),
                countries(a.countries(), lang), coreAreas(a, lang), ui.money(a.requestedSek()),
                ui.t("assessment.status." + status), points, checked, reviewerRows, reviewerOptions, reviewRows, mean,
                round.budgetSek() == null ? "" : ui.money(round.budgetSek()), ui.money(meter.granted()),
                meter.percent(), meter.over(), decisionText, decision.isPresent(), form, errors, overBudgetWarning,
                lineRows, DecisionLines.total(lineRows, ui), confirmations(a, ui));
    }

    /** What the people the application names have confirmed (the fieldwork grant's supervisor), one line each. */
    private List<String> confirmations(SubmittedApplication a, Ui ui) {
        Language lang = ui.language();
        return applications.confirmations(a.id()).stream().map(c -> c.answeredAt() == null
                ? ui.t("confirmation.officers.waiting", c.name(), c.email(), StockholmTime.dateTime(c.expiresAt(), lang))
                : ui.t(c.supports() ? "confirmation.officers.yes" : "confirmation.officers.no", c.name(), c.email(),
                        StockholmTime.dateTime(c.answeredAt(), lang))).toList();
    }

    private String countries(List<String> codes, Language lang) {
        return String.join(", ", codes.stream().map(c -> registry.country(c).map(x -> x.name(lang)).orElse(c)).toList());
    }

    private String coreAreas(SubmittedApplication a, Language lang) {
        Map<String, String> names = coreAreaNames(a.programme(), lang);
        return String.join(", ", a.coreAreas().stream().map(k -> names.getOrDefault(k, k)).toList());
    }

    private Map<String, String> coreAreaNames(String programme, Language lang) {
        Map<String, String> names = new LinkedHashMap<>();
        programmes.coreAreas(programme).forEach(c -> names.put(c.key(), c.name(lang)));
        return names;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    RoundDetails round(UUID id) {
        return rounds.details(id).orElseThrow(NotFoundException::new);
    }

    SubmittedApplication submitted(UUID id) {
        return applications.find(id).orElseThrow(NotFoundException::new);
    }
}

package se.partnerskap.application.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.ApplicationStatus;
import se.partnerskap.application.internal.ApplicationSummary;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Ineligibility;
import se.partnerskap.application.internal.SubmissionRecord;
import se.partnerskap.application.internal.Submissions;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
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
 * The submission pages as records ({@link SubmissionController} binds and picks the template): the declaration
 * and submit page with the eligibility result, the receipt with every version, "my applications" a page at a time
 * with the countdown, and the deadline as an iCalendar event.
 */
@Component
class SubmissionPages {

    /** An iCalendar event and the name of its file. */
    record Calendar(String text, String fileName) {
    }

    private final Submissions submissions;
    private final Applications applications;
    private final Rounds rounds;
    private final Components components;
    private final Registry registry;
    private final Applicants applicants;
    private final Links links;

    SubmissionPages(Submissions submissions, Applications applications, Rounds rounds, Components components,
            Registry registry, Links links, Applicants applicants) {
        this.applicants = applicants;
        this.submissions = submissions;
        this.applications = applications;
        this.rounds = rounds;
        this.components = components;
        this.registry = registry;
        this.links = links;
    }

    SubmitView submit(Application a, Ui ui, List<Ineligibility> reasons, boolean declarationMissing) {
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
            case Section.Texts title -> title.in(ui.language());
            case String s when s.startsWith("submission.") -> ui.t(s);
            case String s when "partner-country".equals(r.rule()) ->
                    registry.country(s).map(c -> c.name(ui.language())).orElse(s);
            default -> arg;
        }).toArray();
        String href = r.section() == null ? null : header.base() + "/" + r.section().slug(ui.language());
        return new Reason(ui.t(r.message(), args), href);
    }

    /** The receipt of the latest of {@code all} (the application's submissions, oldest first) and the earlier ones. */
    ReceiptView receipt(Application a, List<SubmissionRecord> all, Ui ui) {
        SubmissionRecord latest = all.getLast();
        Language lang = ui.language();
        return new ReceiptView(header(a, ui), latest, StockholmTime.dateTime(latest.submittedAt(), lang),
                all.stream().map(s -> new Version(s.version(), StockholmTime.dateTime(s.submittedAt(), lang),
                        s.submittedBy())).toList(), a.status() == ApplicationStatus.WITHDRAWN);
    }

    /** The applications the user's organisations lead, page {@code page}. */
    MineView mine(UUID userId, String page, Ui ui) {
        // the applications the user's organisations lead (as Applications.load allows), not those they co-apply to,
        // a page at a time; each round, organisation and latest submission read once for the page's rows
        PageRequest wanted = PageRequest.of(page, SubmissionViews.MINE_PAGE);
        Applications.Led led = applications.ledBy(userId, wanted.offset(), wanted.size());
        List<ApplicationSummary> mine = led.rows();
        Map<UUID, RoundDetails> roundsById = new HashMap<>();
        Map<String, String> componentNames = new HashMap<>();
        Map<UUID, String> organisations = new HashMap<>();
        registry.swedishOrganisations(mine.stream().map(ApplicationSummary::leadOrganisation)
                        .filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(o -> organisations.put(o.id(), o.name()));
        Map<UUID, SubmissionRecord> latest = submissions.latestOf(mine.stream().map(ApplicationSummary::id).toList());
        Instant now = submissions.now();
        List<Row> rows = new ArrayList<>();
        for (ApplicationSummary s : mine) {
            RoundDetails round = roundsById.computeIfAbsent(s.roundId(), r -> rounds.details(r).orElseThrow());
            SubmissionRecord submitted = latest.get(s.id());
            String component = componentNames.computeIfAbsent(round.programme() + "/" + s.component(),
                    k -> componentName(round.programme(), s.component(), ui.language()));
            String applicant = s.leadOrganisation() == null ? applicants.name(null, s.applicantUser())
                    : organisations.getOrDefault(s.leadOrganisation(), "");
            rows.add(new Row(header(s.id(), s.title(), s.status(), applicant,
                    component, round, now, submitted == null ? null : submitted.reference(), ui),
                    StockholmTime.dateTime(s.updatedAt(), ui.language())));
        }
        return new MineView(rows, led.total(), wanted.number(), wanted.lastPage(led.total()));
    }

    /** The round's deadline as an iCalendar event with a reminder, or empty when the round has no deadline. */
    Optional<Calendar> calendar(Application a, Ui ui) {
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        if (round.deadline() == null) {
            return Optional.empty();
        }
        Language lang = ui.language();
        Header header = header(a, ui);
        String summary = ui.t("submission.ics.summary", round.name(lang));
        String description = ui.t("submission.ics.description", header.title(), header.organisation(), header.deadline());
        String ics = DeadlineCalendar.of("deadline-" + a.id() + "@partnerskap", round.deadline(), submissions.now(),
                summary, description, links.absolute(header.base()), ui.t("submission.ics.alarm", round.name(lang)), lang.code());
        return Optional.of(new Calendar(ics, ui.t("submission.ics.filename") + ".ics"));
    }

    Header header(Application a, Ui ui) {
        RoundDetails round = rounds.details(a.roundId()).orElseThrow();
        String reference = submissions.latestOf(List.of(a.id())).values().stream().findFirst()
                .map(SubmissionRecord::reference).orElse(null);
        return header(a.id(), a.title(), a.status(), applicants.name(a),
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

}

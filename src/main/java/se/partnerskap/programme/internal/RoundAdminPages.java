package se.partnerskap.programme.internal;

import static se.partnerskap.programme.internal.RoundForms.PROGRAMME;
import static se.partnerskap.programme.internal.RoundForms.iso;
import static se.partnerskap.programme.internal.RoundForms.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.programme.RoundStatus;
import se.partnerskap.programme.ApplicationWindow;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.programme.internal.RoundViews.Extension;
import se.partnerskap.programme.internal.RoundViews.Option;
import se.partnerskap.programme.internal.RoundViews.QuestionRow;
import se.partnerskap.programme.internal.RoundViews.RoundForm;
import se.partnerskap.programme.internal.RoundViews.RoundFormPage;
import se.partnerskap.programme.internal.RoundViews.ProgrammeRounds;
import se.partnerskap.programme.internal.RoundViews.RoundRow;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The round administrator's pages from the programme module's data ({@link RoundViews}'s records, every text
 * in the page's language), for {@link RoundAdmin}, {@link RoundExtensionAdmin} and {@link RoundQuestionsAdmin}.
 */
@Component
class RoundAdminPages {

    private final Rounds rounds;
    private final Programmes programmes;
    private final Components components;
    private final Registry registry;

    RoundAdminPages(Rounds rounds, Programmes programmes, Components components, Registry registry) {
        this.rounds = rounds;
        this.programmes = programmes;
        this.components = components;
        this.registry = registry;
    }

    /**
     * A new round's form for {@code programme} (404 for no such programme): the programme's next application window
     * when it has one (the municipal partnership's two a year), every component offered in rounds, its countries.
     */
    RoundForm proposed(String programme) {
        ProgrammeSummary p = programme(programme);
        Set<String> offered = new LinkedHashSet<>();
        components.all(p.key()).stream().filter(c -> !c.outsideRounds()).forEach(c -> offered.add(c.key()));
        List<ApplicationWindow.Occurrence> upcoming = programmes.upcoming(p.key());
        ApplicationWindow.Occurrence next = upcoming.isEmpty() ? null : upcoming.getFirst();
        return new RoundForm(null, p.key(), next == null ? "" : next.name(Language.SV),
                next == null ? "" : next.name(Language.EN), next == null ? "" : RoundForms.local(next.opensAt()),
                next == null ? "" : RoundForms.local(next.closesAt()), "", "",
                new LinkedHashSet<>(programmes.countryCodes(p.key())), offered, false,
                "organisation".equals(p.applicantKind()), 0, java.util.Map.of());
    }

    /** A programme by key, or 404. */
    ProgrammeSummary programme(String key) {
        return programmes.all().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow(NotFoundException::new);
    }

    /** Every programme's rounds, the municipal partnership first. */
    List<ProgrammeRounds> list(Ui ui) {
        Instant now = programmes.now();
        return programmes.all().stream()
                .sorted(java.util.Comparator.comparing(p -> !p.key().equals(PROGRAMME)))
                .map(p -> new ProgrammeRounds(p.key(), ui.pick(p.nameSv(), p.nameEn()),
                        rounds.all(p.key()).stream().map(r -> row(r, ui, now)).toList())).toList();
    }

    /** A round in the administrator's list. */
    static RoundRow row(RoundDetails r, Ui ui, Instant now) {
        Language lang = ui.language();
        return new RoundRow(r.id().toString(), r.name(lang), time(r.opensAt(), lang), iso(r.opensAt()),
                time(r.closesAt(), lang), iso(r.closesAt()), time(r.extendedUntil(), lang), iso(r.extendedUntil()),
                ui.t("rounds.status." + status(r, now)),
                r.budgetSek() == null ? "" : ui.money(r.budgetSek()),
                r.maxAmountSek() == null ? "" : ui.money(r.maxAmountSek()), r.continuous());
    }

    /**
     * draft, scheduled (published, not yet open), open, closed (also once the deadline has passed, before the
     * closing job has run) or decided (decisions published).
     */
    static String status(RoundDetails r, Instant now) {
        return r.stateAt(now).key();
    }

    /** The round's state now (past its deadline an open round is closed). */
    RoundDetails.State state(RoundDetails r) {
        return r.stateAt(programmes.now());
    }

    /** A round with a window (not a past round recorded from the programme's material), or 404. */
    RoundDetails find(UUID id) {
        return rounds.details(id).filter(r -> r.opensAt() != null).orElseThrow(NotFoundException::new);
    }

    /** The round's form page: the form with its options, and for a stored round its state, questions and changes. */
    RoundFormPage page(RoundForm form, RoundDetails r, boolean conflict, Ui ui) {
        Language lang = ui.language();
        List<Option> countryOptions = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>(programmes.countryCodes(form.programme()));
        if (r != null) {
            listed.addAll(r.countries());
        }
        listed.addAll(form.countries());
        // the programme's list first, in its order; then any other partner country, by name
        registry.countries().stream().filter(c -> !listed.contains(c.iso2()) && c.listed())
                .sorted(java.util.Comparator.comparing(c -> c.name(lang))).forEach(c -> listed.add(c.iso2()));
        for (String code : listed) {
            registry.country(code).ifPresent(c -> countryOptions.add(
                    new Option(code, c.name(lang), form.countries().contains(code))));
        }
        List<Option> componentOptions = components.all(form.programme()).stream()
                .map(c -> new Option(c.key(), c.name(lang), form.components().contains(c.key()))).toList();
        Extension extension = null;
        List<QuestionRow> questions = List.of();
        RoundStatus status = RoundStatus.DRAFT;
        String deadline = null;
        String updatedBy = null;
        String updatedAt = null;
        if (r != null) {
            // past its deadline an open round is closed, even before the closing job has marked it
            status = r.stateAt(programmes.now()) == RoundDetails.State.CLOSED ? RoundStatus.CLOSED : r.status();
            deadline = ui.t("rounds.status." + status(r, programmes.now()));
            questions = r.questions().stream()
                    .map(q -> new QuestionRow(q.key(), q.label(lang), ui.t("rounds.question.type." + q.type()),
                            q.required())).toList();
            Rounds.Changes changes = rounds.changes(r.id()).orElseThrow();
            if (r.extendedUntil() != null) {
                extension = new Extension(time(r.extendedUntil(), lang), iso(r.extendedUntil()),
                        changes.extensionReasonSv(), changes.extensionReasonEn(), changes.extendedBy(),
                        time(changes.extendedAt(), lang));
            }
            updatedBy = changes.updatedBy();
            updatedAt = time(changes.updatedAt(), lang);
        }
        ProgrammeSummary p = programme(form.programme());
        return new RoundFormPage(form, ui.pick(p.nameSv(), p.nameEn()), countryOptions, componentOptions, status,
                deadline, extension, questions, conflict, updatedBy, updatedAt);
    }
}

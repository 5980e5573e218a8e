package se.partnerskap.programme.internal;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.programme.ApplicationWindow;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.Rounds;
import se.partnerskap.programme.internal.RoundViews.Extension;
import se.partnerskap.programme.internal.RoundViews.Option;
import se.partnerskap.programme.internal.RoundViews.QuestionRow;
import se.partnerskap.programme.internal.RoundViews.RoundForm;
import se.partnerskap.programme.internal.RoundViews.RoundFormPage;
import se.partnerskap.programme.internal.RoundViews.RoundRow;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * Case officers and administrators list, create, edit, publish and close rounds. Dates and times are
 * typed as Stockholm local time and stored as instants; a new round proposes the next window.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_OFFICER', 'ADMINISTRATOR')")
class RoundAdmin {

    static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;
    /** A sanity ceiling for amounts: far above any budget, well inside a bigint. */
    static final long MAX_SEK = 10_000_000_000L;
    private static final Pattern WHOLE_KRONOR = Pattern.compile("\\d{1,15}");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Rounds rounds;
    private final RoundManagement management;
    private final Programmes programmes;
    private final Components components;
    private final Registry registry;
    private final JdbcClient jdbc;

    RoundAdmin(Rounds rounds, RoundManagement management, Programmes programmes, Components components,
            Registry registry, JdbcClient jdbc) {
        this.rounds = rounds;
        this.management = management;
        this.programmes = programmes;
        this.components = components;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @GetMapping({"/admin/omgangar", "/en/admin/rounds"})
    String list(Ui ui, Model model) {
        Instant now = programmes.now();
        List<RoundRow> rows = rounds.all(PROGRAMME).stream().map(r -> row(r, ui, now)).toList();
        model.addAttribute("rounds", rows);
        return "pages/rounds/list";
    }

    private static RoundRow row(RoundDetails r, Ui ui, Instant now) {
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

    @GetMapping({"/admin/omgangar/ny", "/en/admin/rounds/new"})
    String newRound(Ui ui, Model model) {
        ApplicationWindow.Occurrence next = management.proposal(PROGRAMME);
        Set<String> allComponents = new LinkedHashSet<>();
        components.all(PROGRAMME).stream().filter(c -> !c.outsideRounds()).forEach(c -> allComponents.add(c.key()));
        RoundForm form = new RoundForm(null, PROGRAMME, next.name(Language.SV), next.name(Language.EN),
                local(next.opensAt()), local(next.closesAt()), "", "",
                new LinkedHashSet<>(programmes.countryCodes(PROGRAMME)), allComponents, false, true, 0, Map.of());
        return page(form, null, false, ui, model);
    }

    @PostMapping({"/admin/omgangar/ny", "/en/admin/rounds/new"})
    String create(Ui ui, Principal principal, @RequestParam Map<String, String> params,
            @RequestParam(name = "countries", required = false) List<String> countries,
            @RequestParam(name = "components", required = false) List<String> componentKeys, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundForm form = form(null, params, countries, componentKeys);
        RoundInput input = validate(form);
        if (input == null) {
            response.setStatus(400);
            return page(form, null, false, ui, model);
        }
        UUID id = management.create(input, principal.getName());
        redirect.addFlashAttribute("notice", "rounds.notice.created");
        return "redirect:" + ui.href("/admin/omgangar/" + id);
    }

    @GetMapping({"/admin/omgangar/{id}", "/en/admin/rounds/{id}"})
    String edit(@PathVariable UUID id, Ui ui, Model model) {
        RoundDetails r = find(id);
        return page(formOf(r), r, false, ui, model);
    }

    @PostMapping({"/admin/omgangar/{id}", "/en/admin/rounds/{id}"})
    String save(@PathVariable UUID id, Ui ui, Principal principal, @RequestParam Map<String, String> params,
            @RequestParam(name = "countries", required = false) List<String> countries,
            @RequestParam(name = "components", required = false) List<String> componentKeys, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundDetails r = find(id);
        RoundForm form = form(r.id().toString(), params, countries, componentKeys);
        RoundInput input = validate(form);
        if (input == null) {
            response.setStatus(400);
            return page(form, r, false, ui, model);
        }
        try {
            management.update(r.id(), input, form.version(), principal.getName());
        } catch (RoundManagement.StaleRound stale) {
            response.setStatus(409);
            return page(form, find(id), true, ui, model);
        } catch (RoundManagement.NotAllowed closed) {
            response.setStatus(409);
            return page(form, r, false, ui, model);
        }
        redirect.addFlashAttribute("notice", "rounds.notice.saved");
        return "redirect:" + ui.href("/admin/omgangar/" + r.id());
    }

    @PostMapping({"/admin/omgangar/{id}/publicera", "/en/admin/rounds/{id}/publicera"})
    String publish(@PathVariable UUID id, @RequestParam(defaultValue = "0") int version, Ui ui,
            Principal principal, RedirectAttributes redirect) {
        return changeStatus(find(id), r -> management.publish(r.id(), version, principal.getName()),
                "rounds.notice.published", ui, redirect);
    }

    @PostMapping({"/admin/omgangar/{id}/stang", "/en/admin/rounds/{id}/stang"})
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "0") int version, Ui ui,
            Principal principal, RedirectAttributes redirect) {
        return changeStatus(find(id), r -> management.close(r.id(), version, principal.getName()),
                "rounds.notice.closed", ui, redirect);
    }

    /** Publishes or closes a round; if someone changed it meanwhile, says so and changes nothing. */
    private String changeStatus(RoundDetails r, java.util.function.Consumer<RoundDetails> change, String notice, Ui ui,
            RedirectAttributes redirect) {
        try {
            change.accept(r);
            redirect.addFlashAttribute("notice", notice);
        } catch (RoundManagement.StaleRound | RoundManagement.NotAllowed e) {
            redirect.addFlashAttribute("notice", "rounds.notice.changedMeanwhile");
        }
        return "redirect:" + ui.href("/admin/omgangar/" + r.id());
    }

    /** The round's state now (past its deadline an open round is closed). */
    RoundDetails.State state(RoundDetails r) {
        return r.stateAt(programmes.now());
    }

    RoundDetails find(UUID id) {
        return rounds.details(id).filter(r -> r.opensAt() != null).orElseThrow(NotFoundException::new);
    }

    private String page(RoundForm form, RoundDetails r, boolean conflict, Ui ui, Model model) {
        Language lang = ui.language();
        List<Option> countryOptions = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>(programmes.countryCodes(PROGRAMME));
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
        List<Option> componentOptions = components.all(PROGRAMME).stream()
                .map(c -> new Option(c.key(), c.name(lang), form.components().contains(c.key()))).toList();
        Extension extension = null;
        List<QuestionRow> questions = List.of();
        String status = "draft";
        String deadline = null;
        String updatedBy = null;
        String updatedAt = null;
        if (r != null) {
            // past its deadline an open round is closed, even before the closing job has marked it
            status = r.stateAt(programmes.now()) == RoundDetails.State.CLOSED ? "closed" : r.status();
            deadline = ui.t("rounds.status." + status(r, programmes.now()));
            questions = r.questions().stream()
                    .map(q -> new QuestionRow(q.key(), q.label(lang), ui.t("rounds.question.type." + q.type()),
                            q.required())).toList();
            var meta = jdbc.sql("""
                    SELECT extension_reason_sv, extension_reason_en, extended_by, extended_at, updated_by, updated_at
                    FROM round WHERE id = ?
                    """).param(r.id()).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getTimestamp(4) == null ? null : time(rs.getTimestamp(4).toInstant(), lang),
                    rs.getString(5), rs.getTimestamp(6) == null ? null : time(rs.getTimestamp(6).toInstant(), lang)})
                    .single();
            if (r.extendedUntil() != null) {
                extension = new Extension(time(r.extendedUntil(), lang), iso(r.extendedUntil()), meta[0], meta[1],
                        meta[2], meta[3]);
            }
            updatedBy = meta[4];
            updatedAt = meta[5];
        }
        model.addAttribute("page", new RoundFormPage(form, countryOptions, componentOptions, status, deadline,
                extension, questions, conflict, updatedBy, updatedAt));
        return "pages/rounds/form";
    }

    private static RoundForm formOf(RoundDetails r) {
        return new RoundForm(r.id().toString(), r.programme(), r.nameSv(), r.nameEn(), local(r.opensAt()),
                local(r.closesAt()), r.budgetSek() == null ? "" : String.valueOf(r.budgetSek()),
                r.maxAmountSek() == null ? "" : String.valueOf(r.maxAmountSek()), new LinkedHashSet<>(r.countries()),
                new LinkedHashSet<>(r.components()), r.continuous(), r.onePerLeadAndPartner(), r.version(), Map.of());
    }

    private static RoundForm form(String id, Map<String, String> p, List<String> countries, List<String> comps) {
        int version;
        try {
            version = Integer.parseInt(p.getOrDefault("version", "0"));
        } catch (NumberFormatException e) {
            version = 0;
        }
        return new RoundForm(id, PROGRAMME, p.getOrDefault("nameSv", ""), p.getOrDefault("nameEn", ""),
                p.getOrDefault("opens", ""), p.getOrDefault("closes", ""), p.getOrDefault("budget", ""),
                p.getOrDefault("maxAmount", ""), countries == null ? Set.of() : new LinkedHashSet<>(countries),
                comps == null ? Set.of() : new LinkedHashSet<>(comps), "true".equals(p.get("continuous")),
                "true".equals(p.get("onePerLeadAndPartner")), version, new LinkedHashMap<>());
    }

    /** Checks the typed form, adding its errors; the input to save, or null when there are errors. */
    private RoundInput validate(RoundForm form) {
        Map<String, String> errors = form.errors();
        text(form.nameSv(), "nameSv", errors);
        text(form.nameEn(), "nameEn", errors);
        Instant opens = instant(form.opens(), "opens", errors);
        Instant closes = instant(form.closes(), "closes", errors);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.put("closes", "rounds.error.closes.beforeOpens");
        }
        Long budget = kronor(form.budget(), "budget", errors);
        Long max = kronor(form.maxAmount(), "maxAmount", errors);
        if (budget != null && max != null && max > budget) {
            errors.put("maxAmount", "rounds.error.maxAmount.overBudget");
        }
        Set<String> knownCountries = new java.util.HashSet<>();
        registry.countries().forEach(c -> knownCountries.add(c.iso2()));
        if (form.countries().isEmpty()) {
            errors.put("countries", "rounds.error.countries.missing");
        } else if (!knownCountries.containsAll(form.countries())) {
            errors.put("countries", "rounds.error.countries.unknown");
        }
        Set<String> knownComponents = new java.util.HashSet<>();
        components.all(PROGRAMME).forEach(c -> knownComponents.add(c.key()));
        if (form.components().isEmpty()) {
            errors.put("components", "rounds.error.components.missing");
        } else if (!knownComponents.containsAll(form.components())) {
            errors.put("components", "rounds.error.components.unknown");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new RoundInput(PROGRAMME, form.nameSv().strip(), form.nameEn().strip(), opens, closes, budget, max,
                form.continuous(), form.onePerLeadAndPartner(), List.copyOf(form.countries()),
                List.copyOf(form.components()));
    }

    private static void text(String value, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            errors.put(field, "rounds.error." + field + ".missing");
        } else if (value.length() > 200) {
            errors.put(field, "rounds.error.text.tooLong");
        }
    }

    /** Whole kronor, digits only (spaces between groups allowed), more than zero. */
    static Long kronor(String typed, String field, Map<String, String> errors) {
        String s = typed.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (s.isEmpty()) {
            errors.put(field, field.startsWith("max_") ? "rounds.error.amount.missing" : "rounds.error." + field + ".missing");
            return null;
        }
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            errors.put(field, "rounds.error.amount.negative");
            return null;
        }
        if (!WHOLE_KRONOR.matcher(s).matches()) {
            errors.put(field, "rounds.error.amount.notWholeKronor");
            return null;
        }
        long value = Long.parseLong(s);
        if (value <= 0) {
            errors.put(field, "rounds.error.amount.negative");
            return null;
        }
        if (value > MAX_SEK) {
            errors.put(field, "rounds.error.amount.tooLarge");
            return null;
        }
        return value;
    }

    /** A Stockholm local date and time as typed (2027-02-15T00:00 or with seconds), as an instant. */
    static Instant instant(String typed, String field, Map<String, String> errors) {
        String s = typed.strip().replace(' ', 'T');
        if (s.isEmpty()) {
            errors.put(field, "rounds.error." + field + ".missing");
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(s);
            if (local.getYear() < 2000 || local.getYear() > 2100) {
                errors.put(field, "rounds.error.dateTime.invalid");
                return null;
            }
            return ZonedDateTime.of(local, StockholmTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "rounds.error.dateTime.invalid");
            return null;
        }
    }

    /** An instant as the value of a datetime-local field, in Stockholm time. */
    static String local(Instant i) {
        return i == null ? "" : StockholmTime.at(i).toLocalDateTime().format(LOCAL);
    }

    static String time(Instant i, Language lang) {
        return i == null ? null : StockholmTime.dateTime(i, lang);
    }

    static String iso(Instant i) {
        return i == null ? null : StockholmTime.at(i).toOffsetDateTime().toString();
    }
}

package se.partnerskap.programme.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundInput;
import se.partnerskap.programme.internal.RoundViews.RoundForm;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * The round form's rules, apart from its controller: the form as typed or as stored, its checks (names,
 * Stockholm local dates and times, whole kronor, known countries and components), and the field formats the
 * administrator's pages share ({@link #kronor}, {@link #instant}, {@link #local}).
 */
@Component
class RoundForms {

    static final String PROGRAMME = se.partnerskap.programme.Programmes.MUNICIPAL_PARTNERSHIP;
    /** A sanity ceiling for amounts: far above any budget, well inside a bigint. */
    static final long MAX_SEK = 10_000_000_000L;
    private static final Pattern WHOLE_KRONOR = Pattern.compile("\\d{1,15}");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Components components;
    private final Registry registry;
    private final se.partnerskap.programme.Programmes programmes;

    RoundForms(Components components, Registry registry, se.partnerskap.programme.Programmes programmes) {
        this.components = components;
        this.registry = registry;
        this.programmes = programmes;
    }

    /** The form filled in with a stored round. */
    static RoundForm formOf(RoundDetails r) {
        return new RoundForm(r.id().toString(), r.programme(), r.nameSv(), r.nameEn(), local(r.opensAt()),
                local(r.closesAt()), r.budgetSek() == null ? "" : String.valueOf(r.budgetSek()),
                r.maxAmountSek() == null ? "" : String.valueOf(r.maxAmountSek()), new LinkedHashSet<>(r.countries()),
                new LinkedHashSet<>(r.components()), r.continuous(), r.onePerLeadAndPartner(), r.version(), Map.of());
    }

    /** The form as typed. */
    /**
     * The form as typed, for {@code programme} (a new round's is the form's hidden field, checked by {@link #validate};
     * a stored round's is its own).
     */
    static RoundForm form(String id, String programme, Map<String, String> p, List<String> countries, List<String> comps) {
        int version;
        try {
            version = Integer.parseInt(p.getOrDefault("version", "0"));
        } catch (NumberFormatException e) {
            version = 0;
        }
        return new RoundForm(id, programme, p.getOrDefault("nameSv", ""), p.getOrDefault("nameEn", ""),
                p.getOrDefault("opens", ""), p.getOrDefault("closes", ""), p.getOrDefault("budget", ""),
                p.getOrDefault("maxAmount", ""), countries == null ? Set.of() : new LinkedHashSet<>(countries),
                comps == null ? Set.of() : new LinkedHashSet<>(comps), "true".equals(p.get("continuous")),
                "true".equals(p.get("onePerLeadAndPartner")), version, new LinkedHashMap<>());
    }

    /** Checks the typed form, adding its errors; the input to save, or null when there are errors. */
    RoundInput validate(RoundForm form) {
        Map<String, String> errors = form.errors();
        if (programmes.all().stream().noneMatch(p -> p.key().equals(form.programme()))) {
            errors.put("nameSv", "rounds.error.programme.unknown");
        }
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
        components.all(form.programme()).forEach(c -> knownComponents.add(c.key()));
        if (form.components().isEmpty()) {
            errors.put("components", "rounds.error.components.missing");
        } else if (!knownComponents.containsAll(form.components())) {
            errors.put("components", "rounds.error.components.unknown");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new RoundInput(form.programme(), form.nameSv().strip(), form.nameEn().strip(), opens, closes, budget, max,
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

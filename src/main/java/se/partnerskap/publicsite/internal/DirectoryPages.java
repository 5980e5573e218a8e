package se.partnerskap.publicsite.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.CoreArea;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundSummary;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.PageRequest;
import se.partnerskap.web.Ui;

/** The project directory and a project's page as {@link ProjectDirectory} shows them: the funded partnerships named. */
@Component
public class DirectoryPages {

    static final int PAGE_SIZE = 20;
    /** Page links on each side of the current page (besides the first and the last). */
    static final int PAGER_NEIGHBOURS = 2;
    private static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    private final FundedPartnerships funded;
    private final Programmes programmes;
    private final Registry registry;

    DirectoryPages(FundedPartnerships funded, Programmes programmes, Registry registry) {
        this.funded = funded;
        this.programmes = programmes;
        this.registry = registry;
    }

    /** The directory's filters and page as the query string gives them (each may be absent). */
    public record Filter(String q, String country, String area, String region, String round, String status, String page) {
    }

    /** A choice of a filter's select: its value, its label and whether it is chosen now. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * A text of the project and, when it is not in the page's language (it has none there), its language
     * code for the {@code lang} attribute and a note that says which language it is in.
     */
    public record Named(String text, String lang, String note) {
    }

    /** One funded project as the directory lists it. */
    public record ProjectRow(String href, Named heading, String swedishParty, String partners, String countries, String coreAreas,
            Named theme, String amount, String round, String status, String statusCode) {
    }

    /** A link to a page of the list; {@code href} null for a gap ("…") between the pages linked. */
    public record PageLink(int number, String href, boolean current) {
    }

    public record DirectoryPage(String q, List<Option> countries, List<Option> coreAreas, List<Option> regions,
            List<Option> rounds, List<Option> statuses, List<ProjectRow> projects, int total, int from, int to,
            List<PageLink> pages, String previous, String next, boolean filtered) {
    }

    public record ProjectPage(Named title, String swedishParty, List<String> partners, String countries,
            String coreAreas, Named theme, String amount, String round, String period, String status,
            String statusCode, String note, String directoryHref, String editHref) {
    }

    /** For a case officer or communicator: where they correct the project's public title and theme. */
    private static String editHref(FundedPartnership f, Ui ui) {
        boolean may = ui.viewer().has("CASE_OFFICER") || ui.viewer().has("COMMUNICATOR") || ui.viewer().has("ADMINISTRATOR");
        return may ? ui.href("/uppfoljning/projekt/" + f.key() + "/publika-texter") : null;
    }

    /** The directory's page for the filter and page asked for. */
    DirectoryPage directory(Filter filter, Ui ui) {
        String q = filter.q();
        String country = filter.country();
        String area = filter.area();
        String region = filter.region();
        String round = filter.round();
        String status = filter.status();
        String page = filter.page() == null ? "1" : filter.page();
        Language lang = ui.language();
        Collator collator = Collator.getInstance(lang.locale());
        List<RoundSummary> rounds = fundedRounds();
        UUID roundId = rounds.stream().filter(r -> r.key().equals(round)).map(RoundSummary::id).findFirst().orElse(null);
        String statusCode = "active".equals(status) || "completed".equals(status) ? status : null;
        PageRequest wanted = PageRequest.of(page, PAGE_SIZE);
        int pageNumber = wanted.number();
        var found = funded.search(new FundedPartnerships.Search(PROGRAMME, q, blankToNull(country), blankToNull(area),
                blankToNull(region), roundId, statusCode), wanted.offset(), wanted.size());
        Context context = context(lang);
        List<ProjectRow> rows = found.partnerships().stream().map(f -> row(f, ui, context)).toList();

        List<Option> countries = registry.countries().stream()
                .sorted(Comparator.comparing(c -> c.name(lang), collator))
                .map(c -> new Option(c.iso2(), c.name(lang), c.iso2().equals(country))).toList();
        List<Option> areas = programmes.coreAreas(PROGRAMME).stream()
                .map(a -> new Option(a.key(), a.name(lang), a.key().equals(area))).toList();
        List<Option> regions = registry.regions().stream()
                .sorted(Comparator.comparing(r -> r.name(), collator))
                .map(r -> new Option(r.code(), r.name(), r.code().equals(region))).toList();
        List<Option> roundOptions = rounds.stream()
                .map(r -> new Option(r.key(), r.name(lang), r.key().equals(round))).toList();
        List<Option> statuses = List.of(
                new Option("active", ui.t("projects.status.active"), "active".equals(statusCode)),
                new Option("completed", ui.t("projects.status.completed"), "completed".equals(statusCode)));

        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", q == null ? null : q.strip());
        query.put("country", country);
        query.put("area", area);
        query.put("region", region);
        query.put("round", round);
        query.put("status", statusCode);
        String base = ui.href("/projekt");
        int lastPage = wanted.lastPage(found.total());
        List<PageLink> pages = new ArrayList<>();
        if (lastPage > 1) {
            // the first, the last and the current page's neighbours, a gap between: not a link to each of hundreds
            int previousShown = 0;
            for (int n = 1; n <= lastPage; n++) {
                if (n == 1 || n == lastPage || Math.abs(n - pageNumber) <= PAGER_NEIGHBOURS) {
                    if (n > previousShown + 1) {
                        pages.add(new PageLink(n - 1, null, false));
                    }
                    pages.add(new PageLink(n, pageHref(base, query, n), n == pageNumber));
                    previousShown = n;
                }
            }
        }
        int from = found.total() == 0 ? 0 : wanted.offset() + 1;
        boolean filtered = query.values().stream().anyMatch(v -> v != null && !v.isBlank());
        return new DirectoryPage(q == null ? "" : q, countries, areas, regions, roundOptions,
                statuses, rows, found.total(), from, from == 0 ? 0 : from + rows.size() - 1, pages,
                pageNumber > 1 && pageNumber <= lastPage ? pageHref(base, query, pageNumber - 1) : null,
                pageNumber < lastPage ? pageHref(base, query, pageNumber + 1) : null, filtered);
    }

    /** A project's own page. */
    ProjectPage project(FundedPartnership f, Ui ui) {
        Language lang = ui.language();
        Context context = context(lang);
        ProjectRow row = row(f, ui, context);
        List<String> partners = f.partners().stream()
                .map(p -> p.named() ? ui.t("grant.partner.named", p.name(), p.countryName(lang))
                        : ui.t("projects.partner.unnamed", p.countryName(lang)))
                .toList();
        String period = f.startsOn() == null || f.endsOn() == null ? null
                : ui.t("projects.period.value", StockholmTime.date(f.startsOn(), lang), StockholmTime.date(f.endsOn(), lang));
        return new ProjectPage(row.heading(), f.swedishOrganisationName(), partners, row.countries(),
                row.coreAreas(), row.theme(), row.amount(), row.round(), period, row.status(), row.statusCode(),
                f.note(lang), ui.href("/projekt"), editHref(f, ui));
    }

    /** What every row needs to be named: rounds and core areas by key, and today. */
    private record Context(Map<UUID, RoundSummary> rounds, Map<String, CoreArea> coreAreas, LocalDate today) {
    }

    private Context context(Language lang) {
        return new Context(programmes.rounds(PROGRAMME).stream().collect(Collectors.toMap(RoundSummary::id,
                Function.identity(), (a, b) -> a)),
                programmes.coreAreas(PROGRAMME).stream().collect(Collectors.toMap(CoreArea::key, Function.identity())),
                funded.today());
    }

    private static ProjectRow row(FundedPartnership f, Ui ui, Context c) {
        Language lang = ui.language();
        String partners = f.partners().stream().filter(FundedPartnership.Partner::named)
                .map(FundedPartnership.Partner::name).collect(Collectors.joining(", "));
        String countries = f.partners().stream().map(p -> p.countryName(lang)).distinct()
                .collect(Collectors.joining(", "));
        String areas = f.coreAreas().stream().map(k -> c.coreAreas().containsKey(k) ? c.coreAreas().get(k).name(lang) : k)
                .collect(Collectors.joining(", "));
        String amount = ui.money(f.amountSek()) + (f.amountIsDemo() ? " " + ui.t("projects.amount.demo") : "");
        RoundSummary round = f.roundId() == null ? null : c.rounds().get(f.roundId());
        String status = statusCode(f, c.today());
        FundedPartnership.Text title = f.title(lang);
        Named heading = title != null ? named(title, ui)
                : new Named(countries.isEmpty() ? f.swedishOrganisationName()
                        : ui.t("projects.project.title", f.swedishOrganisationName(), countries), null, null);
        FundedPartnership.Text theme = f.themeText(lang);
        return new ProjectRow(ui.href("/projekt/" + encode(f.path())), heading, f.swedishOrganisationName(), partners,
                countries, areas, theme == null ? null : named(theme, ui), amount,
                round == null ? ui.t("projects.round.unknown") : round.name(lang),
                ui.t("projects.status." + status), status);
    }

    /** A project's text for a page: marked with its language when it is not the page's. */
    static Named named(FundedPartnership.Text text, Ui ui) {
        return text.language() == ui.language() ? new Named(text.value(), null, null)
                : new Named(text.value(), text.language().code(), ui.t("projects.inLanguage." + text.language().code()));
    }

    /** A slug is ASCII; a key recorded before slugs may hold anything, so it is encoded per segment. */
    static String encode(String path) {
        return java.util.Arrays.stream(path.split("/", -1))
                .map(seg -> URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** Running, ended or not yet begun on {@code today}; the recorded status when the period is unknown. */
    static String statusCode(FundedPartnership f, LocalDate today) {
        if (f.startsOn() == null && f.endsOn() == null) {
            return f.status().code();
        }
        if (f.startsOn() != null && f.startsOn().isAfter(today)) {
            return "upcoming";
        }
        if (f.endsOn() != null && f.endsOn().isBefore(today)) {
            return "completed";
        }
        return "active";
    }

    /** The rounds that funded something, newest first as the programme lists them. */
    private List<RoundSummary> fundedRounds() {
        Set<UUID> withGrants = funded.fundingRounds(PROGRAMME);
        return programmes.rounds(PROGRAMME).stream().filter(r -> withGrants.contains(r.id())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String pageHref(String base, Map<String, String> query, int page) {
        StringBuilder href = new StringBuilder(base);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                href.append(sep).append(e.getKey()).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        if (page > 1) {
            href.append(sep).append("page=").append(page);
        }
        return href.toString();
    }
}

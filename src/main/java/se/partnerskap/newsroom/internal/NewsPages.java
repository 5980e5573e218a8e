package se.partnerskap.newsroom.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.shared.Language;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/**
 * The newsroom's list and the publications library as their pages show them ({@link NewsController},
 * {@link PublicationsController}); an item's page is {@link NewsItemPages}'.
 */
@Component
public class NewsPages {

    static final int PAGE_SIZE = 10;
    /** However quiet the newsroom, a cached page is rendered again after this long. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    /** What the newsroom's pages show: the items, and the projects they link to by title. */
    static final String REGIONS = RenderedPages.regions(NewsItems.CACHE_REGION, FundedPartnerships.PAGES_REGION);

    private final NewsItems items;

    NewsPages(NewsItems items) {
        this.items = items;
    }

    public record Card(String title, String href, String lang, String languageLabel, String dateLine, String iso,
            String lead, String imageUrl, String imageAlt) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record TagGroup(String label, List<Option> options) {
    }

    public record ListPage(List<Card> items, int total, int page, int pages, String previous, String next,
            List<Option> types, List<TagGroup> tags, List<Option> years, boolean filtered, String heading) {
    }

    public record PublicationRow(NewsItem item, String href, String lang, String pdfHref, String bibHref,
            String risHref) {
    }

    /** The list's filters as the query string gives them; anything not understood is ignored. */
    public record Filter(String type, String tag, String year, String page) {
    }

    /** A page of the public list in the reader's language; past the last page, not found. */
    ListPage list(Filter filter, Ui ui, Instant now) {
        Language lang = ui.language();
        String t = NewsItem.isType(filter.type()) ? filter.type() : null;
        String tag = filter.tag();
        String g = tag != null && !tag.isBlank() && items.tag(tag).isPresent() ? tag : null;
        Integer y = number(filter.year()).filter(v -> v > 1900 && v < 3000).orElse(null);
        int p = number(filter.page()).filter(v -> v > 0).orElse(1);
        NewsItems.Found found = items.published(new NewsItems.Query(lang, t, g, y, p, PAGE_SIZE), now);
        int pageCount = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (p > pageCount) {
            throw new NotFoundException();
        }
        List<Card> cards = found.items().stream().map(i -> card(i, ui)).toList();
        List<Option> types = NewsItem.TYPES.stream()
                .map(k -> new Option(k, ui.t("newsroom.type." + k), k.equals(t))).toList();
        Map<String, List<Option>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("programme", "theme", "country", "region")) {
            byKind.put(kind, new ArrayList<>());
        }
        items.tags().forEach(x -> byKind.get(x.kind()).add(new Option(x.key(), x.name(lang), x.key().equals(g))));
        List<TagGroup> tagGroups = byKind.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new TagGroup(ui.t("newsroom.tagKind." + e.getKey()), e.getValue())).toList();
        List<Option> years = items.years(now).stream()
                .map(v -> new Option(v.toString(), v.toString(), v.equals(y))).toList();
        String base = ui.href("/nyheter");
        String heading = g == null ? ui.t("newsroom.heading")
                : ui.t("newsroom.heading.tag", items.tag(g).map(x -> x.name(lang)).orElse(g));
        return new ListPage(cards, found.total(), p, pageCount,
                p > 1 ? pageHref(base, t, g, y, p - 1) : null,
                p < pageCount ? pageHref(base, t, g, y, p + 1) : null, types, tagGroups, years,
                t != null || g != null || y != null, heading);
    }

    /** The library's rows in the reader's language, each with its PDF and citation downloads. */
    List<PublicationRow> publications(Ui ui, Instant now) {
        return items.publications(ui.language(), now).stream().map(p -> {
            String base = NewsPaths.publication(p.language(), p.slug());
            return new PublicationRow(p, p.path(), p.language().equals(ui.lang()) ? null : p.language(),
                    p.hasPdf() ? base + ".pdf" : null, base + ".bib", base + ".ris");
        }).toList();
    }

    private static String pageHref(String base, String type, String tag, Integer year, int page) {
        List<String> q = new ArrayList<>();
        if (type != null) {
            q.add("type=" + type);
        }
        if (tag != null) {
            q.add("tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        if (year != null) {
            q.add("year=" + year);
        }
        if (page > 1) {
            q.add("page=" + page);
        }
        return q.isEmpty() ? base : base + "?" + String.join("&", q);
    }

    private Card card(NewsItem i, Ui ui) {
        boolean other = !i.language().equals(ui.lang());
        String typeLabel = ui.t("newsroom.type." + i.type());
        return new Card(i.title(), i.path(), other ? i.language() : null,
                other ? ui.t("newsroom.inLanguage." + i.language()) : null, NewsDates.line(i, typeLabel, ui.language()),
                i.undated() || i.publishAt() == null ? null : NewsDates.iso(i.publishAt(), i.dateOnly()), i.lead(),
                i.imageUrl(), i.imageAlt());
    }

    /** A cached page ends when the next scheduled item becomes public, and after {@link #MAX_AGE} anyway. */
    Instant expiry(Instant now) {
        Instant max = now.plus(MAX_AGE);
        return items.nextScheduled(now).filter(max::isAfter).orElse(max);
    }

    private static Optional<Integer> number(String s) {
        if (s == null || !s.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(s));
    }
}

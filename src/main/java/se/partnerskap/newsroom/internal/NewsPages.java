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

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/**
 * The public newsroom at /nyheter and /en/news, an item's page, and the publications library with its
 * citation export. Each language's list shows its own items and the other language's items that have
 * no translation into it, marked with their language. Pages for the public are served from
 * {@link RenderedPages}; nothing that is not public (draft, unpublished, scheduled) is found here.
 */
@Controller
public class NewsPages {

    static final int PAGE_SIZE = 10;
    /** However quiet the newsroom, a cached page is rendered again after this long. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final NewsItems items;
    private final NewsItemPages itemPages;
    private final RenderedPages pages;
    private final Links links;

    /** What the newsroom's pages show: the items, and the projects they link to by title. */
    static final String REGIONS = RenderedPages.regions(NewsItems.CACHE_REGION, FundedPartnerships.PAGES_REGION);

    NewsPages(NewsItems items, NewsItemPages itemPages, RenderedPages pages, Links links) {
        this.items = items;
        this.itemPages = itemPages;
        this.pages = pages;
        this.links = links;
    }

    // ---------------------------------------------------------------- view models

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

    public record Link(String label, String href) {
    }

    public record Contact(String name, String role, String phone, String email) {
    }

    public record Meta(String title, String description, String url, String image, String imageAlt,
            String publishedTime, String locale) {
    }

    public record ItemPage(NewsItem item, String dateLine, String iso, String typeLabel, String eventLine,
            List<Link> tags, List<Contact> contacts, List<Link> projects, Link translation, String pdfHref,
            Link bibtex, Link ris, Meta meta, boolean preview, String state) {
    }

    public record PublicationRow(NewsItem item, String href, String lang, String pdfHref, String bibHref,
            String risHref) {
    }

    // ---------------------------------------------------------------- the list

    @GetMapping({"/nyheter", "/en/news"})
    ResponseEntity<byte[]> list(Ui ui, HttpServletRequest request, @RequestParam(required = false) String type,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String year,
            @RequestParam(required = false) String page) {
        Instant now = items.now();
        return pages.serve(request, ui, REGIONS, now, () -> {
            Language lang = ui.language();
            String t = NewsItem.isType(type) ? type : null;
            String g = tag != null && !tag.isBlank() && items.tag(tag).isPresent() ? tag : null;
            Integer y = number(year).filter(v -> v > 1900 && v < 3000).orElse(null);
            int p = number(page).filter(v -> v > 0).orElse(1);
            NewsItems.Found found = items.published(new NewsItems.Query(lang, t, g, y, p, PAGE_SIZE), now);
            int pageCount = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            if (p > pageCount) {
                throw new NotFoundException();
            }
            List<Card> cards = found.items().stream().map(i -> card(i, ui)).toList();
            List<Option> types = NewsItem.TYPES.stream()
                    .map(k -> new Option(k, ui.t("newsroom.type." + k), k.equals(t))).toList();
            Map<String, List<Option>> byKind = new LinkedHashMap<>();
            for (String kind : List.of("theme", "country", "region")) {
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
            ListPage model = new ListPage(cards, found.total(), p, pageCount,
                    p > 1 ? pageHref(base, t, g, y, p - 1) : null,
                    p < pageCount ? pageHref(base, t, g, y, p + 1) : null, types, tagGroups, years,
                    t != null || g != null || y != null, heading);
            return new RenderedPages.Rendering("newsroom/list", Map.of("page", model),
                    items.lastChange(now).orElse(null), expiry(now));
        });
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

    // ---------------------------------------------------------------- an item

    @GetMapping({"/nyheter/{slug}", "/en/news/{slug}"})
    ResponseEntity<byte[]> item(Ui ui, HttpServletRequest request, @PathVariable String slug) {
        Instant now = items.now();
        return pages.serve(request, ui, REGIONS, now, () -> {
            NewsItem item = items.bySlug(ui.language(), slug).filter(i -> i.publicAt(now))
                    .orElseThrow(NotFoundException::new);
            ItemPage page = itemPages.itemPage(item, ui, now, false);
            Instant changed = item.updatedAt().isAfter(item.publishAt()) ? item.updatedAt() : item.publishAt();
            return new RenderedPages.Rendering("newsroom/item",
                    Map.of("page", page, "ui", ui.withAlternatePath(alternate(item, ui, now))), changed, expiry(now));
        });
    }

    /** The translation if it is public, else none: the switcher says so and the reader stays on the item. */
    String alternate(NewsItem item, Ui ui, Instant now) {
        return items.translation(item).filter(t -> t.publicAt(now)).map(NewsItem::path).orElse(null);
    }

    // ---------------------------------------------------------------- publications

    @GetMapping({"/publikationer", "/en/publications"})
    ResponseEntity<byte[]> publications(Ui ui, HttpServletRequest request) {
        Instant now = items.now();
        return pages.serve(request, ui, REGIONS, now, () -> {
            List<PublicationRow> rows = items.publications(ui.language(), now).stream().map(p -> {
                String base = NewsPaths.publication(p.language(), p.slug());
                return new PublicationRow(p, p.path(), p.language().equals(ui.lang()) ? null : p.language(),
                        p.hasPdf() ? base + ".pdf" : null, base + ".bib", base + ".ris");
            }).toList();
            return new RenderedPages.Rendering("newsroom/publications", Map.of("rows", rows),
                    items.lastChange(now).orElse(null), expiry(now));
        });
    }

    @GetMapping({"/publikationer/{slug}.bib", "/en/publications/{slug}.bib"})
    ResponseEntity<String> bibtex(Ui ui, @PathVariable String slug) {
        NewsItem p = publication(ui, slug);
        return download(PublicationExport.bibtex(p, links.absolute(p.path())), "application/x-bibtex", slug + ".bib");
    }

    @GetMapping({"/publikationer/{slug}.ris", "/en/publications/{slug}.ris"})
    ResponseEntity<String> ris(Ui ui, @PathVariable String slug) {
        NewsItem p = publication(ui, slug);
        return download(PublicationExport.ris(p, links.absolute(p.path())), "application/x-research-info-systems",
                slug + ".ris");
    }

    @GetMapping({"/publikationer/{slug}.pdf", "/en/publications/{slug}.pdf"})
    ResponseEntity<byte[]> pdf(Ui ui, @PathVariable String slug) {
        NewsItem p = publication(ui, slug);
        NewsItems.Pdf pdf = items.pdf(p.id()).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }

    private NewsItem publication(Ui ui, String slug) {
        Instant now = items.now();
        return items.bySlug(ui.language(), slug).filter(i -> "publication".equals(i.type()) && i.publicAt(now))
                .orElseThrow(NotFoundException::new);
    }

    private static ResponseEntity<String> download(String body, String type, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
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

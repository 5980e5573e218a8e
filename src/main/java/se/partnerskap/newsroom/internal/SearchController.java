package se.partnerskap.newsroom.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.PageRequest;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/** The site search: /sok and /en/search, a plain GET form with its results below. */
@Controller
public class SearchController {

    static final int PAGE_SIZE = 10;
    /** The deepest page of results shown: deeper offsets cost the index more than anyone reads. */
    static final int MAX_PAGE = 1000;
    static final int MAX_QUERY = 200;

    private final SearchResults search;
    private final SearchIndex index;
    private final NewsItems items;
    private final RenderedPages cache;

    /** What results show: the news items and the project documents of the index. */
    static final String REGIONS = RenderedPages.regions(NewsItems.CACHE_REGION, SearchIndex.CACHE_REGION);

    SearchController(SearchResults search, SearchIndex index, NewsItems items, RenderedPages cache) {
        this.search = search;
        this.index = index;
        this.items = items;
        this.cache = cache;
    }

    /** One result as the page shows it; {@code titleHtml} and {@code snippetHtml} are escaped with marks. */
    public record SearchRow(String href, String typeLabel, String date, String dateIso, String titleHtml,
            String snippetHtml, String lang, String languageNote) {
    }

    public record SearchPageLink(int number, String href, boolean current) {
    }

    public record SearchPage(String q, boolean searched, List<SearchRow> rows, int total, int from, int to,
            List<SearchPageLink> pages, String previous, String next) {
    }

    /**
     * The results, from {@link RenderedPages} for a query asked again: reused until a news item or the project
     * documents change, or a scheduled item becomes public.
     */
    @GetMapping({"/sok", "/en/search"})
    ResponseEntity<byte[]> search(Ui ui, HttpServletRequest request, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") String page) {
        Instant now = items.now();
        return cache.serve(request, ui, REGIONS, now, () -> {
            Map<String, Object> model = new HashMap<>();
            searchPage(ui, model, q, page);
            Instant max = now.plus(NewsPages.MAX_AGE);
            return new RenderedPages.Rendering("newsroom/search", model, null,
                    items.nextScheduled(now).filter(max::isAfter).orElse(max));
        });
    }

    private void searchPage(Ui ui, Map<String, Object> model, String q, String page) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        Language lang = ui.language();
        PageRequest wanted = PageRequest.of(page, PAGE_SIZE).atMost(MAX_PAGE);
        int number = wanted.number();
        if (!query.isEmpty()) {
            index.ensureProjects();
        }
        SearchResults.Page found = query.isEmpty() ? new SearchResults.Page(List.of(), 0)
                : search.search(query, lang, wanted.offset(), wanted.size());
        List<SearchRow> rows = found.hits().stream().map(h -> row(h, ui)).toList();
        int last = wanted.lastPage(found.total());
        String base = ui.href("/sok") + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        List<SearchPageLink> pages = new ArrayList<>();
        if (last > 1) {
            for (int n = 1; n <= last; n++) {
                pages.add(new SearchPageLink(n, base + (n > 1 ? "&page=" + n : ""), n == number));
            }
        }
        int from = wanted.firstShown(rows.size());
        model.put("page", new SearchPage(query, !query.isEmpty(), rows, found.total(), from,
                from == 0 ? 0 : from + rows.size() - 1, pages,
                number > 1 && number <= last ? base + (number - 1 > 1 ? "&page=" + (number - 1) : "") : null,
                number < last ? base + "&page=" + (number + 1) : null));
    }

    private static SearchRow row(SearchResults.Hit h, Ui ui) {
        Language docLang = Language.ofCode(h.language());
        boolean project = "project".equals(h.kind());
        String href = project ? ui.href("/projekt/" + h.pathKey())
                : (docLang == Language.EN ? "/en/news/" : "/nyheter/") + h.pathKey();
        Instant at = h.datedAt();
        String date = at == null ? null : StockholmTime.date(StockholmTime.at(at).toLocalDate(), ui.language());
        String iso = at == null ? null : StockholmTime.at(at).toLocalDate().toString();
        boolean other = docLang != ui.language();
        return new SearchRow(href, ui.t("newsfeeds.type." + h.type()), date, iso, h.titleHtml(), h.snippetHtml(),
                other ? docLang.code() : null, other ? ui.t("newsfeeds.search.inLanguage." + docLang.code()) : null);
    }
}

package se.partnerskap.newsroom.internal;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/**
 * The public newsroom at /nyheter and /en/news and an item's page. Each language's list shows its own items
 * and the other language's items that have no translation into it, marked with their language. Pages for the
 * public are served from {@link RenderedPages}; nothing that is not public (draft, unpublished, scheduled) is
 * found here. The publications library is {@link PublicationsController}.
 */
@Controller
public class NewsController {

    private final NewsItems items;
    private final NewsPages views;
    private final NewsItemPages itemPages;
    private final RenderedPages pages;

    NewsController(NewsItems items, NewsPages views, NewsItemPages itemPages, RenderedPages pages) {
        this.items = items;
        this.views = views;
        this.itemPages = itemPages;
        this.pages = pages;
    }

    @GetMapping({"/nyheter", "/en/news"})
    ResponseEntity<byte[]> list(Ui ui, HttpServletRequest request, @ModelAttribute NewsPages.Filter filter) {
        Instant now = items.now();
        return pages.serve(request, ui, NewsPages.REGIONS, now, () -> new RenderedPages.Rendering("newsroom/list",
                Map.of("page", views.list(filter, ui, now)), items.lastChange(now).orElse(null), views.expiry(now)));
    }

    @GetMapping({"/nyheter/{slug}", "/en/news/{slug}"})
    ResponseEntity<byte[]> item(Ui ui, HttpServletRequest request, @PathVariable String slug) {
        Instant now = items.now();
        return pages.serve(request, ui, NewsPages.REGIONS, now, () -> {
            NewsItem item = items.bySlug(ui.language(), slug).filter(i -> i.publicAt(now))
                    .orElseThrow(NotFoundException::new);
            NewsItemPages.ItemPage page = itemPages.itemPage(item, ui, now, false);
            Instant changed = item.updatedAt().isAfter(item.publishAt()) ? item.updatedAt() : item.publishAt();
            // the translation if it is public, else none: the switcher says so and the reader stays on the item
            String alternate = items.translation(item).filter(t -> t.publicAt(now)).map(NewsItem::path).orElse(null);
            return new RenderedPages.Rendering("newsroom/item",
                    Map.of("page", page, "ui", ui.withAlternatePath(alternate)), changed, views.expiry(now));
        });
    }
}

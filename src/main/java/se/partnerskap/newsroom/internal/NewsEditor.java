package se.partnerskap.newsroom.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * Communicators (and administrators) write news items: the list, the form for a new item or a translation, an
 * item's form, and its preview. What the forms post is {@link NewsSaveController}'s; the revisions are
 * {@link NewsRevisionsController}'s.
 */
@Controller
@Secured({"ROLE_COMMUNICATOR", "ROLE_ADMINISTRATOR"})
public class NewsEditor {

    private final NewsItems items;
    private final NewsItemPages itemPages;
    private final NewsEditorPages pages;

    NewsEditor(NewsItems items, NewsItemPages itemPages, NewsEditorPages pages) {
        this.items = items;
        this.itemPages = itemPages;
        this.pages = pages;
    }

    // ---------------------------------------------------------------- list

    @GetMapping({"/admin/nyheter", "/en/admin/news"})
    String list(Ui ui, Model model, @RequestParam(required = false) String type,
            @RequestParam(required = false) String language, @RequestParam(required = false) String state,
            @RequestParam(required = false) String q) {
        model.addAttribute("page", pages.list(type, language, state, q, ui));
        return "newsroom/admin-list";
    }

    // ---------------------------------------------------------------- new and edit

    @GetMapping({"/admin/nyheter/ny", "/en/admin/news/ny"})
    String create(Ui ui, Model model, @RequestParam(required = false) String translationOf) {
        NewsForm form = translationOf == null ? NewsForm.blank(ui.lang())
                : NewsForm.translationOf(items.find(parse(translationOf)).orElseThrow(NotFoundException::new));
        return edit(model, form, Map.of(), null, false, ui);
    }

    @GetMapping({"/admin/nyheter/{id}", "/en/admin/news/{id}"})
    String edit(Ui ui, Model model, @PathVariable UUID id) {
        NewsItem item = items.find(id).orElseThrow(NotFoundException::new);
        NewsForm form = NewsForm.of(item);
        String translationOf = items.translation(item).map(t -> t.id().toString()).orElse(null);
        return edit(model, form.withTranslationOf(translationOf), Map.of(), item, false, ui);
    }

    @GetMapping({"/admin/nyheter/{id}/forhandsvisning", "/en/admin/news/{id}/forhandsvisning"})
    String preview(Ui ui, Model model, @PathVariable UUID id) {
        NewsItem item = items.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("page", itemPages.itemPage(item, ui, items.now(), true));
        return "newsroom/item";
    }

    // ---------------------------------------------------------------- helpers

    private String edit(Model model, NewsForm form, Map<String, String> errors, NewsItem saved, boolean conflict, Ui ui) {
        model.addAttribute("page", pages.edit(form, errors, saved, conflict, ui));
        return "newsroom/edit";
    }

    private static UUID parse(String id) {
        return NewsFormCheck.uuid(id).orElseThrow(NotFoundException::new);
    }
}

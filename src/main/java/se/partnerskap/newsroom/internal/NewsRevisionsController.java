package se.partnerskap.newsroom.internal;

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
 * A news item's revisions, for its editors: every save listed, and any two compared side by side.
 */
@Controller
@Secured({"ROLE_COMMUNICATOR", "ROLE_ADMINISTRATOR"})
class NewsRevisionsController {

    private final NewsItems items;
    private final NewsEditorPages pages;

    NewsRevisionsController(NewsItems items, NewsEditorPages pages) {
        this.items = items;
        this.pages = pages;
    }

    @GetMapping({"/admin/nyheter/{id}/versioner", "/en/admin/news/{id}/versioner"})
    String revisions(Ui ui, Model model, @PathVariable UUID id) {
        model.addAttribute("page", pages.revisions(find(id), ui));
        return "newsroom/revisions";
    }

    @GetMapping({"/admin/nyheter/{id}/versioner/jamfor", "/en/admin/news/{id}/versioner/jamfor"})
    String compare(Ui ui, Model model, @PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        model.addAttribute("page", pages.compare(find(id), from, to, ui));
        return "newsroom/compare";
    }

    private NewsItem find(UUID id) {
        return items.find(id).orElseThrow(NotFoundException::new);
    }
}

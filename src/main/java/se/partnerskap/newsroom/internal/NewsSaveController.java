package se.partnerskap.newsroom.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.web.Ui;

/**
 * What the news editor's forms post: a new item or a change to one saved as a draft (every save a revision),
 * then previewed, published now, scheduled or unpublished as the button says; and a publication's PDF. Saves are
 * guarded by the item's version, so two people editing at once never overwrite each other unnoticed.
 */
@Controller
@Secured({"ROLE_COMMUNICATOR", "ROLE_ADMINISTRATOR"})
class NewsSaveController {

    static final Set<String> ACTIONS = Set.of("save", "preview", "publish", "schedule", "unpublish");

    private final NewsItems items;
    private final NewsEditorPages pages;
    private final NewsFormCheck check;

    NewsSaveController(NewsItems items, NewsEditorPages pages, NewsFormCheck check) {
        this.items = items;
        this.pages = pages;
        this.check = check;
    }

    @PostMapping({"/admin/nyheter", "/en/admin/news"})
    String createPost(Ui ui, Model model, @ModelAttribute NewsForm form, Principal principal, RedirectAttributes redirect) {
        String action = form.action() != null && ACTIONS.contains(form.action()) ? form.action() : "save";
        Map<String, String> errors = new LinkedHashMap<>();
        NewsItems.Content content = check.check(form, null, action, errors);
        if (!errors.isEmpty()) {
            return edit(model, form, errors, null, false, ui);
        }
        UUID id;
        try {
            id = items.create(content, principal.getName());
        } catch (DuplicateKeyException raced) {
            errors.put("slug", "newsroom.error.slug.taken");
            return edit(model, form, errors, null, false, ui);
        }
        // a new item is stored at version 0: publishing or scheduling it must name that version
        return after(id, 0, action, form, principal, ui, redirect);
    }

    @PostMapping({"/admin/nyheter/{id}", "/en/admin/news/{id}"})
    String save(Ui ui, Model model, @PathVariable UUID id, @ModelAttribute NewsForm form, Principal principal,
            RedirectAttributes redirect) {
        NewsItem saved = items.find(id).orElseThrow(NotFoundException::new);
        String action = form.action() != null && ACTIONS.contains(form.action()) ? form.action() : "save";
        int version = NewsFormCheck.parseInt(form.version(), -1);
        if ("unpublish".equals(action)) {
            if (!items.unpublish(saved.id(), version, principal.getName())) {
                return edit(model, form, Map.of(), saved, true, ui);
            }
            redirect.addFlashAttribute("notice", "newsroom.notice.unpublished");
            return "redirect:" + ui.href("/admin/nyheter/" + saved.id());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        NewsItems.Content content = check.check(form, saved, action, errors);
        if (!errors.isEmpty()) {
            return edit(model, form, errors, saved, false, ui);
        }
        boolean ok;
        try {
            ok = items.update(saved.id(), version, content, principal.getName());
        } catch (DuplicateKeyException raced) {
            errors.put("slug", "newsroom.error.slug.taken");
            return edit(model, form, errors, saved, false, ui);
        }
        if (!ok) {
            // someone saved first: keep what was typed, show what is stored, change nothing
            return edit(model, form.withVersion(saved.version()), Map.of(), saved, true, ui);
        }
        return after(saved.id(), version + 1, action, form, principal, ui, redirect);
    }

    private String after(UUID id, int version, String action, NewsForm form, Principal principal, Ui ui,
            RedirectAttributes redirect) {
        String actor = principal.getName();
        switch (action) {
            // the notice says what really happened: the item was saved, but someone may have changed it since
            case "publish" -> redirect.addFlashAttribute("notice", items.publish(id, version, actor)
                    ? "newsroom.notice.published" : "newsroom.notice.savedNotPublished");
            case "schedule" -> redirect.addFlashAttribute("notice", items.schedule(id, version, NewsFormCheck.scheduleAt(form), actor)
                    ? "newsroom.notice.scheduled" : "newsroom.notice.savedNotScheduled");
            case "preview" -> {
                return "redirect:" + ui.href("/admin/nyheter/" + id + "/forhandsvisning");
            }
            default -> redirect.addFlashAttribute("notice", "newsroom.notice.saved");
        }
        return "redirect:" + ui.href("/admin/nyheter/" + id);
    }

    @PostMapping({"/admin/nyheter/{id}/pdf", "/en/admin/news/{id}/pdf"})
    String pdf(Ui ui, Model model, @PathVariable UUID id, @RequestParam(name = "pdf", required = false) MultipartFile file,
            Principal principal, RedirectAttributes redirect) throws IOException {
        NewsItem item = items.find(id).orElseThrow(NotFoundException::new);
        try {
            if (file != null && file.getSize() > PdfUpload.MAX_BYTES) { // refused before it is read into memory
                throw PdfUpload.tooLarge();
            }
            items.attachPdf(item, file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes(), principal.getName());
        } catch (PdfUpload.Refused refused) {
            return edit(model, NewsForm.of(item), Map.of("pdf", refused.messageKey("newsroom.error.pdf")), item, false, ui);
        }
        redirect.addFlashAttribute("notice", "newsroom.notice.pdf");
        return "redirect:" + ui.href("/admin/nyheter/" + item.id());
    }

    private String edit(Model model, NewsForm form, Map<String, String> errors, NewsItem saved, boolean conflict, Ui ui) {
        model.addAttribute("page", pages.edit(form, errors, saved, conflict, ui));
        return "newsroom/edit";
    }
}

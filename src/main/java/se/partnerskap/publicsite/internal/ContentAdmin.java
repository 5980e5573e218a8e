package se.partnerskap.publicsite.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.shared.Language;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** Communicators and administrators edit the texts of the public pages, in both languages. */
@Controller
@Secured({"ROLE_COMMUNICATOR", "ROLE_ADMINISTRATOR"})
public class ContentAdmin {

    static final int HEADING_MAX = 200;
    static final int BODY_MAX = 20_000;

    private final SiteContent content;

    ContentAdmin(SiteContent content) {
        this.content = content;
    }

    /** One row of the overview: a section with its Swedish and English headings. */
    public record Row(String pageKey, String sectionKey, String headingSv, String headingEn) {
    }

    /** The edit form as typed, with its errors (field name → message key). */
    public record Form(String pageKey, String sectionKey, String language, String heading, String body, int version,
            Map<String, String> errors, PageSection saved, boolean conflict) {
    }

    @GetMapping({"/admin/innehall", "/en/admin/content"})
    String overview(Model model) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (PageSection s : content.all()) {
            String key = s.pageKey() + "/" + s.sectionKey();
            Row r = rows.getOrDefault(key, new Row(s.pageKey(), s.sectionKey(), null, null));
            rows.put(key, "sv".equals(s.language())
                    ? new Row(r.pageKey(), r.sectionKey(), s.heading(), r.headingEn())
                    : new Row(r.pageKey(), r.sectionKey(), r.headingSv(), s.heading()));
        }
        model.addAttribute("rows", new ArrayList<>(rows.values()));
        return "publicsite/content-admin";
    }

    @GetMapping({"/admin/innehall/{page}/{section}/{lang}", "/en/admin/content/{page}/{section}/{lang}"})
    String edit(@PathVariable String page, @PathVariable String section, @PathVariable String lang, Model model) {
        PageSection s = find(page, section, lang);
        model.addAttribute("form", new Form(page, section, lang, s.heading(), s.bodyHtml(), s.version(), Map.of(), s, false));
        return "publicsite/content-edit";
    }

    @PostMapping({"/admin/innehall/{page}/{section}/{lang}", "/en/admin/content/{page}/{section}/{lang}"})
    String save(@PathVariable String page, @PathVariable String section, @PathVariable String lang,
            @RequestParam(defaultValue = "") String heading, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "0") int version, Principal principal, Ui ui, Model model,
            RedirectAttributes redirect) {
        PageSection saved = find(page, section, lang);
        Map<String, String> errors = new LinkedHashMap<>();
        if (heading.isBlank()) {
            errors.put("heading", "content.error.heading.required");
        } else if (heading.length() > HEADING_MAX) {
            errors.put("heading", "content.error.heading.tooLong");
        }
        if (SiteContent.sanitise(body).isBlank()) {
            errors.put("body", "content.error.body.required");
        } else if (body.length() > BODY_MAX) {
            errors.put("body", "content.error.body.tooLong");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", new Form(page, section, lang, heading, body, version, errors, saved, false));
            return "publicsite/content-edit";
        }
        boolean ok = content.update(page, section, Language.ofCode(lang), heading, body, version, principal.getName());
        if (!ok) {
            // someone saved first: keep both versions on the page, change nothing
            model.addAttribute("form", new Form(page, section, lang, heading, body, saved.version(),
                    Map.of(), saved, true));
            return "publicsite/content-edit";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + ui.href("/admin/innehall") + "#" + page + "-" + section;
    }

    private PageSection find(String page, String section, String lang) {
        if (!"sv".equals(lang) && !"en".equals(lang)) {
            throw new NotFoundException();
        }
        return content.section(page, section, Language.ofCode(lang)).orElseThrow(NotFoundException::new);
    }
}

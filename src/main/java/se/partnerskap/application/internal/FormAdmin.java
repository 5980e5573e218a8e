package se.partnerskap.application.internal;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.web.Ui;

/**
 * Administrators edit a programme's application form: its definition as JSON, checked as a form before it is stored,
 * each save a new version (drafts and submissions keep the version they were made on; docs/programmes.md).
 */
@Controller
@Secured("ROLE_ADMINISTRATOR")
class FormAdmin {

    private final FormAdminPages pages;
    private final FormVersions versions;

    FormAdmin(FormAdminPages pages, FormVersions versions) {
        this.pages = pages;
        this.versions = versions;
    }

    @GetMapping({"/admin/formular", "/en/admin/forms"})
    String list(Ui ui, Model model) {
        model.addAttribute("rows", pages.list(ui));
        return "application/forms";
    }

    @GetMapping({"/admin/formular/{programme}", "/en/admin/forms/{programme}"})
    String edit(@PathVariable String programme, Ui ui, Model model) {
        model.addAttribute("page", pages.edit(programme, ui, null, 0, null));
        return "application/form-edit";
    }

    @PostMapping({"/admin/formular/{programme}", "/en/admin/forms/{programme}"})
    String save(@PathVariable String programme, @RequestParam(defaultValue = "") String definition,
            @RequestParam(defaultValue = "-1") int basedOn, Principal principal, Ui ui, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        pages.edit(programme, ui, null, 0, null); // 404 for no such programme, before anything is read from the form
        try {
            int before = basedOn;
            int version = versions.save(programme, basedOn, definition, principal.getName());
            redirect.addFlashAttribute("notice", version == before ? "forms.notice.unchanged" : "forms.notice.saved");
            return "redirect:" + ui.href("/admin/formular/" + programme);
        } catch (ApplicationForm.Invalid invalid) {
            response.setStatus(400);
            model.addAttribute("page", pages.edit(programme, ui, definition, basedOn,
                    ui.t(invalid.messageKey(), invalid.args())));
        } catch (FormVersions.Stale stale) {
            response.setStatus(409);
            // the page shows the version saved meanwhile; the text typed is kept, and saving it again goes on top of it
            model.addAttribute("page", pages.edit(programme, ui, definition, -1, ui.t("forms.error.stale")));
        }
        return "application/form-edit";
    }
}

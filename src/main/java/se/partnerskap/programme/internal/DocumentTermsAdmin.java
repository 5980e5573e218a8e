package se.partnerskap.programme.internal;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.programme.DocumentTerms;
import se.partnerskap.programme.Programmes;

/** Administrators edit what the programme's decision letters and agreements say about the funder. */
@Controller
@Secured("ROLE_ADMINISTRATOR")
public class DocumentTermsAdmin {

    static final String PROGRAMME = Programmes.MUNICIPAL_PARTNERSHIP;

    /** The form: the values shown (as stored or as typed) and the errors by field. */
    public record Form(Map<String, String> values, Map<String, String> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    private final DocumentTerms terms;

    DocumentTermsAdmin(DocumentTerms terms) {
        this.terms = terms;
    }

    @GetMapping({"/admin/dokument", "/en/admin/documents"})
    String edit(Model model) {
        model.addAttribute("form", new Form(terms.of(PROGRAMME).fields(), Map.of()));
        return "programme/programme-documents";
    }

    @PostMapping({"/admin/dokument", "/en/admin/documents"})
    String save(@RequestParam Map<String, String> typed, Principal principal, Model model,
            HttpServletResponse response, RedirectAttributes redirect, se.partnerskap.web.Ui ui) {
        Map<String, String> errors = terms.update(PROGRAMME, typed, principal.getName());
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("form", new Form(typed, errors));
            return "programme/programme-documents";
        }
        redirect.addFlashAttribute("notice", "documents.saved");
        return "redirect:" + ui.href("/admin/dokument");
    }
}

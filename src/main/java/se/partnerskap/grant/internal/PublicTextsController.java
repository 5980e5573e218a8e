package se.partnerskap.grant.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.identity.SignedIn;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * Where a case officer or communicator corrects or adds a project's public title and theme in Swedish and
 * English (the directory, the project's public page and the maps show them). Any funded partnership has
 * it, also those of past rounds that are not followed up here.
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_COMMUNICATOR", "ROLE_ADMINISTRATOR"})
public class PublicTextsController {

    static final String SV = "/uppfoljning/projekt/{key}/publika-texter";
    static final String EN = "/en/follow-up/projects/{key}/public-texts";
    /** The fields of the form, in order. */
    public static final java.util.List<String> FIELDS = PublicTexts.FIELDS;

    private final FundedPartnerships funded;
    private final FollowUp followUp;
    private final PublicTexts texts;

    PublicTextsController(FundedPartnerships funded, FollowUp followUp, PublicTexts texts) {
        this.funded = funded;
        this.followUp = followUp;
        this.texts = texts;
    }

    /**
     * The page: the partnership, what the form shows, the version it is based on, the problems, and after a
     * conflicting save the texts someone else saved ({@code current}).
     */
    public record Page(FundedPartnership partnership, Map<String, String> values, int version,
            Map<String, String> errors, Map<String, String> current, String action, String publicHref, String followUpHref) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public int max() {
            return PublicTexts.MAX;
        }
    }

    @GetMapping({SV, EN, "/en/follow-up/projekt/{key}/publika-texter"})
    String form(@PathVariable String key, Ui ui, Model model) {
        FundedPartnership f = partnership(key);
        PublicTexts.Texts t = texts.of(f.id());
        model.addAttribute("page", page(f, t.values(), t.version(), Map.of(), null, ui));
        return "grant/followup/public-texts";
    }

    @PostMapping({SV, EN, "/en/follow-up/projekt/{key}/publika-texter"})
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable String key,
            @RequestParam Map<String, String> params, Ui ui, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        FundedPartnership f = partnership(key);
        Map<String, String> typed = new LinkedHashMap<>();
        PublicTexts.FIELDS.forEach(field -> typed.put(field, params.getOrDefault(field, "")));
        String v = params.getOrDefault("version", "");
        int version = v.matches("\\d{1,9}") ? Integer.parseInt(v) : -1;
        try {
            texts.save(f.id(), typed, version, me.email());
        } catch (Refused refused) {
            boolean conflict = refused.errors().containsKey("form");
            response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            PublicTexts.Texts current = texts.of(f.id());
            // after a conflict the form keeps what was typed, based on the version now stored: saving again
            // replaces the other person's texts, which the page shows beside it
            model.addAttribute("page", page(f, typed, conflict ? current.version() : version, refused.errors(),
                    conflict ? current.values() : null, ui));
            return "grant/followup/public-texts";
        }
        redirect.addFlashAttribute("notice", "followup.publicTexts.saved");
        return "redirect:" + ui.href("/uppfoljning/projekt/" + f.key() + "/publika-texter");
    }

    private FundedPartnership partnership(String key) {
        return funded.byKey(key).orElseThrow(NotFoundException::new);
    }

    private Page page(FundedPartnership f, Map<String, String> values, int version, Map<String, String> errors,
            Map<String, String> current, Ui ui) {
        String followUpHref = followUp.byKey(f.key()).isPresent() && (ui.viewer().has("CASE_OFFICER")
                || ui.viewer().has("ADMINISTRATOR")) ? ui.href("/uppfoljning/projekt/" + f.key()) : null;
        return new Page(f, values, version, errors, current, ui.href("/uppfoljning/projekt/" + f.key() + "/publika-texter"),
                ui.href("/projekt/" + f.path()), followUpHref);
    }
}

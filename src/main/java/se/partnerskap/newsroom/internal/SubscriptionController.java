package se.partnerskap.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.platform.MailLimits;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Ui;

/**
 * Subscriptions by e-mail: the form (/prenumeration, /en/subscription) and its post, which sends a confirmation
 * link ({@link SubscriptionLinksController}). Confirmation mail is limited per recipient and per client address.
 */
@Controller
public class SubscriptionController {

    private final Subscriptions subscriptions;
    private final MailLimits mailLimits;
    private final SubscriptionPages pages;

    SubscriptionController(Subscriptions subscriptions, MailLimits mailLimits, SubscriptionPages pages) {
        this.subscriptions = subscriptions;
        this.mailLimits = mailLimits;
        this.pages = pages;
    }

    @GetMapping({"/prenumeration", "/en/subscription"})
    String form(Ui ui, Model model) {
        model.addAttribute("page", pages.form(ui, "", ui.lang(), false, List.of(), Map.of()));
        return "newsroom/subscription";
    }

    @PostMapping({"/prenumeration", "/en/subscription"})
    String subscribe(Ui ui, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "false") String pressReleases,
            @RequestParam(name = "tag", required = false) List<String> tags) {
        List<String> chosen = tags == null ? List.of() : tags.stream().filter(t -> t.length() <= 100).distinct().toList();
        boolean press = "true".equals(pressReleases);
        String lang = "en".equals(language) || "sv".equals(language) ? language : ui.lang();
        Set<String> known = Set.copyOf(subscriptions.tags().stream().map(Subscriptions.SubscriptionTag::key).toList());
        List<String> validTags = chosen.stream().filter(known::contains).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (email.isBlank()) {
            errors.put("email", "newsfeeds.subscription.error.email.missing");
        } else if (!Subscriptions.validEmail(email)) {
            errors.put("email", "newsfeeds.subscription.error.email.invalid");
        }
        if (!press && validTags.isEmpty()) {
            errors.put("pressReleases", "newsfeeds.subscription.error.nothing");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("page", pages.form(ui, email, lang, press, chosen, errors));
            return "newsroom/subscription";
        }
        // the same answer over the limit (no mail bombing through confirmation mail; MailLimits)
        if (mailLimits.allow("subscription-confirmation", email, request.getRemoteAddr())) {
            subscriptions.request(email, Language.ofCode(lang), press, validTags);
        }
        redirect.addFlashAttribute("notice", "newsfeeds.subscription.notice.sent");
        return "redirect:" + ui.href("/prenumeration");
    }

}

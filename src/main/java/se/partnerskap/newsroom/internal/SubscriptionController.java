package se.partnerskap.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.platform.MailLimits;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Ui;

/**
 * Subscriptions by e-mail: the form (/prenumeration, /en/subscription), the confirmation link
 * (GET shows a button, POST confirms: link scanners only GET) and the one-click unsubscribe link
 * (GET shows a button, POST unsubscribes; mail clients POST it directly as RFC 8058 says, which is
 * why that POST needs no CSRF token). Confirmation mail is limited per recipient and per client address.
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

    /** A choice of the form. */
    public record SubscriptionOption(String value, String label, boolean checked) {
    }

    /** A group of tags (themes, countries, regions). */
    public record SubscriptionTagGroup(String id, String legend, List<SubscriptionOption> tags) {
    }

    /** The form, with what was typed and the errors: field id to message key, in the order of the fields. */
    public record SubscriptionFormPage(String email, String language, boolean pressReleases,
            List<SubscriptionTagGroup> groups, Map<String, String> errors) {
        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /** A page reached by a link: the confirmation or the unsubscribe button, or its result. */
    public record SubscriptionLinkPage(String action, String email, String summary) {
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

    @GetMapping({"/prenumeration/bekrafta/{token}", "/en/subscription/confirm/{token}"})
    String confirmForm(Ui ui, Model model, HttpServletResponse response, @PathVariable String token) {
        Optional<Subscriptions.Request> request = subscriptions.pending(token);
        if (request.isEmpty()) {
            return invalidLink(ui, model, response);
        }
        Subscriptions.Request r = request.get();
        model.addAttribute("page", new SubscriptionLinkPage(ui.href("/prenumeration/bekrafta/" + token), r.email(),
                pages.summary(ui, r.pressReleases(), r.tags())));
        return "newsroom/subscription-confirm";
    }

    @PostMapping({"/prenumeration/bekrafta/{token}", "/en/subscription/confirm/{token}"})
    String confirm(Ui ui, Model model, HttpServletResponse response, RedirectAttributes redirect,
            @PathVariable String token) {
        Optional<Subscriptions.Subscription> confirmed = subscriptions.confirm(token);
        if (confirmed.isEmpty()) {
            return invalidLink(ui, model, response);
        }
        Subscriptions.Subscription s = confirmed.get();
        redirect.addFlashAttribute("summary", pages.summary(ui, s.pressReleases(), s.tags()));
        redirect.addFlashAttribute("unsubscribe", ui.href("/prenumeration/avsluta/" + s.unsubscribeToken()));
        return "redirect:" + ui.href("/prenumeration/bekraftad");
    }

    @GetMapping({"/prenumeration/bekraftad", "/en/subscription/confirmed"})
    String confirmed(Model model) {
        return "newsroom/subscription-confirmed";
    }

    @GetMapping({"/prenumeration/avsluta/{token}", "/en/subscription/unsubscribe/{token}"})
    String unsubscribeForm(Ui ui, Model model, HttpServletResponse response, @PathVariable String token) {
        Optional<Subscriptions.Subscription> s = subscriptions.byUnsubscribeToken(token);
        if (s.isEmpty()) {
            return invalidLink(ui, model, response);
        }
        if (!s.get().confirmed()) {
            return "redirect:" + ui.href("/prenumeration/avslutad");
        }
        model.addAttribute("page", new SubscriptionLinkPage(ui.href("/prenumeration/avsluta/" + token), s.get().email(),
                pages.summary(ui, s.get().pressReleases(), s.get().tags())));
        return "newsroom/subscription-unsubscribe";
    }

    /** The button of the page, and the one-click POST of a mail client (RFC 8058), which carries no CSRF token. */
    @PostMapping({"/prenumeration/avsluta/{token}", "/en/subscription/unsubscribe/{token}"})
    String unsubscribe(Ui ui, Model model, HttpServletResponse response, @PathVariable String token) {
        if (!subscriptions.unsubscribe(token)) {
            return invalidLink(ui, model, response);
        }
        return "redirect:" + ui.href("/prenumeration/avslutad");
    }

    @GetMapping({"/prenumeration/avslutad", "/en/subscription/unsubscribed"})
    String unsubscribed() {
        return "newsroom/subscription-unsubscribed";
    }

    private static String invalidLink(Ui ui, Model model, HttpServletResponse response) {
        response.setStatus(404);
        return "newsroom/subscription-invalid";
    }
}

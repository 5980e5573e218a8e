package se.partnerskap.newsroom.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.newsroom.internal.SubscriptionPages.SubscriptionLinkPage;
import se.partnerskap.web.Ui;

/**
 * The links a subscriber gets by mail: the confirmation link (GET shows a button, POST confirms: link scanners
 * only GET) and the one-click unsubscribe link (GET shows a button, POST unsubscribes; mail clients POST it
 * directly as RFC 8058 says, which is why that POST needs no CSRF token). A link that is not, or no longer,
 * valid gets a page that says so (404).
 */
@Controller
class SubscriptionLinksController {

    private final Subscriptions subscriptions;
    private final SubscriptionPages pages;

    SubscriptionLinksController(Subscriptions subscriptions, SubscriptionPages pages) {
        this.subscriptions = subscriptions;
        this.pages = pages;
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

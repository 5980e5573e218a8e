package se.partnerskap.newsroom.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.platform.MailLimits;
import se.partnerskap.shared.Language;
import se.partnerskap.web.FieldErrors;
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
            RedirectAttributes redirect, @ModelAttribute SubscriptionRequest form, BindingResult binding) {
        Set<String> known = Set.copyOf(subscriptions.tags().stream().map(Subscriptions.SubscriptionTag::key).toList());
        new SubscriptionRequest.Rules(known).validate(form, binding);
        String lang = form.language(ui.lang());
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("page", pages.form(ui, form.email(), lang, form.press(), form.tag(),
                    FieldErrors.byField(binding)));
            return "newsroom/subscription";
        }
        // the same answer over the limit (no mail bombing through confirmation mail; MailLimits)
        if (mailLimits.allow("subscription-confirmation", form.email(), request.getRemoteAddr())) {
            subscriptions.request(form.email(), Language.ofCode(lang), form.press(), form.tags(known));
        }
        redirect.addFlashAttribute("notice", "newsfeeds.subscription.notice.sent");
        return "redirect:" + ui.href("/prenumeration");
    }
}

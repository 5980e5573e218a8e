package se.partnerskap.application.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.web.Ui;

/**
 * The page a person named in an application reaches by the mailed link (the fieldwork grant's supervisor): what
 * they are asked to confirm, and their answer, given once. No login: the link is the key; an unknown or expired
 * one is gone (410).
 */
@Controller
class ConfirmationController {

    private final Confirmations confirmations;
    private final ConfirmationPages pages;

    ConfirmationController(Confirmations confirmations, ConfirmationPages pages) {
        this.confirmations = confirmations;
        this.pages = pages;
    }

    @GetMapping({"/handledare/{token}", "/en/supervisor/{token}"})
    String page(@PathVariable String token, Ui ui, Model model) {
        model.addAttribute("view", pages.view(token, ui).orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE)));
        return "application/confirmation";
    }

    @PostMapping({"/handledare/{token}", "/en/supervisor/{token}"})
    String answer(@PathVariable String token, @RequestParam(defaultValue = "") String answer, Ui ui,
            RedirectAttributes redirect) {
        if (!answer.equals("yes") && !answer.equals("no")) {
            redirect.addFlashAttribute("notice", "confirmation.notice.choose");
            return "redirect:" + ui.href("/handledare/" + token);
        }
        switch (confirmations.answer(token, answer.equals("yes"))) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.GONE);
            case ALREADY_ANSWERED -> redirect.addFlashAttribute("notice", "confirmation.notice.already");
            case RECORDED -> redirect.addFlashAttribute("notice", "confirmation.notice.thanks");
        }
        return "redirect:" + ui.href("/handledare/" + token);
    }
}

package se.partnerskap.assessment.internal;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.assessment.PressReleaseDraft;
import se.partnerskap.assessment.PressReleaseDrafts;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** Publishing a round's decisions (case officers) and reading the draft press release it wrote. */
@Controller
class PublishingController {

    private final RoundPublishing publishing;
    private final PressReleaseDrafts drafts;
    private final Rounds rounds;
    private final ContactPersons contacts;

    PublishingController(RoundPublishing publishing, PressReleaseDrafts drafts, Rounds rounds,
            ContactPersons contacts) {
        this.publishing = publishing;
        this.drafts = drafts;
        this.rounds = rounds;
        this.contacts = contacts;
    }

    @PostMapping({"/handlaggning/omgangar/{roundId}/publicera", "/en/assessment/rounds/{roundId}/publicera"})
    @Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
    String publish(@PathVariable UUID roundId, @RequestParam(defaultValue = "") String confirm, Ui ui,
            Principal principal, RedirectAttributes redirect) {
        RoundDetails round = round(roundId);
        String notice;
        if (!"yes".equals(confirm)) {
            notice = "publishing.notice.confirm";
        } else {
            notice = switch (publishing.publish(round.id(), principal.getName())) {
                case RoundPublishing.Published p -> "publishing.notice.published";
                case RoundPublishing.AlreadyPublished p -> "publishing.notice.alreadyPublished";
                case RoundPublishing.Undecided u -> "publishing.notice.undecided";
                case RoundPublishing.NothingDecided n -> "publishing.notice.nothingDecided";
                case RoundPublishing.NotClosed n -> "publishing.notice.notClosed";
            };
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + ui.href("/handlaggning/omgangar/" + round.id()) + "#publish";
    }

    @GetMapping({"/handlaggning/omgangar/{roundId}/pressmeddelande", "/en/assessment/rounds/{roundId}/pressmeddelande"})
    @Secured({"ROLE_CASE_OFFICER", "ROLE_COMMUNICATOR", "ROLE_ADMINISTRATOR"})
    String pressRelease(@PathVariable UUID roundId, @RequestParam(defaultValue = "") String lang, Ui ui,
            Model model) {
        RoundDetails round = round(roundId);
        PressReleaseDraft draft = drafts.ofRound(round.id()).orElseThrow(NotFoundException::new);
        // the draft is shown in the language asked for (both exist), the page around it in the page's own
        Language shown = lang.isEmpty() ? ui.language() : Language.ofCode(lang);
        model.addAttribute("page", new AssessmentViews.PressReleasePage(round.id().toString(), round.name(ui.language()),
                shown.code(), draft.title(shown), draft.lead(shown),
                Arrays.stream(draft.body(shown).split("\n\n")).map(p -> List.of(p.split("\n"))).toList(),
                StockholmTime.dateTime(draft.createdAt(), ui.language()), contacts(draft, shown)));
        return "assessment/press-release";
    }

    /** The draft's contacts with their phone numbers and addresses, as the contact persons hold them now. */
    private List<String> contacts(PressReleaseDraft draft, Language lang) {
        if (draft.programme() == null) {
            return List.of();
        }
        return contacts.of(draft.programme()).stream().filter(c -> draft.contactKeys().contains(c.key()))
                .map(c -> String.join(", ", java.util.stream.Stream.of(c.name(), c.role(lang), c.phone(), c.email())
                        .filter(x -> x != null && !x.isBlank()).toList()))
                .toList();
    }

    private RoundDetails round(UUID id) {
        return rounds.details(id).orElseThrow(NotFoundException::new);
    }
}

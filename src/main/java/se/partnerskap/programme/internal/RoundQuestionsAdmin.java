package se.partnerskap.programme.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundManagement;
import se.partnerskap.programme.internal.RoundViews.QuestionForm;
import se.partnerskap.programme.internal.RoundViews.QuestionPage;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The round's extra questions (its form definition): add, edit, remove and reorder, one question per
 * form post, so it all works without JavaScript. Keys are stable ({@code q1}, {@code q2}, ...): answers
 * refer to them, so a key is never reused within a round.
 */
@Controller
@Secured({"ROLE_CASE_OFFICER", "ROLE_ADMINISTRATOR"})
class RoundQuestionsAdmin {

    private final RoundAdminPages rounds;
    private final RoundManagement management;

    RoundQuestionsAdmin(RoundAdminPages rounds, RoundManagement management) {
        this.rounds = rounds;
        this.management = management;
    }

    @GetMapping({"/admin/omgangar/{id}/fragor/ny", "/en/admin/rounds/{id}/fragor/ny"})
    String newQuestion(@PathVariable UUID id, Ui ui, Model model) {
        RoundDetails r = editable(id);
        return page(r, QuestionForm.blank(r.version()), false, ui, model);
    }

    @GetMapping({"/admin/omgangar/{id}/fragor/{key}", "/en/admin/rounds/{id}/fragor/{key}"})
    String edit(@PathVariable UUID id, @PathVariable String key, Ui ui, Model model) {
        RoundDetails r = editable(id);
        return page(r, QuestionForm.of(question(r, key), r.version()), false, ui, model);
    }

    @PostMapping({"/admin/omgangar/{id}/fragor/ny", "/en/admin/rounds/{id}/fragor/ny"})
    String add(@PathVariable UUID id, @RequestParam Map<String, String> params, Ui ui, Principal principal,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(id, null, params, ui, principal, model, response, redirect);
    }

    @PostMapping({"/admin/omgangar/{id}/fragor/{key}", "/en/admin/rounds/{id}/fragor/{key}"})
    String update(@PathVariable UUID id, @PathVariable String key, @RequestParam Map<String, String> params,
            Ui ui, Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        question(editable(id), key);
        return save(id, key, params, ui, principal, model, response, redirect);
    }

    private String save(UUID id, String key, Map<String, String> p, Ui ui, Principal principal, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RoundDetails r = editable(id);
        QuestionForm form = QuestionForm.posted(key, p);
        String questionKey = key != null ? key : QuestionRules.nextKey(r.questions());
        Question q = QuestionRules.validate(form, questionKey);
        if (q == null) {
            response.setStatus(400);
            return page(r, form, false, ui, model);
        }
        try {
            management.saveQuestions(r.id(), QuestionRules.with(r.questions(), q), form.version(), principal.getName(),
                    key == null ? "added" : "edited");
        } catch (RoundManagement.StaleRound | RoundManagement.NotAllowed stale) {
            response.setStatus(409);
            RoundDetails now = rounds.find(id);
            return page(now, form, true, ui, model);
        }
        redirect.addFlashAttribute("notice", "rounds.notice.questionSaved");
        return "redirect:" + ui.href("/admin/omgangar/" + r.id()) + "#questions";
    }

    @PostMapping({"/admin/omgangar/{id}/fragor/{key}/ta-bort", "/en/admin/rounds/{id}/fragor/{key}/ta-bort"})
    String remove(@PathVariable UUID id, @PathVariable String key, @RequestParam(defaultValue = "0") int version,
            Ui ui, Principal principal, RedirectAttributes redirect) {
        RoundDetails r = editable(id);
        question(r, key);
        return change(r, QuestionRules.without(r.questions(), key), version, "removed", "rounds.notice.questionRemoved", ui, principal, redirect);
    }

    @PostMapping({"/admin/omgangar/{id}/fragor/{key}/flytta", "/en/admin/rounds/{id}/fragor/{key}/flytta"})
    String move(@PathVariable UUID id, @PathVariable String key, @RequestParam(defaultValue = "up") String direction,
            @RequestParam(defaultValue = "0") int version, Ui ui, Principal principal, RedirectAttributes redirect) {
        RoundDetails r = editable(id);
        question(r, key);
        return change(r, QuestionRules.moved(r.questions(), key, "down".equals(direction)), version, "reordered", "rounds.notice.questionMoved", ui, principal, redirect);
    }

    private String change(RoundDetails r, List<Question> questions, int version, String change, String notice,
            Ui ui, Principal principal, RedirectAttributes redirect) {
        try {
            management.saveQuestions(r.id(), questions, version, principal.getName(), change);
            redirect.addFlashAttribute("notice", notice);
        } catch (RoundManagement.StaleRound | RoundManagement.NotAllowed stale) {
            redirect.addFlashAttribute("notice", "rounds.notice.changedMeanwhile");
        }
        return "redirect:" + ui.href("/admin/omgangar/" + r.id()) + "#questions";
    }

    private RoundDetails editable(UUID id) {
        RoundDetails r = rounds.find(id);
        RoundDetails.State state = rounds.state(r);
        if (state == RoundDetails.State.CLOSED || state == RoundDetails.State.DECIDED) {
            throw new NotFoundException();
        }
        return r;
    }

    private static Question question(RoundDetails r, String key) {
        return r.questions().stream().filter(q -> q.key().equals(key)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private String page(RoundDetails r, QuestionForm form, boolean conflict, Ui ui, Model model) {
        model.addAttribute("page", new QuestionPage(r.id().toString(), r.name(ui.language()), form, Question.TYPES,
                conflict));
        return "programme/rounds/question";
    }
}

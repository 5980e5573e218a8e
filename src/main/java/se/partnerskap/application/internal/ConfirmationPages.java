package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import se.partnerskap.programme.Question;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/** What the person asked to confirm sees: who applies, for what, where and when, and the answer once given. */
@Component
public class ConfirmationPages {

    private final Confirmations confirmations;
    private final ApplicationRows stored;
    private final Applicants applicants;
    private final Rounds rounds;
    private final Registry registry;

    ConfirmationPages(Confirmations confirmations, ApplicationRows stored, Applicants applicants, Rounds rounds,
            Registry registry) {
        this.confirmations = confirmations;
        this.stored = stored;
        this.applicants = applicants;
        this.rounds = rounds;
        this.registry = registry;
    }

    /** A fact of the application: a question's label and its answer as the reader reads it. */
    public record Fact(String label, String value) {
    }

    public record View(Confirmations.Request request, String applicant, String title, String round, List<Fact> facts,
            String answeredAt, String action) {
    }

    /**
     * The page for a valid link; empty for any other. The facts are the answers to the form's country and date
     * questions (where and when): nothing of the applicant's contact details or texts.
     */
    Optional<View> view(String token, Ui ui) {
        return confirmations.byToken(token).map(r -> {
            Application a = stored.find(r.applicationId()).orElseThrow();
            Language lang = ui.language();
            RoundDetails round = rounds.details(a.roundId()).orElseThrow();
            List<Fact> facts = new ArrayList<>();
            for (Section s : a.form().sections()) {
                for (Question q : s.questions()) {
                    String v = a.section(s).answers().one("q." + q.key()).strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    if ("country".equals(q.type())) {
                        facts.add(new Fact(q.label(lang), registry.country(v).map(c -> c.name(lang)).orElse(v)));
                    } else if ("date".equals(q.type())) {
                        facts.add(new Fact(q.label(lang), date(v, lang)));
                    }
                }
            }
            return new View(r, applicants.name(a), a.title(), round.name(lang), facts,
                    r.answeredAt() == null ? null : StockholmTime.dateTime(r.answeredAt(), lang),
                    ui.href("/handledare/" + token));
        });
    }

    private static String date(String iso, Language lang) {
        try {
            return StockholmTime.date(java.time.LocalDate.parse(iso), lang);
        } catch (java.time.DateTimeException e) {
            return iso;
        }
    }
}

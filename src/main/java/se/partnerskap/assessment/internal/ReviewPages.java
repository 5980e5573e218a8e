package se.partnerskap.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.internal.AssessmentViews.AssignmentRow;
import se.partnerskap.assessment.internal.AssessmentViews.CriterionRow;
import se.partnerskap.assessment.internal.AssessmentViews.ReviewPage;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Ui;

/** A reviewer's pages as {@link ReviewController} shows them: the assignments, and the review of one. */
@Component
class ReviewPages {

    private final Reviews reviews;
    private final SubmittedApplications applications;
    private final Registry registry;
    private final Programmes programmes;

    ReviewPages(Reviews reviews, SubmittedApplications applications, Registry registry, Programmes programmes) {
        this.reviews = reviews;
        this.applications = applications;
        this.registry = registry;
        this.programmes = programmes;
    }

    /** The reviewer's assignments, each with its application's reference, title and the review's state. */
    List<AssignmentRow> assignments(UUID reviewer, Ui ui) {
        return reviews.of(reviewer).stream()
                .map(a -> applications.find(a.applicationId()).map(s -> new AssignmentRow(s.id().toString(),
                        s.reference(), s.title(), ui.t("assessment.review.status." + a.status().key()))).orElse(null))
                .filter(Objects::nonNull).toList();
    }

    /**
     * The review page: the application in brief, a row per criterion with what was typed or stored, the other
     * reviewers' scores (once the reviewer's own is in) and the reviewer's weighted score.
     */
    ReviewPage review(SubmittedApplication a, Reviews.Assignment assignment, UUID reviewer, Map<String, String> typed,
            Map<String, String> errors, Ui ui) {
        Language lang = ui.language();
        List<Criterion> criteria = reviews.criteria(a.programme());
        List<Reviews.Score> own = assignment.status() == Reviews.Status.SUBMITTED ? reviews.scores(assignment.id())
                : List.of();
        List<CriterionRow> rows = criteria.stream().map(c -> {
            Reviews.Score stored = own.stream().filter(s -> s.criterion().equals(c.key())).findFirst().orElse(null);
            return new CriterionRow(c.key(), c.name(lang), c.description(lang), c.scale(), c.weight(),
                    typed.getOrDefault("score-" + c.key(), stored == null ? "" : String.valueOf(stored.score())),
                    typed.getOrDefault("comment-" + c.key(), stored == null ? "" : stored.comment()));
        }).toList();
        var others = reviews.othersFor(a.id(), reviewer, a.programme()).stream()
                .map(r -> AssessmentViews.reviewRow(r, criteria, lang)).toList();
        String ownWeighted = own.isEmpty() ? null : AssessmentViews.score(Reviews.weighted(criteria, own), lang);
        Map<String, String> coreAreaNames = new LinkedHashMap<>();
        programmes.coreAreas(a.programme()).forEach(c -> coreAreaNames.put(c.key(), c.name(lang)));
        String organisation = a.personal() ? a.applicantName()
                : registry.swedishOrganisation(a.leadOrganisation()).map(o -> o.name()).orElse("");
        return new ReviewPage(a.id().toString(), a.reference(), a.title(), organisation,
                String.join(", ", a.partnerNames()),
                String.join(", ", a.countries().stream().map(c -> registry.country(c).map(x -> x.name(lang)).orElse(c)).toList()),
                String.join(", ", a.coreAreas().stream().map(k -> coreAreaNames.getOrDefault(k, k)).toList()),
                ui.money(a.requestedSek()), assignment.status().key(), rows, others, ownWeighted, errors, typed);
    }
}

package se.partnerskap.assessment.internal;

import java.util.List;
import java.util.Map;

import se.partnerskap.shared.Language;

/** The view models of the assessment pages: every text already in the page's language. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record RoundLink(String id, String name, String status) {
    }

    public record DashboardRow(String id, String reference, String title, String organisation, String kind,
            String countries, String coreAreas, String requested, String status, String reviews, String score) {
    }

    public record Dashboard(String roundId, String roundName, List<DashboardRow> rows, int total, String requested,
            String budget, String granted, int percent, boolean overBudget, String exportQuery,
            List<Option> statuses, List<Option> countries, List<Option> coreAreas, List<Option> kinds,
            List<Option> regions, List<String> conflicts) {
    }

    /**
     * The round's state for the dashboard and its publishing panel: {@code state} is a
     * {@code RoundDetails.State} key, {@code undecided} the submitted applications without a decision.
     */
    public record PublishPanel(String state, String opens, String deadline, int undecided, boolean pressRelease) {

        public boolean published() {
            return "decided".equals(state);
        }

        /** Decisions can be published only once the round takes no more applications. */
        public boolean publishable() {
            return "closed".equals(state);
        }
    }

    public record RankingRow(int rank, String id, String reference, String organisation, String requested, String score,
            String reviews, String status) {
    }

    public record Ranking(String roundId, String roundName, List<RankingRow> rows) {
    }

    public record PointRow(String key, String label, String answer, String reason) {
    }

    public record ReviewerRow(String name, String status, String reason) {
    }

    public record ScoreRow(String criterion, String score, String comment) {
    }

    public record ReviewRow(String reviewer, String weighted, List<ScoreRow> scores) {
    }

    public record ApplicationPage(String id, String reference, String title, String organisation, String roundId,
            String roundName, String partners, String countries, String coreAreas, String requested, String status,
            List<PointRow> points, String checked, List<ReviewerRow> reviewers, List<Option> reviewerOptions,
            List<ReviewRow> reviews, String meanScore, String budget, String granted, int percent,
            boolean overBudget, String decision, boolean decided, Map<String, String> form,
            Map<String, String> errors, String overBudgetWarning, List<LineRow> lines, String linesTotal,
            List<String> confirmations) {

        public String value(String field) {
            return form.getOrDefault(field, "");
        }
    }

    /** A line of the budget applied for in the decision form: position, what it is, applied, approved as typed. */
    public record LineRow(int position, String label, String applied, String value) {
    }

    public record CriterionRow(String key, String name, String description, int scale, int weight, String score,
            String comment) {
    }

    public record ReviewPage(String id, String reference, String title, String organisation, String partners,
            String countries, String coreAreas, String requested, String status, List<CriterionRow> criteria,
            List<ReviewRow> others, String ownWeighted, Map<String, String> errors, Map<String, String> form) {
    }

    public record AssignmentRow(String id, String reference, String title, String status) {
    }

    public record LogRow(String at, String actor, String action, String subject, String details) {
    }

    public record Log(String round, String application, String user, List<LogRow> rows, boolean truncated,
            List<Option> rounds) {
    }

    /** The draft press release as its page shows it, in one language; paragraphs as lines. */
    public record PressReleasePage(String roundId, String roundName, String lang, String title, String lead,
            List<List<String>> paragraphs, String createdAt, List<String> contacts) {
    }

    /** A submitted review as the officer and the reviewer read it: each criterion's score out of its scale. */
    static ReviewRow reviewRow(Reviews.Review r, List<Criterion> criteria, Language lang) {
        List<ScoreRow> scores = r.scores().stream().map(s -> new ScoreRow(criteria.stream()
                .filter(c -> c.key().equals(s.criterion())).findFirst().map(c -> c.name(lang)).orElse(s.criterion()),
                s.score() + " / " + criteria.stream().filter(c -> c.key().equals(s.criterion())).findFirst()
                        .map(Criterion::scale).orElse(0), s.comment())).toList();
        return new ReviewRow(r.assignment().reviewerName(), score(r.weighted(), lang), scores);
    }

    /** A score with one decimal, in the language's form ("3,5", "3.5"). */
    static String score(double value, Language lang) {
        return String.format(lang.locale(), "%.1f", value);
    }
}

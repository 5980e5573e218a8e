package se.partnerskap.grant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The fields of a report and what they must hold. Two kinds of problem, as in application sections:
 * <b>invalid</b> values (a negative or fractional amount, a text over its limit) refuse the save and
 * nothing is stored; <b>remaining</b> work (an empty answer, a missing amount, a large variance without
 * an explanation) is stored in a draft and only stops the submission.
 */
public final class ReportRules {

    public static final int LONG = 6000;
    public static final int EXPLANATION = 1000;
    static final long MAX_AMOUNT = 999_999_999_999L;

    private ReportRules() {
    }

    /** The problems of a report's answers: {@code invalid} refuses any save, {@code remaining} only submission. */
    record Check(Map<String, ReportProblem> invalid, Map<String, ReportProblem> remaining) {

        Map<String, ReportProblem> all() {
            Map<String, ReportProblem> all = new LinkedHashMap<>(invalid);
            remaining.forEach(all::putIfAbsent);
            return all;
        }
    }

    static List<String> narrativeFields(Report report) {
        List<String> fields = new ArrayList<>();
        fields.add("progress");
        report.coreAreas().forEach(a -> fields.add("area." + a));
        fields.add("results");
        fields.add("lessons");
        return fields;
    }

    static List<String> fields(Report report) {
        List<String> fields = narrativeFields(report);
        for (Report.BudgetLine line : report.budget()) {
            fields.add("actual." + line.position());
            fields.add("explanation." + line.position());
        }
        return fields;
    }

    /** Only the report's own fields, as typed (line ends normalised). */
    static Map<String, String> only(Report report, Map<String, String> typed) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String field : fields(report)) {
            String value = typed.get(field);
            if (value != null) {
                answers.put(field, value.replace("\r\n", "\n"));
            }
        }
        return answers;
    }

    static Check check(Report report, Map<String, String> answers, int variancePercent) {
        Map<String, ReportProblem> invalid = new LinkedHashMap<>();
        Map<String, ReportProblem> remaining = new LinkedHashMap<>();
        for (String field : narrativeFields(report)) {
            String value = answers.getOrDefault(field, "");
            if (value.length() > LONG) {
                invalid.put(field, ReportProblem.of("report.error.tooLong", LONG));
            } else if (value.isBlank()) {
                remaining.put(field, ReportProblem.of("report.error.required"));
            }
        }
        for (Report.BudgetLine line : report.budget()) {
            String amountField = "actual." + line.position();
            String explanationField = "explanation." + line.position();
            String amount = answers.getOrDefault(amountField, "");
            String explanation = answers.getOrDefault(explanationField, "");
            ReportProblem amountProblem = amountProblem(amount);
            if (amountProblem != null) {
                invalid.put(amountField, amountProblem);
            } else if (amount.isBlank()) {
                remaining.put(amountField, ReportProblem.of("report.error.amount.required"));
            }
            if (explanation.length() > EXPLANATION) {
                invalid.put(explanationField, ReportProblem.of("report.error.tooLong", EXPLANATION));
            } else if (explanation.isBlank()) {
                OptionalLong actual = amount(amount);
                if (actual.isPresent() && exceedsVariance(line.approvedSek(), actual.getAsLong(), variancePercent)) {
                    remaining.put(explanationField, ReportProblem.of("report.error.explanation", variancePercent));
                }
            }
        }
        return new Check(invalid, remaining);
    }

    /** Whether {@code actual} differs from {@code approved} by more than {@code percent} of it. */
    static boolean exceedsVariance(long approved, long actual, int percent) {
        return Math.abs(actual - approved) * 100 > approved * (long) percent;
    }

    /** A whole number of kronor, spaces allowed between the digits ("12 000"); empty when blank or not one. */
    static OptionalLong amount(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (!digits.matches("\\d{1,12}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** Why a typed amount is not a whole, non-negative number of kronor; null when it is one or blank. */
    static ReportProblem amountProblem(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (digits.isEmpty() || digits.matches("\\d{1,12}")) {
            return null;
        }
        if (digits.matches("[-\u2212]\\d+([.,]\\d+)?")) {
            return ReportProblem.of("report.error.amount.negative");
        }
        if (digits.matches("\\d+[.,]\\d+")) {
            return ReportProblem.of("report.error.amount.whole");
        }
        if (digits.matches("\\d{13,}")) {
            return ReportProblem.of("report.error.amount.tooLarge");
        }
        return ReportProblem.of("report.error.amount.number");
    }

    /**
     * Why the eligible amount an officer typed cannot be approved: blank, not a whole number of kronor, or more than
     * was reported ({@code reportedText} is the reported total as the page shows it); null when it can be.
     */
    static ReportProblem eligibleProblem(String typed, long reported, String reportedText) {
        ReportProblem problem = amountProblem(typed);
        if (problem != null) {
            return problem;
        }
        OptionalLong amount = amount(typed);
        if (amount.isEmpty()) {
            return ReportProblem.of("report.review.error.eligibleRequired");
        }
        return amount.getAsLong() > reported ? ReportProblem.of("report.review.error.eligibleAbove", reportedText) : null;
    }

    /** Why a comment cannot return a report to its grantee: empty or too long; null when it can. */
    static ReportProblem returnCommentProblem(String comment) {
        return comment.isBlank() ? ReportProblem.of("report.review.error.commentRequired")
                : comment.length() > Reports.MAX_COMMENT ? ReportProblem.of("report.error.tooLong", Reports.MAX_COMMENT)
                : null;
    }
}

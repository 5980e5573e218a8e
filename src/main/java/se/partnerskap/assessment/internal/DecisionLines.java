package se.partnerskap.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedPlan;
import se.partnerskap.assessment.internal.AssessmentViews.LineRow;
import se.partnerskap.web.Ui;

/**
 * The approved budget per line in the decision form: what the officer typed, else what the decision
 * stored, else blank (blank lines share the grant in proportion when the decision is saved); and the
 * proposal in proportion for the amount typed, which the officer asks for and then adjusts.
 */
@Component
class DecisionLines {

    private final Decisions decisions;

    DecisionLines(Decisions decisions) {
        this.decisions = decisions;
    }

    /** The typed approved amounts of the form's parameters ({@code line1}, {@code line2}, ...), by position. */
    static Map<Integer, String> typed(Map<String, String> params) {
        Map<Integer, String> lines = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.matches("line[1-9]")) {
                lines.put(Integer.parseInt(k.substring(4)), v == null ? "" : v);
            }
        });
        return lines;
    }

    /**
     * The form's fields with the proposal in proportion for the amount typed in place of the lines typed;
     * {@code errors} gets the amount's problem when it cannot be shared.
     */
    Map<String, String> proposal(UUID applicationId, Map<String, String> params, Map<String, String> errors) {
        Map<String, String> form = new LinkedHashMap<>(params);
        Long amount = Decisions.kronor(params.get("amount"), errors);
        if (amount == null) {
            return form;
        }
        List<SubmittedPlan.CostLine> lines = decisions.costLines(applicationId);
        long[] proposed = ApprovedBudget.proportional(lines.stream().mapToLong(SubmittedPlan.CostLine::amountSek)
                .toArray(), amount);
        for (int i = 0; i < proposed.length; i++) {
            form.put("line" + (i + 1), String.valueOf(proposed[i]));
        }
        return form;
    }

    List<LineRow> rows(UUID applicationId, Map<String, String> typed, Ui ui) {
        List<SubmittedPlan.CostLine> lines = decisions.costLines(applicationId);
        Map<Integer, Long> stored = decisions.storedLines(applicationId);
        boolean storedFits = stored.size() == lines.size();
        List<LineRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            SubmittedPlan.CostLine l = lines.get(i);
            String value = typed.containsKey("line" + n) ? typed.get("line" + n)
                    : storedFits && stored.containsKey(n) ? String.valueOf(stored.get(n)) : "";
            String label = ui.t("application.category." + l.category())
                    + (l.description().isBlank() ? "" : ": " + l.description());
            rows.add(new LineRow(n, label, ui.money(l.amountSek()), value));
        }
        return rows;
    }

    /** The sum of the lines as typed, for the form's total row; empty when all are blank or one is not whole kronor. */
    static String total(List<LineRow> rows, Ui ui) {
        long sum = 0;
        if (rows.stream().allMatch(r -> r.value().isBlank())) {
            return "";
        }
        for (LineRow r : rows) {
            String s = r.value().replaceAll("[\\s\\u00a0\\u202f]", "");
            if (s.isEmpty()) {
                continue;
            }
            if (!s.matches("\\d{1,15}")) {
                return "";
            }
            sum += Long.parseLong(s);
        }
        return ui.money(sum);
    }
}

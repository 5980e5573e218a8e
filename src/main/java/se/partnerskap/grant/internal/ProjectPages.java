package se.partnerskap.grant.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.partnerskap.audit.AuditLog;
import se.partnerskap.programme.Rounds;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the view models of the follow-up's pages, shared by the grantees' and the case officers' side. */
@Component
public class ProjectPages {

    /** An event of the project's history, ready to show. */
    public record HistoryLine(String when, String actor, String what, String detail) {
    }

    /**
     * A project page. {@code errorForm} names the form whose input was refused ({@code agreement},
     * {@code change}, {@code countersign}, {@code payment-<id>}, {@code decision-<id>}), {@code errors} its
     * fields' message keys and {@code values} what was typed.
     */
    public record ProjectPage(FollowUp.Project project, FollowUp.Money money, String roundName, String period,
            List<HistoryLine> history, LocalDate today, boolean officer, String base, String errorForm,
            Map<String, String> errors, Map<String, String> values) {

        public boolean hasErrors(String form) {
            return form.equals(errorForm) && !errors.isEmpty();
        }

        public String error(String form, String field) {
            return form.equals(errorForm) ? errors.get(field) : null;
        }

        public String value(String form, String field) {
            return form.equals(errorForm) ? values.getOrDefault(field, "") : "";
        }

        /** The link to a report's page: the grantee's report form or the officer's review. */
        public String reportPath(FollowUp.Report r) {
            return officer ? "/uppfoljning/redovisningar/" + r.id() : "/mina-projekt/" + project.key() + "/redovisningar/" + r.id();
        }
    }

    private final FollowUp followUp;
    private final Rounds rounds;
    private final JsonMapper json;

    ProjectPages(FollowUp followUp, Rounds rounds, JsonMapper json) {
        this.followUp = followUp;
        this.rounds = rounds;
        this.json = json;
    }

    ProjectPage page(FollowUp.Project p, boolean officer, Ui ui, String errorForm, Map<String, String> errors,
            Map<String, String> values) {
        String base = officer ? "/uppfoljning/projekt/" + p.key() : "/mina-projekt/" + p.key();
        return new ProjectPage(p, p.money(), roundName(p, ui.language()), Agreements.period(p, ui.language()),
                history(p, ui), followUp.today(), officer, base, errorForm, errors, values);
    }

    String roundName(FollowUp.Project p, Language lang) {
        return p.partnership().roundId() == null ? "" : rounds.details(p.partnership().roundId())
                .map(r -> r.name(lang)).orElse("");
    }

    private List<HistoryLine> history(FollowUp.Project p, Ui ui) {
        List<HistoryLine> lines = new ArrayList<>();
        for (AuditLog.Entry e : followUp.history(p.id())) {
            String key = "followup.history." + e.action();
            String what = ui.t(key);
            lines.add(new HistoryLine(StockholmTime.dateTime(e.occurredAt(), ui.language()), e.actor(),
                    what.equals(key) ? e.action() : what, detail(e.details(), ui)));
        }
        return lines;
    }

    private String detail(String details, Ui ui) {
        if (details == null) {
            return "";
        }
        JsonNode node;
        try {
            node = json.readTree(details);
        } catch (RuntimeException e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (node.hasNonNull("amountSek")) {
            parts.add(Sek.of(node.get("amountSek").asLong()).format(ui.language()));
        }
        if (node.hasNonNull("newEndsOn")) {
            parts.add(ui.t("followup.change.newEndsOn") + ": "
                    + StockholmTime.date(LocalDate.parse(node.get("newEndsOn").asString()), ui.language()));
        }
        if (node.hasNonNull("fromLine") && node.hasNonNull("toLine")) {
            parts.add(ui.t("followup.change.moveLines", node.get("fromLine").asInt(), node.get("toLine").asInt()));
        }
        for (String field : List.of("name", "role", "reference", "reason", "comment", "titleSv", "titleEn", "themeSv", "themeEn")) {
            if (node.hasNonNull(field) && !node.get(field).asString().isBlank()) {
                parts.add(ui.t("followup.history.field." + field) + ": " + node.get(field).asString());
            }
        }
        return String.join(" · ", parts);
    }
}

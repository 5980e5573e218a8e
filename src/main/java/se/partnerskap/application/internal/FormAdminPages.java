package se.partnerskap.application.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import se.partnerskap.programme.ProgrammeSummary;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.Question;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** The administrators' pages of the programmes' application forms: the list, and a form's sections, versions and editor. */
@Component
public class FormAdminPages {

    private final Programmes programmes;
    private final ApplicationForms forms;
    private final FormVersions versions;

    FormAdminPages(Programmes programmes, ApplicationForms forms, FormVersions versions) {
        this.programmes = programmes;
        this.forms = forms;
        this.versions = versions;
    }

    public record Row(String key, String name, boolean persons, Integer latest, int versions) {
    }

    public record QuestionRow(String key, String label, String type, boolean required) {
    }

    public record SectionRow(String title, String kind, String slugSv, String slugEn, boolean roundQuestions,
            List<QuestionRow> questions) {
    }

    public record VersionRow(int version, String createdAt, String createdBy, int drafts, int submitted) {
    }

    /** The edit page; {@code error} is the translated reason a save was refused (null when none). */
    public record EditPage(String key, String name, int basedOn, List<SectionRow> sections, List<VersionRow> versions,
            String text, String error) {
    }

    List<Row> list(Ui ui) {
        return programmes.all().stream().map(p -> {
            List<FormVersions.Version> all = versions.versions(p.key());
            return new Row(p.key(), ui.pick(p.nameSv(), p.nameEn()), "person".equals(p.applicantKind()),
                    all.isEmpty() ? null : all.getFirst().version(), all.size());
        }).toList();
    }

    /**
     * The page of the programme's latest version (404 for no such programme); {@code typed} when a save was refused,
     * based on {@code basedOn} (negative: on the latest, as after someone else's save).
     */
    EditPage edit(String programme, Ui ui, String typed, int basedOn, String error) {
        ProgrammeSummary p = programmes.all().stream().filter(x -> x.key().equals(programme)).findFirst()
                .orElseThrow(NotFoundException::new);
        ApplicationForm latest = forms.latest(programme).orElse(null);
        List<SectionRow> sections = latest == null ? List.of() : latest.sections().stream().map(s -> new SectionRow(
                s.title(ui.language()), ui.t("forms.kind." + s.kind().key()), s.slug().sv(), s.slug().en(),
                Boolean.TRUE.equals(s.roundQuestions()), s.questions().stream().map(q -> row(q, ui)).toList())).toList();
        List<VersionRow> rows = versions.versions(programme).stream().map(v -> new VersionRow(v.version(),
                StockholmTime.dateTime(v.createdAt(), ui.language()), v.createdBy(), v.drafts(), v.submitted())).toList();
        int version = latest == null ? 0 : latest.version();
        return new EditPage(p.key(), ui.pick(p.nameSv(), p.nameEn()), typed != null && basedOn >= 0 ? basedOn : version,
                sections, rows,
                typed != null ? typed : latest == null ? "{\"sections\": []}" : versions.text(latest), error);
    }

    private static QuestionRow row(Question q, Ui ui) {
        return new QuestionRow(q.key(), q.label(ui.language()), ui.t("rounds.question.type." + q.type()), q.required());
    }
}

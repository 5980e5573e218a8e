package se.partnerskap.newsroom.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/**
 * The news editor's pages as records ({@link NewsEditor} binds and picks the template): the list with its filters,
 * the form with what it offers, the revisions and the comparison of two.
 */
@Component
public class NewsEditorPages {

    private final NewsItems items;
    private final NewsFormCheck check;

    NewsEditorPages(NewsItems items, NewsFormCheck check) {
        this.items = items;
        this.check = check;
    }

    public record Row(NewsItem item, String state, String when, String href) {
    }

    public record AdminList(List<Row> rows, String type, String language, String state, String q) {
    }

    public record Choice(String value, String label) {
    }

    /** The form with everything it offers and what went wrong; {@code saved} is the stored item, if any. */
    public record EditPage(NewsForm form, Map<String, String> errors, NewsItem saved, boolean conflict,
            List<Choice> translations, Map<String, List<NewsTag>> tags, List<ContactPerson> programmeContacts,
            String state, String action) {
    }

    public record RevisionRow(NewsItems.Revision revision, String when) {
    }

    public record RevisionsPage(NewsItem item, List<RevisionRow> revisions) {
    }

    public record ComparePage(NewsItem item, RevisionRow from, RevisionRow to, List<RevisionDiff.FieldChange> fields,
            List<RevisionDiff.Line> body) {
    }

    /** The editor's list: the filters as understood (unknown values as "any"). */
    AdminList list(String type, String language, String state, String q, Ui ui) {
        String t = NewsItem.isType(type) ? type : null;
        String l = "sv".equals(language) || "en".equals(language) ? language : null;
        String s = state != null && Set.of("draft", "scheduled", "published", "unpublished").contains(state) ? state : null;
        String text = q == null || q.isBlank() ? null : q.strip();
        Instant now = items.now();
        List<Row> rows = items.all(new NewsItems.AdminFilter(t, l, s, text)).stream()
                .map(i -> new Row(i, i.state(now), i.publishAt() == null ? ""
                        : NewsDates.format(i.publishAt(), i.dateOnly(), ui.language()),
                        ui.href("/admin/nyheter/" + i.id())))
                .toList();
        return new AdminList(rows, t, l, s, text == null ? "" : text);
    }

    /** The form with what it offers: the items it may translate, the tags by kind, the programme's contacts. */
    EditPage edit(NewsForm form, Map<String, String> errors, NewsItem saved, boolean conflict, Ui ui) {
        Language formLanguage = Language.ofCode(form.language());
        List<Choice> translations = items.all(new NewsItems.AdminFilter(null, formLanguage.other().code(), null, null))
                .stream().sorted(java.util.Comparator.comparing(NewsItem::title))
                .map(i -> new Choice(i.id().toString(), i.title())).toList();
        Map<String, List<NewsTag>> tags = new LinkedHashMap<>();
        for (String kind : List.of("programme", "theme", "country", "region")) {
            tags.put(kind, new ArrayList<>());
        }
        items.tags().forEach(t -> tags.get(t.kind()).add(t));
        return new EditPage(form, errors, saved, conflict, translations, tags, check.programmeContacts(),
                saved == null ? "new" : saved.state(items.now()),
                saved == null ? ui.href("/admin/nyheter") : ui.href("/admin/nyheter/" + saved.id()));
    }

    /** Every revision of an item, newest first. */
    RevisionsPage revisions(NewsItem item, Ui ui) {
        return new RevisionsPage(item, items.revisions(item.id()).stream().map(r -> revisionRow(r, ui)).toList());
    }

    /** Two revisions side by side (in order, whichever was named first); a number that is none is not found. */
    ComparePage compare(NewsItem item, String from, String to, Ui ui) {
        int a = NewsFormCheck.parseInt(from, -1);
        int b = NewsFormCheck.parseInt(to, -1);
        if (a > b) {
            int x = a;
            a = b;
            b = x;
        }
        NewsItems.Revision before = items.revision(item.id(), a).orElseThrow(NotFoundException::new);
        NewsItems.Revision after = items.revision(item.id(), b).orElseThrow(NotFoundException::new);
        return new ComparePage(item, revisionRow(before, ui), revisionRow(after, ui),
                RevisionDiff.fields(before.snapshot(), after.snapshot()),
                RevisionDiff.body(String.valueOf(before.snapshot().getOrDefault("body", "")),
                        String.valueOf(after.snapshot().getOrDefault("body", ""))));
    }

    static RevisionRow revisionRow(NewsItems.Revision r, Ui ui) {
        return new RevisionRow(r, StockholmTime.dateTime(r.savedAt(), ui.language()));
    }

}

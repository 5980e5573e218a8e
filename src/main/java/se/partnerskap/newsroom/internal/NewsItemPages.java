package se.partnerskap.newsroom.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;
import se.partnerskap.web.Ui;

/**
 * A news item as its page shows it ({@link NewsController}, {@link ItemPage}): the public page and the editor's preview
 * ({@link NewsEditor}) build it here, so that neither controller calls the other.
 */
@Component
public class NewsItemPages {

    private final NewsItems items;
    private final ContactPersons contactPersons;
    private final FundedPartnerships funded;
    private final Links links;

    NewsItemPages(NewsItems items, ContactPersons contactPersons, FundedPartnerships funded, Links links) {
        this.items = items;
        this.contactPersons = contactPersons;
        this.funded = funded;
        this.links = links;
    }

    public record Link(String label, String href) {
    }

    public record Contact(String name, String role, String phone, String email) {
    }

    public record Meta(String title, String description, String url, String image, String imageAlt,
            String publishedTime, String locale) {
    }

    public record ItemPage(NewsItem item, String dateLine, String iso, String typeLabel, String eventLine,
            List<Link> tags, List<Contact> contacts, List<Link> projects, Link translation, String pdfHref,
            Link bibtex, Link ris, Meta meta, boolean preview, String state) {
    }

    ItemPage itemPage(NewsItem item, Ui ui, Instant now, boolean preview) {
        Language lang = ui.language();
        String typeLabel = ui.t("newsroom.type." + item.type());
        List<Link> tags = item.tags().stream().map(k -> new Link(items.tag(k).map(x -> x.name(lang)).orElse(k),
                ui.href("/nyheter") + "?tag=" + URLEncoder.encode(k, StandardCharsets.UTF_8))).toList();
        List<Contact> contacts = contacts(item, lang);
        List<Link> projects = item.projects().stream().map(k -> funded.byKey(k)
                .map(f -> new Link(f.title(lang) != null ? f.title(lang).value()
                        : f.swedishOrganisationName() + (f.theme(lang) == null ? "" : ": " + f.theme(lang)),
                        ui.href("/projekt/" + f.path())))
                .orElse(new Link(k, ui.href("/projekt/" + k)))).toList();
        Link translation = items.translation(item).filter(t -> preview || t.publicAt(now))
                .map(t -> new Link(t.title(), t.path())).orElse(null);
        String eventLine = item.eventStartsAt() == null ? null
                : NewsDates.format(item.eventStartsAt(), false, lang)
                        + (item.eventLocation() == null || item.eventLocation().isBlank() ? "" : ", " + item.eventLocation());
        String pub = NewsPaths.publication(item.language(), item.slug());
        boolean isPublication = "publication".equals(item.type());
        Meta meta = new Meta(item.title(), item.lead() == null || item.lead().isBlank() ? null : item.lead(),
                links.absolute(item.path()), links.absoluteOrAsIs(item.imageUrl()), item.imageAlt(),
                item.publishAt() == null || item.undated() ? null : NewsDates.iso(item.publishAt(), false),
                "en".equals(item.language()) ? "en_GB" : "sv_SE");
        return new ItemPage(item, item.publishAt() == null ? typeLabel : NewsDates.line(item, typeLabel, lang),
                item.publishAt() == null || item.undated() ? null : NewsDates.iso(item.publishAt(), item.dateOnly()),
                typeLabel, eventLine, tags, contacts, projects, translation, item.hasPdf() ? pub + ".pdf" : null,
                isPublication ? new Link("BibTeX", pub + ".bib") : null, isPublication ? new Link("RIS", pub + ".ris") : null,
                meta, preview, item.state(now));
    }

    /** Typed contacts as they are; the programme's contact persons as they are now, in the page's language. */
    List<Contact> contacts(NewsItem item, Language lang) {
        List<Contact> out = new ArrayList<>();
        Map<String, List<ContactPerson>> programmes = new LinkedHashMap<>();
        for (NewsItem.NewsContact c : item.contacts()) {
            if (c.keyed()) {
                List<ContactPerson> people = programmes.computeIfAbsent(c.programme(), contactPersons::of);
                people.stream().filter(p -> p.key().equals(c.key())).findFirst()
                        .ifPresentOrElse(p -> out.add(new Contact(p.name(), p.role(lang), p.phone(), p.email())),
                                () -> out.add(new Contact(c.name(), c.role(), null, null)));
            } else {
                out.add(new Contact(c.name(), c.role(), c.phone(), c.email()));
            }
        }
        return out;
    }
}

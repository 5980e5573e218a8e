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
 * A news item as its page shows it ({@link NewsPages.ItemPage}): the public page and the editor's preview
 * ({@link NewsEditor}) build it here, so that neither controller calls the other.
 */
@Component
class NewsItemPages {

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

    NewsPages.ItemPage itemPage(NewsItem item, Ui ui, Instant now, boolean preview) {
        Language lang = ui.language();
        String typeLabel = ui.t("newsroom.type." + item.type());
        List<NewsPages.Link> tags = item.tags().stream().map(k -> new NewsPages.Link(items.tag(k).map(x -> x.name(lang)).orElse(k),
                ui.href("/nyheter") + "?tag=" + URLEncoder.encode(k, StandardCharsets.UTF_8))).toList();
        List<NewsPages.Contact> contacts = contacts(item, lang);
        List<NewsPages.Link> projects = item.projects().stream().map(k -> funded.byKey(k)
                .map(f -> new NewsPages.Link(f.title(lang) != null ? f.title(lang).value()
                        : f.swedishOrganisationName() + (f.theme(lang) == null ? "" : ": " + f.theme(lang)),
                        ui.href("/projekt/" + f.path())))
                .orElse(new NewsPages.Link(k, ui.href("/projekt/" + k)))).toList();
        NewsPages.Link translation = items.translation(item).filter(t -> preview || t.publicAt(now))
                .map(t -> new NewsPages.Link(t.title(), t.path())).orElse(null);
        String eventLine = item.eventStartsAt() == null ? null
                : NewsDates.format(item.eventStartsAt(), false, lang)
                        + (item.eventLocation() == null || item.eventLocation().isBlank() ? "" : ", " + item.eventLocation());
        String pub = NewsPaths.publication(item.language(), item.slug());
        boolean isPublication = "publication".equals(item.type());
        NewsPages.Meta meta = new NewsPages.Meta(item.title(), item.lead() == null || item.lead().isBlank() ? null : item.lead(),
                links.absolute(item.path()), links.absoluteOrAsIs(item.imageUrl()), item.imageAlt(),
                item.publishAt() == null || item.undated() ? null : NewsDates.iso(item.publishAt(), false),
                "en".equals(item.language()) ? "en_GB" : "sv_SE");
        return new NewsPages.ItemPage(item, item.publishAt() == null ? typeLabel : NewsDates.line(item, typeLabel, lang),
                item.publishAt() == null || item.undated() ? null : NewsDates.iso(item.publishAt(), item.dateOnly()),
                typeLabel, eventLine, tags, contacts, projects, translation, item.hasPdf() ? pub + ".pdf" : null,
                isPublication ? new NewsPages.Link("BibTeX", pub + ".bib") : null, isPublication ? new NewsPages.Link("RIS", pub + ".ris") : null,
                meta, preview, item.state(now));
    }

    /** Typed contacts as they are; the programme's contact persons as they are now, in the page's language. */
    List<NewsPages.Contact> contacts(NewsItem item, Language lang) {
        List<NewsPages.Contact> out = new ArrayList<>();
        Map<String, List<ContactPerson>> programmes = new LinkedHashMap<>();
        for (NewsItem.NewsContact c : item.contacts()) {
            if (c.keyed()) {
                List<ContactPerson> people = programmes.computeIfAbsent(c.programme(), contactPersons::of);
                people.stream().filter(p -> p.key().equals(c.key())).findFirst()
                        .ifPresentOrElse(p -> out.add(new NewsPages.Contact(p.name(), p.role(lang), p.phone(), p.email())),
                                () -> out.add(new NewsPages.Contact(c.name(), c.role(), null, null)));
            } else {
                out.add(new NewsPages.Contact(c.name(), c.role(), c.phone(), c.email()));
            }
        }
        return out;
    }
}

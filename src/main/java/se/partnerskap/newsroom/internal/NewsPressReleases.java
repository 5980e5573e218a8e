package se.partnerskap.newsroom.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import se.partnerskap.assessment.PressReleaseDraft;
import se.partnerskap.assessment.PressReleaseDrafted;
import se.partnerskap.assessment.PressReleaseDrafts;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.shared.Language;

/**
 * The press release drafted when a round is published arrives here as a pair of drafts, Swedish and
 * English, each other's translation, with the draft's contact persons. By the source key a redelivered
 * event adds nothing.
 */
@Component
class NewsPressReleases {

    static final String ACTOR = "assessment";

    private final PressReleaseDrafts drafts;
    private final NewsItems items;
    private final ContactPersons contactPersons;

    NewsPressReleases(PressReleaseDrafts drafts, NewsItems items, ContactPersons contactPersons) {
        this.drafts = drafts;
        this.items = items;
        this.contactPersons = contactPersons;
    }

    @ApplicationModuleListener
    void on(PressReleaseDrafted event) {
        PressReleaseDraft draft = drafts.byId(event.draftId()).orElseThrow();
        items.lockSlugs();
        List<NewsItem.NewsContact> contacts = new ArrayList<>();
        if (draft.programme() != null) {
            List<ContactPerson> people = contactPersons.of(draft.programme());
            for (String key : draft.contactKeys()) {
                people.stream().filter(p -> p.key().equals(key)).findFirst().ifPresent(p -> contacts.add(
                        new NewsItem.NewsContact(p.name(), "", "", "", draft.programme(), p.key())));
            }
        }
        UUID sv = items.insert(content(draft, Language.SV, null, contacts), ACTOR, "draft", null, false, false,
                sourceKey(draft, Language.SV), null, "imported");
        if (sv == null) {
            return;
        }
        items.insert(content(draft, Language.EN, sv, contacts), ACTOR, "draft", null, false, false,
                sourceKey(draft, Language.EN), null, "imported");
    }

    static String sourceKey(PressReleaseDraft draft, Language language) {
        return "press-release-draft/" + draft.id() + "/" + language.code();
    }

    private NewsItems.Content content(PressReleaseDraft d, Language lang, UUID translationOf,
            List<NewsItem.NewsContact> contacts) {
        String title = d.title(lang);
        String base = NewsForm.slugOf(title);
        String slug = base;
        for (int n = 2; items.slugTaken(lang, slug, null); n++) {
            slug = base + "-" + n;
        }
        return NewsItems.Content.text("press-release", lang, translationOf, slug, title, d.lead(lang), html(d.body(lang)),
                contacts);
    }

    /** Paragraphs separated by blank lines become paragraphs; a line break within one stays a line break. */
    static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            b.append("<p>").append(String.join("<br>", paragraph.strip().lines().map(HtmlUtils::htmlEscape).toList()))
                    .append("</p>\n");
        }
        return b.toString();
    }
}

package se.partnerskap.publicsite.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import se.partnerskap.newsroom.PublicNews;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/**
 * The fieldwork grant's public page: its editable texts ({@code page_section}, page {@code fieldwork-grant}), the
 * call open now (a round of the programme, with its deadline and largest grant), and the grantees' stories — the
 * newsroom's public items tagged with the programme, newest first.
 */
@Component
public class FieldworkPages {

    /** The programme's key: its row, its rounds and its news tag. */
    static final String PROGRAMME = se.partnerskap.programme.Programmes.FIELDWORK_GRANT;
    static final int STORIES = 6;

    /** A call open now: its deadline (an extension included) and the most one grant may be. */
    public record CallView(String name, String deadline, String deadlineIso, String maxAmount) {
    }

    /** A grantee's story: the title in its own language, marked when it is not the page's. */
    public record StoryView(String title, String href, String lang, String published, String publishedIso) {
    }

    public record FieldworkPage(List<PageSection> sections, List<CallView> open, List<StoryView> stories,
            String allStoriesHref, List<GranteeView> grantees) {
    }

    /** A grantee who accepted and consented to be listed: nothing else of them is shown. */
    public record GranteeView(String name, String affiliation, String country, String title, int year) {
    }

    private final SiteContent content;
    private final Rounds rounds;
    private final Programmes programmes;
    private final PublicNews news;
    private final se.partnerskap.grant.PersonalGrants grants;
    private final se.partnerskap.registry.Registry registry;

    FieldworkPages(SiteContent content, Rounds rounds, Programmes programmes, PublicNews news,
            se.partnerskap.grant.PersonalGrants grants, se.partnerskap.registry.Registry registry) {
        this.grants = grants;
        this.registry = registry;
        this.content = content;
        this.rounds = rounds;
        this.programmes = programmes;
        this.news = news;
    }

    FieldworkPage page(Ui ui) {
        Language lang = ui.language();
        Instant now = programmes.now();
        List<CallView> open = rounds.openAt(PROGRAMME, now).stream().map(r -> call(r, ui)).toList();
        List<StoryView> stories = news.tagged(PROGRAMME, now, STORIES).stream().map(s -> new StoryView(s.title(),
                "en".equals(s.language()) ? "/en/news/" + s.slug() : "/nyheter/" + s.slug(),
                s.language().equals(lang.code()) ? null : s.language(),
                StockholmTime.date(StockholmTime.at(s.publishedAt()).toLocalDate(), lang),
                StockholmTime.at(s.publishedAt()).toLocalDate().toString())).toList();
        List<GranteeView> grantees = grants.listed(PROGRAMME).stream().map(g -> new GranteeView(g.name(), g.affiliation(),
                g.country() == null ? "" : registry.country(g.country()).map(c -> c.name(lang)).orElse(g.country()),
                g.title(), g.year())).toList();
        return new FieldworkPage(content.page("fieldwork-grant", lang), open, stories,
                ui.href("/nyheter") + "?tag=" + PROGRAMME, grantees);
    }

    private static CallView call(RoundDetails r, Ui ui) {
        return new CallView(r.name(ui.language()), StockholmTime.dateTime(r.deadline(), ui.language()),
                StockholmTime.at(r.deadline()).toOffsetDateTime().toString(),
                r.maxAmountSek() == null ? null : ui.money(r.maxAmountSek()));
    }

    /** The next moment the page changes by the clock: a call opening or closing, or a new day. */
    Instant until(Instant now) {
        return StockholmTime.earliest(programmes.nextChange(PROGRAMME, now), StockholmTime.nextMidnight(now));
    }
}

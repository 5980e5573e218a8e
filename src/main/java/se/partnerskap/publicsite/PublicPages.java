package se.partnerskap.publicsite;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundSummary;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Ui;

/** The home page and the programme page, in Swedish at the root and in English under /en. */
@Controller
public class PublicPages {

    private final SiteContent content;
    private final Programmes programmes;
    private final Registry registry;

    PublicPages(SiteContent content, Programmes programmes, Registry registry) {
        this.content = content;
        this.programmes = programmes;
        this.registry = registry;
    }

    public record HomePage(List<PageSection> intro, WindowView window, List<String> coreAreas,
            List<RoundView> rounds) {
    }

    public record RoundView(String name, String announced, String budget, String note) {
    }

    public record ProgrammePage(List<PageSection> sections, WindowView window, List<WindowView> windows,
            List<String> coreAreas, List<String> countries) {
    }

    @GetMapping({"/", "/en", "/en/"})
    String home(Ui ui, Model model) {
        Language lang = ui.language();
        String p = Programmes.MUNICIPAL_PARTNERSHIP;
        List<RoundView> rounds = programmes.rounds(p).stream()
                .filter(r -> "published".equals(r.status()) || "closed".equals(r.status()))
                .limit(6).map(r -> roundView(r, lang)).toList();
        model.addAttribute("page", new HomePage(content.page("home", lang),
                WindowView.of(programmes.status(p), lang), coreAreas(lang), rounds));
        return "pages/home";
    }

    @GetMapping({"/kommunala-partnerskap", "/en/municipal-partnership"})
    String programme(Ui ui, Model model) {
        Language lang = ui.language();
        String p = Programmes.MUNICIPAL_PARTNERSHIP;
        var status = programmes.status(p);
        List<WindowView> upcoming = programmes.upcoming(p).stream()
                .map(o -> WindowView.of(new se.partnerskap.programme.WindowStatus(o.isOpenAt(programmes.now()), o,
                        o.closesAt()), lang))
                .toList();
        var countries = programmes.countryCodes(p).stream()
                .map(code -> registry.country(code).map(c -> c.name(lang)).orElse(code)).toList();
        model.addAttribute("page", new ProgrammePage(content.page("programme", lang),
                WindowView.of(status, lang), upcoming, coreAreas(lang), countries));
        return "pages/programme";
    }

    private List<String> coreAreas(Language lang) {
        return programmes.coreAreas(Programmes.MUNICIPAL_PARTNERSHIP).stream().map(c -> c.name(lang)).toList();
    }

    private static RoundView roundView(RoundSummary r, Language lang) {
        return new RoundView(r.name(lang),
                r.announcedOn() == null ? null : se.partnerskap.shared.StockholmTime.date(r.announcedOn(), lang),
                r.budgetSek() == null ? null : se.partnerskap.shared.Sek.of(r.budgetSek()).format(lang), r.note());
    }
}

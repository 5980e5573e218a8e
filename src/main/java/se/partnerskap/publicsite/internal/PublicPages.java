package se.partnerskap.publicsite.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.RoundSummary;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Ui;

/** The home page and the programme page as {@link HomeController} shows them. */
@Component
public class PublicPages {

    private final SiteContent content;
    private final Programmes programmes;
    private final Registry registry;
    private final FundedPartnerships funded;
    private final ContactPersons contactPersons;
    private final Rounds rounds;

    PublicPages(SiteContent content, Programmes programmes, Registry registry, FundedPartnerships funded,
            ContactPersons contactPersons, Rounds rounds) {
        this.content = content;
        this.programmes = programmes;
        this.registry = registry;
        this.funded = funded;
        this.contactPersons = contactPersons;
        this.rounds = rounds;
    }

    public record HomePage(List<PageSection> intro, WindowView window, OpenRounds open, List<String> coreAreas,
            List<RoundView> rounds, List<ExampleView> examples, int fundedPartnerships, int swedishOrganisations) {
    }

    public record RoundView(String name, String announced, String announcedIso, String budget, String grantees,
            String note) {
    }

    /** "Piteå – An Giang, Vietnam: theme" in the page's language. */
    public record ExampleView(String swedishParty, String partners, String theme) {
    }

    /** A contact person as content: never a login, never a recipient. */
    public record ContactView(String name, String role, String phone, String email) {
    }

    /** A round that takes applications now, with its deadline (and the earlier one if it was extended). */
    public record OpenRoundView(String name, String deadline, String deadlineIso, String previousDeadline) {
    }

    /** The ordinary rounds open now (soonest deadline first) and the continuous ones, such as inceptions. */
    public record OpenRounds(List<OpenRoundView> ordinary, List<OpenRoundView> continuous) {
    }

    public record ProgrammePage(List<PageSection> sections, WindowView window, OpenRounds open, List<WindowView> windows,
            List<String> coreAreas, List<String> countries, List<RoundView> pastRounds, List<ContactView> contacts) {
    }

    /** The home page: the programme's texts, its window and open rounds, past rounds and examples of projects. */
    HomePage home(Ui ui) {
        Language lang = ui.language();
        String p = Programmes.MUNICIPAL_PARTNERSHIP;
        List<RoundView> rounds = programmes.rounds(p).stream()
                .filter(r -> r.status().isPast())
                .limit(6).map(r -> roundView(r, ui, null)).toList();
        List<ExampleView> examples = funded.examples(p, 6).stream().map(f -> exampleView(f, ui)).toList();
        var totals = funded.totals(p);
        return new HomePage(content.page("home", lang),
                WindowView.of(programmes.status(p), lang), openRounds(lang), coreAreas(lang), rounds, examples,
                totals.fundedPartnerships(), totals.swedishOrganisations());
    }

    /** The programme page: its texts, windows, open and past rounds with their grantees, and its contacts. */
    ProgrammePage programme(Ui ui) {
        Language lang = ui.language();
        String p = Programmes.MUNICIPAL_PARTNERSHIP;
        var status = programmes.status(p);
        List<WindowView> upcoming = programmes.upcomingStatuses(p).stream().map(w -> WindowView.of(w, lang)).toList();
        var countries = programmes.countryCodes(p).stream()
                .map(code -> registry.country(code).map(c -> c.name(lang)).orElse(code)).toList();
        Map<UUID, List<String>> grantees = funded.granteeNames(p);
        List<RoundView> pastRounds = programmes.rounds(p).stream()
                .filter(r -> r.status().isPast())
                .map(r -> roundView(r, ui, grantees)).toList();
        List<ContactView> contacts = contactPersons.of(p).stream()
                .map(c -> new ContactView(c.name(), c.role(lang), c.phone(), c.email())).toList();
        return new ProgrammePage(content.page("programme", lang),
                WindowView.of(status, lang), openRounds(lang), upcoming, coreAreas(lang), countries, pastRounds, contacts);
    }

    private OpenRounds openRounds(Language lang) {
        List<RoundDetails> open = rounds.openAt(Programmes.MUNICIPAL_PARTNERSHIP, programmes.now());
        return new OpenRounds(open.stream().filter(r -> !r.continuous()).map(r -> openRound(r, lang)).toList(),
                open.stream().filter(RoundDetails::continuous).map(r -> openRound(r, lang)).toList());
    }

    private static OpenRoundView openRound(RoundDetails r, Language lang) {
        boolean extended = !r.deadline().equals(r.closesAt());
        return new OpenRoundView(r.name(lang), StockholmTime.dateTime(r.deadline(), lang),
                StockholmTime.at(r.deadline()).toOffsetDateTime().toString(),
                extended ? StockholmTime.dateTime(r.closesAt(), lang) : null);
    }

    private List<String> coreAreas(Language lang) {
        return programmes.coreAreas(Programmes.MUNICIPAL_PARTNERSHIP).stream().map(c -> c.name(lang)).toList();
    }

    /** With {@code grantees} (the Swedish parties by round), the names of those the round granted. */
    private RoundView roundView(RoundSummary r, Ui ui, Map<UUID, List<String>> grantees) {
        Language lang = ui.language();
        String budget = null;
        if (r.budgetSek() != null) {
            String money = ui.money(r.budgetSek());
            budget = r.budgetPrecision() == null || "exact".equals(r.budgetPrecision()) ? money
                    : ui.t("grant.round.total." + r.budgetPrecision(), money);
        }
        return new RoundView(r.name(lang),
                r.announcedOn() == null ? null : StockholmTime.date(r.announcedOn(), lang),
                r.announcedOn() == null ? null : r.announcedOn().toString(), budget,
                grantees == null ? null : grantees(r, grantees.getOrDefault(r.id(), List.of()), ui), r.note(lang));
    }

    /** "11: Ekerö, Karlstad, …", "12, among them Region Västerbotten", or "not published". */
    private String grantees(RoundSummary r, List<String> names, Ui ui) {
        Integer count = r.granteesCount();
        if (names.isEmpty()) {
            return count == null ? ui.t("grant.rounds.grantees.unknown") : String.valueOf(count);
        }
        String joined = String.join(", ", names);
        if (count == null || count == names.size()) {
            return ui.t("grant.rounds.grantees.all", String.valueOf(names.size()), joined);
        }
        return ui.t("grant.rounds.grantees.some", String.valueOf(count), joined);
    }

    private static ExampleView exampleView(FundedPartnership f, Ui ui) {
        Language lang = ui.language();
        List<String> named = new ArrayList<>();
        List<String> unnamedCountries = new ArrayList<>();
        for (FundedPartnership.Partner p : f.partners()) {
            if (p.named()) {
                named.add(ui.t("grant.partner.named", p.name(), p.countryName(lang)));
            } else {
                unnamedCountries.add(p.countryName(lang));
            }
        }
        if (!unnamedCountries.isEmpty()) {
            named.add(ui.t("grant.partner.unnamed", String.join(ui.t("grant.and"), unnamedCountries)));
        }
        return new ExampleView(f.swedishOrganisationName(), String.join("; ", named), f.theme(lang));
    }
}

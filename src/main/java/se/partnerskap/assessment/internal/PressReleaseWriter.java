package se.partnerskap.assessment.internal;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.assessment.PressReleaseDrafted;
import se.partnerskap.assessment.RoundPublished;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.Sek;

/**
 * Writes the draft press release of a published round in the programme's usual shape: how many Swedish
 * municipalities and regions share how much, every grantee named, examples of partnerships and their
 * themes, the contacts and the boilerplate. One per round: a re-delivered event keeps the first draft.
 */
@Component
class PressReleaseWriter {

    /** How many partnerships the release gives as examples. */
    static final int EXAMPLES = 3;

    record Text(String title, String lead, String body, String programme, List<String> contactKeys) {
    }

    private record Grant(SubmittedApplication application, String organisation, long amountSek, String theme) {
    }

    private final JdbcClient jdbc;
    private final SubmittedApplications applications;
    private final Decisions decisions;
    private final Rounds rounds;
    private final Registry registry;
    private final Programmes programmes;
    private final ContactPersons contacts;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PressReleaseWriter(JdbcClient jdbc, SubmittedApplications applications, Decisions decisions, Rounds rounds,
            Registry registry, Programmes programmes, ContactPersons contacts, MessageSource messages, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.applications = applications;
        this.decisions = decisions;
        this.rounds = rounds;
        this.registry = registry;
        this.programmes = programmes;
        this.contacts = contacts;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RoundPublished event) {
        RoundDetails round = rounds.details(event.roundId()).orElseThrow();
        List<Grant> grants = new ArrayList<>();
        for (UUID id : event.decisionIds()) {
            Decisions.Decision d = decisions.of(id).orElseThrow();
            if (d.outcome() == Decisions.Outcome.GRANTED) {
                SubmittedApplication a = applications.find(id).orElseThrow();
                if (a.personal()) {
                    continue; // grants to individuals are personal data: no press release names them
                }
                grants.add(new Grant(a, registry.swedishOrganisation(a.leadOrganisation())
                        .map(SwedishOrganisation::name).orElse(""), d.amountSek(), applications.theme(id).orElse(null)));
            }
        }
        Collator swedish = Collator.getInstance(Locale.of("sv", "SE"));
        grants.sort((x, y) -> swedish.compare(x.organisation(), y.organisation()));
        Text sv = write(round, grants, Language.SV);
        Text en = write(round, grants, Language.EN);
        UUID draftId = UUID.randomUUID();
        int rows = jdbc.sql("""
                INSERT INTO press_release_draft (id, round_id, title_sv, lead_sv, body_sv, title_en, lead_en, body_en,
                                                 created_at, status, programme_key, contact_keys)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) ON CONFLICT (round_id) DO NOTHING
                """).params(draftId, round.id(), sv.title(), sv.lead(), sv.body(), en.title(), en.lead(),
                en.body(), Timestamp.from(clock.instant()), sv.programme(), sv.contactKeys().toArray(String[]::new))
                .update();
        if (rows == 1) {
            // the newsroom takes it over as a draft; a redelivered RoundPublished drafts (and announces) nothing twice
            events.publishEvent(new PressReleaseDrafted(draftId, round.id()));
        }
    }

    Text write(RoundDetails round, List<Grant> grants, Language lang) {
        Set<UUID> organisations = new LinkedHashSet<>();
        grants.forEach(g -> organisations.add(g.application().leadOrganisation()));
        List<String> names = grants.stream().map(Grant::organisation).distinct().toList();
        int count = organisations.size();
        long total = grants.stream().mapToLong(Grant::amountSek).sum();
        String amount = lang == Language.SV ? Sek.of(total).format(lang).replace("\u00a0kr", "\u00a0kronor")
                : Sek.of(total).format(lang);
        String title = t("publishing.press.title", lang, count, amount);
        String lead = t("publishing.press.lead", lang, count, amount,
                round.name(lang), list(names, lang));
        List<String> body = new ArrayList<>();
        body.add(t("publishing.press.grantees", lang, list(grants.stream().map(g -> g.organisation() + " ("
                + Sek.of(g.amountSek()).format(lang) + ")").toList(), lang)));
        List<String> examples = grants.stream().filter(g -> !g.application().partnerNames().isEmpty()).limit(EXAMPLES)
                .map(g -> example(g, lang)).toList();
        if (!examples.isEmpty()) {
            body.add(t("publishing.press.examples", lang) + "\n" + String.join("\n", examples));
        }
        Map<String, String> areaNames = new LinkedHashMap<>();
        programmes.coreAreas(round.programme()).forEach(c -> areaNames.put(c.key(), c.name(lang)));
        List<String> areas = areaNames.keySet().stream()
                .filter(k -> grants.stream().anyMatch(g -> g.application().coreAreas().contains(k)))
                .map(k -> areaNames.get(k).toLowerCase(lang.locale())).toList();
        if (!areas.isEmpty()) {
            body.add(t("publishing.press.coreAreas", lang, list(areas, lang)));
        }
        String contactProgramme = round.programme();
        List<ContactPerson> people = contacts.of(contactProgramme);
        if (people.isEmpty() && !Programmes.MUNICIPAL_PARTNERSHIP.equals(round.programme())) {
            contactProgramme = Programmes.MUNICIPAL_PARTNERSHIP;
            people = contacts.of(contactProgramme);
        }
        if (!people.isEmpty()) {
            // names and roles only: phone numbers and addresses are shown from the contact persons themselves
            body.add(t("publishing.press.contacts", lang) + "\n" + String.join("\n", people.stream()
                    .map(c -> c.role(lang) == null || c.role(lang).isBlank() ? c.name() : c.name() + ", " + c.role(lang))
                    .toList()));
        }
        body.add(t("publishing.press.aboutOrganisation", lang) + "\n" + t("publishing.press.organisation", lang));
        body.add(t("publishing.press.aboutProgramme", lang) + "\n" + t("publishing.press.programme", lang));
        return new Text(title, lead, String.join("\n\n", body), people.isEmpty() ? null : contactProgramme,
                people.stream().map(ContactPerson::key).toList());
    }

    private String example(Grant g, Language lang) {
        SubmittedApplication a = g.application();
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < a.partnerNames().size(); i++) {
            String country = a.countries().isEmpty() ? null
                    : a.countries().get(Math.min(i, a.countries().size() - 1));
            String countryName = country == null ? null : registry.country(country).map(c -> c.name(lang)).orElse(country);
            partners.add(countryName == null ? a.partnerNames().get(i) : a.partnerNames().get(i) + " (" + countryName + ")");
        }
        String line = "– " + g.organisation() + " – " + list(partners, lang);
        String theme = g.theme() != null ? g.theme() : a.title();
        return theme == null || theme.isBlank() ? line : line + ": " + theme;
    }

    private String list(List<String> items, Language lang) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + t("publishing.press.and", lang) + " "
                + items.getLast();
    }

    private String t(String key, Language lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}

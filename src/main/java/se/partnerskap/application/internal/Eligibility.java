package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Application;
import se.partnerskap.application.internal.BudgetLimit;
import se.partnerskap.application.internal.Ineligibility;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.SectionState;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.registry.Country;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of eligibility checked at submission, each with its own message: the lead organisation's
 * kind, the partner countries, the amount against the component's maximum and the round's, complete
 * sections, and one submitted application per lead and partner organisation in a round (when the
 * round says so). They are checked again at submission because the inputs move: a partner changed
 * after the budget was completed, an amount rule edited by an administrator.
 */
@Component
public class Eligibility {

    private final Components components;
    private final Registry registry;
    private final SectionRules rules;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    Eligibility(Components components, Registry registry, SectionRules rules, JdbcClient jdbc, JsonMapper json) {
        this.components = components;
        this.registry = registry;
        this.rules = rules;
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Ineligibility> check(Application a, RoundDetails round) {
        List<Ineligibility> found = new ArrayList<>();
        String kind = registry.swedishOrganisation(a.leadOrganisation()).map(SwedishOrganisation::kind).orElse("");
        // the kinds of organisation a programme takes; a person applying for themselves is no organisation
        if (!a.personal() && !components.applicantKinds(a.programme()).contains(kind)) {
            found.add(new Ineligibility("organisation-kind", "submission.ineligible.kind",
                    List.of("submission.kind." + kind), a.form().of(Section.Kind.APPLICANT).orElse(null)));
        }
        Answers partners = a.answers(Section.Kind.PARTNERS);
        for (int i : NumberedRows.PARTNER.numbers(partners)) {
            String iso2 = partners.one("partner" + i + "Country").strip();
            if (!iso2.isEmpty() && !round.countries().contains(iso2)) {
                found.add(new Ineligibility("partner-country", "submission.ineligible.country", List.of(iso2),
                        a.form().of(Section.Kind.PARTNERS).orElse(null)));
            }
        }
        BudgetLimit limit = rules.limit(a, round);
        OptionalLong componentMax = componentMaximum(a, round, limit);
        if (componentMax.isPresent() && limit.requested() > componentMax.getAsLong()) {
            found.add(new Ineligibility("amount-component", "submission.ineligible.amount",
                    List.of(limit.requested(), componentMax.getAsLong(), limit.parties(), limit.years()), a.form().of(Section.Kind.BUDGET).orElse(null)));
        }
        if (round.maxAmountSek() != null && limit.requested() > round.maxAmountSek()) {
            found.add(new Ineligibility("amount-round", "submission.ineligible.roundMaximum",
                    List.of(limit.requested(), round.maxAmountSek()), a.form().of(Section.Kind.BUDGET).orElse(null)));
        }
        for (Section s : a.form().in(round)) {
            if (a.section(s).state() != SectionState.COMPLETED) {
                found.add(new Ineligibility("incomplete", "submission.ineligible.incomplete", List.of(s.title()), s));
            }
        }
        if (a.personal() && a.form().rules().firstGrantOnly()) {
            previousGrant(a).ifPresent(reference -> found.add(new Ineligibility("previous-grant",
                    "submission.ineligible.previousGrant", List.of(reference), null)));
        }
        if (round.onePerLeadAndPartner() && !a.personal()) {
            for (String other : duplicates(a, partners)) {
                found.add(new Ineligibility("duplicate", "submission.ineligible.duplicate", List.of(other),
                        a.form().of(Section.Kind.PARTNERS).orElse(null)));
            }
        }
        return found;
    }

    /** The reference of an earlier application of the same person in the programme that was granted, if any. */
    private java.util.Optional<String> previousGrant(Application a) {
        return jdbc.sql("""
                SELECT p.reference FROM application p JOIN decision d ON d.application_id = p.id AND d.outcome = 'granted'
                JOIN round r ON r.id = p.round_id AND r.status = 'published' -- decisions published: the grant stands
                WHERE p.applicant_user_id = ? AND p.programme_key = ? AND p.id <> ?
                ORDER BY p.reference LIMIT 1
                """).params(a.applicantUser(), a.programme(), a.id()).query(String.class).optional();
    }

    /** The smallest of the component's maxima over the partners' regions (the round's own is a rule apart). */
    private OptionalLong componentMaximum(Application a, RoundDetails round, BudgetLimit limit) {
        Answers partners = a.answers(Section.Kind.PARTNERS);
        OptionalLong max = OptionalLong.empty();
        for (int i : NumberedRows.PARTNER.numbers(partners)) {
            String iso2 = partners.one("partner" + i + "Country").strip();
            if (iso2.isEmpty() || !round.countries().contains(iso2)) {
                continue;
            }
            String region = registry.country(iso2).map(Country::worldRegion).orElse(null);
            if (region == null) {
                continue;
            }
            OptionalLong m = components.maxAmount(a.programme(), a.component(), region, limit.parties(), limit.years());
            if (m.isPresent() && (max.isEmpty() || m.getAsLong() < max.getAsLong())) {
                max = m;
            }
        }
        return max;
    }

    /** References of other submitted applications of the same lead in the round with one of these partners. */
    private List<String> duplicates(Application a, Answers partners) {
        List<String> mine = partnerKeys(partners);
        if (mine.isEmpty()) {
            return List.of();
        }
        List<Object[]> others = jdbc.sql("""
                SELECT a.reference, s.answers::text FROM application a
                JOIN application_section s ON s.application_id = a.id AND s.section_key = 'partners'
                WHERE a.round_id = ? AND a.lead_organisation_id = ? AND a.id <> ? AND a.status = 'submitted'
                ORDER BY a.reference
                """).params(a.roundId(), a.leadOrganisation(), a.id())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2)}).list();
        List<String> found = new ArrayList<>();
        for (Object[] other : others) {
            String answers = (String) other[1];
            for (String key : mine) {
                String[] nameCountry = key.split("\\|", 2);
                // the stored answers are JSON: look for the same partner name and country in the same slot
                if (samePartner(answers, nameCountry[0], nameCountry[1]) && !found.contains((String) other[0])) {
                    found.add((String) other[0]);
                }
            }
        }
        return found;
    }

    private boolean samePartner(String json, String name, String country) {
        Answers other = new Answers(this.json.readValue(json, new TypeReference<Map<String, List<String>>>() {
        }));
        for (int i : NumberedRows.PARTNER.numbers(other)) {
            if (normalise(other.one("partner" + i + "Name")).equals(name)
                    && other.one("partner" + i + "Country").strip().equals(country)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> partnerKeys(Answers partners) {
        List<String> keys = new ArrayList<>();
        for (int i : NumberedRows.PARTNER.numbers(partners)) {
            String name = normalise(partners.one("partner" + i + "Name"));
            String country = partners.one("partner" + i + "Country").strip();
            if (!name.isEmpty() && !country.isEmpty()) {
                keys.add(name + "|" + country);
            }
        }
        return keys;
    }

    /** Partner names compared without case and runs of spaces ("Kisumu  County" is "kisumu county"). */
    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

}

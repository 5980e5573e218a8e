package se.partnerskap.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import org.springframework.stereotype.Service;
import se.partnerskap.application.SubmittedApplication;
import se.partnerskap.application.SubmittedApplications;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/**
 * The round's applications as the dashboard, its export and the ranking show them: each with its
 * organisation, where it stands (new, eligible, ineligible, granted, rejected) and its reviews.
 */
@Service
class RoundDashboard {

    /** The dashboard's filters as typed in its GET form; blank means all. */
    /** The dashboard's filters, as its form sends them (bound from the query string); a missing one is blank. */
    record Filter(String status, String country, String coreArea, String applicantType, String region) {
        static final Filter NONE = new Filter("", "", "", "", "");

        Filter {
            status = status == null ? "" : status;
            country = country == null ? "" : country;
            coreArea = coreArea == null ? "" : coreArea;
            applicantType = applicantType == null ? "" : applicantType;
            region = region == null ? "" : region;
        }

        boolean matches(Row row) {
            return (blank(status) || status.equals(row.status()))
                    && (blank(country) || row.application().countries().contains(country))
                    && (blank(coreArea) || row.application().coreAreas().contains(coreArea))
                    && (blank(applicantType) || applicantType.equals(row.organisation().kind()))
                    && (blank(region) || region.equals(row.regionCode()));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** One application of the round. {@code score} is the mean weighted score of its submitted reviews. */
    record Row(SubmittedApplication application, SwedishOrganisation organisation, String regionCode, String status,
            Decisions.Decision decision, int reviewsSubmitted, int reviewsAssigned, OptionalDouble score) {
    }

    private final SubmittedApplications applications;
    private final Registry registry;
    private final EligibilityChecks eligibility;
    private final Decisions decisions;
    private final Reviews reviews;

    RoundDashboard(SubmittedApplications applications, Registry registry, EligibilityChecks eligibility,
            Decisions decisions, Reviews reviews) {
        this.applications = applications;
        this.registry = registry;
        this.eligibility = eligibility;
        this.decisions = decisions;
        this.reviews = reviews;
    }

    List<Row> rows(UUID roundId) {
        List<SubmittedApplication> all = applications.ofRound(roundId);
        Map<UUID, SwedishOrganisation> organisations = new HashMap<>();
        registry.swedishOrganisations(all.stream().map(SubmittedApplication::leadOrganisation).distinct().toList())
                .forEach(o -> organisations.put(o.id(), o));
        Map<String, String> regionOfMunicipality = new HashMap<>();
        registry.municipalities().forEach(m -> regionOfMunicipality.put(m.code(), m.regionCode()));
        Map<UUID, Boolean> checks = eligibility.ofRound(roundId);
        Map<UUID, Decisions.Decision> decided = decisions.ofRound(roundId);
        Map<UUID, List<Reviews.Assignment>> assignments = new HashMap<>();
        reviews.ofRound(roundId).stream().filter(a -> a.status() != Reviews.Status.CONFLICT)
                .forEach(a -> assignments.computeIfAbsent(a.applicationId(), k -> new ArrayList<>()).add(a));
        Map<UUID, List<Double>> weighted = reviews.weightedOfRound(roundId);
        List<Row> rows = new ArrayList<>();
        for (SubmittedApplication a : all) {
            // a person who applies for themselves stands in the list by name, in no region
            SwedishOrganisation org = a.personal() ? new SwedishOrganisation(null, "person", a.applicantName(), null, null)
                    : organisations.getOrDefault(a.leadOrganisation(), new SwedishOrganisation(a.leadOrganisation(), "", "", null, null));
            String region = org.regionCode() != null ? org.regionCode()
                    : org.municipalityCode() == null ? null : regionOfMunicipality.get(org.municipalityCode());
            Decisions.Decision d = decided.get(a.id());
            Boolean eligible = checks.get(a.id());
            String status = d != null ? d.outcome().key()
                    : eligible == null ? "new" : eligible ? "eligible" : "ineligible";
            List<Reviews.Assignment> mine = assignments.getOrDefault(a.id(), List.of());
            int submitted = (int) mine.stream().filter(x -> x.status() == Reviews.Status.SUBMITTED).count();
            OptionalDouble score = submitted == 0 ? OptionalDouble.empty()
                    : weighted.getOrDefault(a.id(), List.of()).stream().mapToDouble(Double::doubleValue).average();
            if (score.isPresent()) {
                score = OptionalDouble.of(Math.round(score.getAsDouble() * 10) / 10.0);
            }
            rows.add(new Row(a, org, region, status, d, submitted, mine.size(), score));
        }
        return rows;
    }

    List<Row> rows(UUID roundId, Filter filter) {
        return rows(roundId).stream().filter(filter::matches).toList();
    }

    /** Best mean weighted score first; applications without a submitted review last, by reference. */
    List<Row> ranking(UUID roundId) {
        return rows(roundId).stream().sorted(Comparator
                .comparing((Row r) -> r.score().isPresent() ? -r.score().getAsDouble() : Double.MAX_VALUE)
                .thenComparing(r -> r.application().reference())).toList();
    }

}

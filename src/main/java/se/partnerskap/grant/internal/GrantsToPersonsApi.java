package se.partnerskap.grant.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.PersonalGrants;
import se.partnerskap.web.TaggedDownloads;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: the grants to persons (the fieldwork grant) as JSON, with the privacy rules of the programme: only the
 * grants their grantees accepted and consented to be listed with, and of them only name, university, country and
 * title besides the programme, round, year and amount; ids that say nothing about the person (the 360Giving
 * package's). What was paid to a person is not published.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD})
@Tag(name = "Grants to persons", description = "Grants to persons who accepted and consented (docs/open-data.md)")
class GrantsToPersonsApi {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    record Grant(String id, String programme, UUID round, Integer year, String name, String university, String country,
            String title, long amountGrantedSek) {
    }

    record Grants(int total, List<Grant> items) {
    }

    private final PersonalGrants persons;
    private final FundedPartnerships funded;
    private final JsonMapper json;

    GrantsToPersonsApi(PersonalGrants persons, FundedPartnerships funded, JsonMapper json) {
        this.persons = persons;
        this.funded = funded;
        this.json = json;
    }

    @GetMapping("/api/v1/grants-to-persons")
    @Operation(summary = "Grants to persons who accepted and consented to be listed, newest first",
            description = "Name, university, country and title only, besides programme, round, year and amount.")
    ResponseEntity<?> grants(
            @Parameter(description = "A programme key, e.g. resestipendium") @RequestParam(required = false) String programme,
            @Parameter(description = "ISO 3166-1 alpha-2 code of the fieldwork country") @RequestParam(required = false) String country,
            @Parameter(description = "The year of the round") @RequestParam(required = false) String year,
            @Parameter(hidden = true) WebRequest request) {
        if (year != null && !year.matches("\\d{4}")) {
            return ProjectsApi.problem(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "year is a year (e.g. 2026)");
        }
        Integer y = year == null ? null : Integer.valueOf(year);
        Map<UUID, Integer> years = funded.roundYears();
        List<Grant> items = persons.published().stream()
                .filter(g -> programme == null || programme.equals(g.programme()))
                .filter(g -> country == null || country.equalsIgnoreCase(g.country()))
                .filter(g -> y == null || y.equals(years.get(g.roundId())))
                .map(g -> new Grant("person-grant-" + GivingGrants.opaque("grant:" + g.applicationId()), g.programme(),
                        g.roundId(), years.get(g.roundId()), g.name(), g.affiliation(), g.country(), g.title(), g.amountSek()))
                .toList();
        return TaggedDownloads.answer(json.writeValueAsBytes(new Grants(items.size(), items)), MediaType.APPLICATION_JSON,
                CACHE, request);
    }
}

package se.partnerskap.grant.internal;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Sha256;
import se.partnerskap.web.Links;
import se.partnerskap.web.TaggedDownloads;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: every funded partnership of every programme as JSON ({@code /api/v1/projects}), a page at a time and
 * filtered by year, programme, partner country, Swedish region, core area and status, each by its stable id (its
 * key); with an ETag (a repeated request gets 304), readable from any origin, and errors as
 * {@code application/problem+json}. Grants to persons are not in it: {@link GrantsToPersonsApi} and the 360Giving
 * package ({@link GivingPackage}) have those whose grantees accepted and consented.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD})
@Tag(name = "Projects", description = "Every funded partnership of every programme (docs/open-data.md)")
class ProjectsApi {

    static final int MAX_SIZE = 100;
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final org.springframework.http.MediaType CSV = org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FundedPartnerships funded;
    private final Registry registry;
    private final Links links;
    private final JsonMapper json;

    ProjectsApi(FundedPartnerships funded, Registry registry, Links links, JsonMapper json) {
        this.funded = funded;
        this.registry = registry;
        this.links = links;
        this.json = json;
    }

    /** A page of projects and the addresses of the pages beside it. */
    record Page(int page, int size, int total, String next, String previous, List<Project> items) {
    }

    record Organisation(String name, String kind, String municipalityCode, String regionCode, String organisationNumber) {
    }

    record Partner(String name, String country) {
    }

    record Project(String id, String programme, UUID round, Integer year, Map<String, String> title, Map<String, String> theme,
            Organisation swedishOrganisation, List<Partner> partners, List<String> countries, List<String> coreAreas,
            long amountGrantedSek, long amountPaidSek, LocalDate startsOn, LocalDate endsOn, String status,
            Map<String, String> page) {
    }

    @GetMapping("/api/v1/projects")
    @Operation(summary = "Funded partnerships, a page at a time",
            description = "Newest period first; each filter is optional. With If-None-Match and the ETag: 304.")
    @ApiResponse(responseCode = "200", description = "A page of projects",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Page.class)))
    @ApiResponse(responseCode = "400", description = "A malformed parameter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> projects(
            @Parameter(description = "A programme key, e.g. kommunala-partnerskap") @RequestParam(required = false) String programme,
            @Parameter(description = "ISO 3166-1 alpha-2 code of a partner country, e.g. KE") @RequestParam(required = false) String country,
            @Parameter(description = "The Swedish party's region code, e.g. 17") @RequestParam(required = false) String region,
            @Parameter(description = "A core area key, e.g. participation") @RequestParam(required = false) String coreArea,
            @Parameter(description = "active (running today) or completed") @RequestParam(required = false) String status,
            @Parameter(description = "The year the project counts in (its round's year)") @RequestParam(required = false) String year,
            @Parameter(description = "The page, from 1") @RequestParam(defaultValue = "1") String page,
            @Parameter(description = "Projects per page, 1 to 100") @RequestParam(defaultValue = "20") String size,
            @Parameter(hidden = true) WebRequest request) {
        Integer y = number(year, 1900, 2200);
        Integer p = number(page, 1, 1_000_000);
        Integer s = number(size, 1, MAX_SIZE);
        if ((year != null && y == null) || p == null || s == null) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "year is a year (e.g. 2024), page a number from 1, size a number from 1 to " + MAX_SIZE);
        }
        if (status != null && !status.equals("active") && !status.equals("completed")) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "status is active or completed");
        }
        FundedPartnerships.Found found = funded.search(new FundedPartnerships.Search(programme, null,
                upper(country), coreArea, region, null, status), y, (p - 1) * s, s);
        List<Project> items = projects(found.partnerships());
        String query = query(programme, country, region, coreArea, status, year, s);
        Page body = new Page(p, s, found.total(), (long) p * s < found.total() ? links.absolute("/api/v1/projects?" + query + "&page=" + (p + 1)) : null,
                p > 1 ? links.absolute("/api/v1/projects?" + query + "&page=" + (p - 1)) : null, items);
        return tagged(body, request);
    }

    @GetMapping("/api/v1/projects/{id}")
    @Operation(summary = "One funded partnership by its stable id")
    @ApiResponse(responseCode = "200", description = "The project",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Project.class)))
    @ApiResponse(responseCode = "404", description = "No project has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> project(@Parameter(description = "The project's id, e.g. karlstad-makueni-2020") @PathVariable String id,
            @Parameter(hidden = true) WebRequest request) {
        return funded.byKey(id).<ResponseEntity<?>>map(f -> tagged(projects(List.of(f)).getFirst(), request))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such project", "No project has the id " + id));
    }

    /**
     * The same projects as CSV, every one that matches (no pages): UTF-8 with a byte order mark so that Excel reads
     * å, ä and ö, a header row, one row per project and partner country.
     */
    @GetMapping(value = "/api/v1/projects.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The funded partnerships as CSV, one row per project and partner country",
            description = "UTF-8 with a byte order mark and a header row; the filters of /api/v1/projects, no pages.")
    @ApiResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "400", description = "A malformed parameter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> csv(@RequestParam(required = false) String programme,
            @RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) String coreArea, @RequestParam(required = false) String status,
            @RequestParam(required = false) String year, @Parameter(hidden = true) WebRequest request) {
        Integer y = number(year, 1900, 2200);
        if ((year != null && y == null) || (status != null && !status.equals("active") && !status.equals("completed"))) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "year is a year (e.g. 2024); status is active or completed");
        }
        FundedPartnerships.Search q = new FundedPartnerships.Search(programme, null, upper(country), coreArea, region,
                null, status);
        List<Project> all = projects(funded.search(q, y, 0, Integer.MAX_VALUE).partnerships()); // every one, no pages
        byte[] body = ProjectsCsv.write(all);
        return TaggedDownloads.answer(body, TaggedDownloads.etag(body), CSV, CACHE, "projects.csv", request);
    }

    /** The projects with what has been paid of each and their organisations' numbers, each read once. */
    private List<Project> projects(List<FundedPartnership> list) {
        Map<UUID, Long> paid = funded.paid(list.stream().map(FundedPartnership::id).toList());
        Map<UUID, String> numbers = registry.organisationNumbers(
                list.stream().map(FundedPartnership::swedishOrganisationId).distinct().toList());
        Map<UUID, Integer> years = funded.roundYears();
        return list.stream().map(f -> project(f, paid.getOrDefault(f.id(), 0L), FundedPartnerships.year(f, years), numbers))
                .toList();
    }

    /** The body with its ETag; 304 without a body when the client has it already. */
    private ResponseEntity<?> tagged(Object body, WebRequest request) {
        String etag = "\"" + Sha256.hex(json.writeValueAsString(body)).substring(0, 32) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).body(body);
    }

    private Project project(FundedPartnership f, long paid, Integer year, Map<UUID, String> numbers) {
        SwedishOrganisation o = registry.swedishOrganisation(f.swedishOrganisationId()).orElse(null);
        Organisation organisation = o == null ? null : new Organisation(o.name(), o.kind(), o.municipalityCode(),
                o.regionCode(), numbers.get(o.id()));
        List<Partner> partners = f.partners().stream().filter(FundedPartnership.Partner::named)
                .map(x -> new Partner(x.name(), x.countryIso2())).toList();
        List<String> countries = f.partners().stream().map(FundedPartnership.Partner::countryIso2).distinct().toList();
        Map<String, String> page = new LinkedHashMap<>();
        page.put("sv", links.absolute("/projekt/" + f.path()));
        page.put("en", links.absolute("/en/projects/" + f.path()));
        return new Project(f.key(), f.programme(), f.roundId(), year, texts(f.titleSv(), f.titleEn()),
                texts(f.themeSv(), f.themeEn()), organisation, partners, countries, f.coreAreas(), f.amountSek(), paid,
                f.startsOn(), f.endsOn(), f.status().code(), page);
    }

    private static Map<String, String> texts(String sv, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        if (sv != null && !sv.isBlank()) {
            m.put("sv", sv);
        }
        if (en != null && !en.isBlank()) {
            m.put("en", en);
        }
        return m;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static Integer number(String s, int min, int max) {
        if (s == null || !s.matches("\\d{1,7}")) {
            return null;
        }
        int v = Integer.parseInt(s);
        return v < min || v > max ? null : v;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    private static String query(String programme, String country, String region, String coreArea, String status,
            String year, int size) {
        StringBuilder q = new StringBuilder("size=" + size);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("programme", programme);
        all.put("country", country);
        all.put("region", region);
        all.put("coreArea", coreArea);
        all.put("status", status);
        all.put("year", year);
        all.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }
}

package se.partnerskap.grant.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.web.TaggedDownloads;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.registry.PartnerOrganisation;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;

/**
 * Open data: every funded partnership as an IATI 2.03 activity ({@code /api/v1/iati/activities.xml}), reported by the
 * platform's organisation (configured under {@code partnerskap.open-data}), with Sida as the funder. A partnership
 * recorded without a period or a partner country is left out: IATI requires a start date and a recipient country.
 * Grants to persons are never in it (personal data). ETag, public caching and CORS as the JSON API.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD})
class IatiActivities {

    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final FundedPartnerships funded;
    private final ProjectFinances finances;
    private final Registry registry;
    private final PartnerskapProperties properties;
    private final Clock clock;

    IatiActivities(FundedPartnerships funded, ProjectFinances finances, Registry registry,
            PartnerskapProperties properties, Clock clock) {
        this.funded = funded;
        this.finances = finances;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/iati/activities.xml", produces = "application/xml;charset=UTF-8")
    ResponseEntity<byte[]> activities(WebRequest request) {
        LocalDate today = funded.today();
        IatiXml.Org reporting = reporting(properties.openData());
        List<IatiXml.Activity> activities = activities(today);
        // the ETag is of the data, not of the moment it was written: the same activities (records, all the way down)
        // give the same tag, without writing the file a second time
        String etag = TaggedDownloads.etag((reporting + "|" + today + "|" + activities)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return TaggedDownloads.answer(IatiXml.write(reporting, activities, clock.instant(), today), etag, XML, CACHE, null,
                request);
    }

    /**
     * The platform's organisation as reporting (and extending) organisation. Its OrganisationType follows from its
     * organisation number, whose first digits say what kind of legal person it is: 2021… a state agency (10,
     * government), 212… a municipality and 232… a region (11, local government), another 2… another public body such as
     * a federation of municipalities (15, other public sector); any other (an association, a foundation, a company)
     * 90, other, as the number alone does not tell a foundation from an association.
     */
    static IatiXml.Org reporting(PartnerskapProperties.OpenData openData) {
        String number = openData.publisherOrganisationNumber().replace("-", "");
        String type = number.startsWith("2021") ? "10"
                : number.startsWith("212") || number.startsWith("232") ? IatiXml.LOCAL_GOVERNMENT
                : number.startsWith("2") ? "15" : "90";
        return new IatiXml.Org(openData.iatiIdentifier(), type, openData.publisherName());
    }

    /** Every funded partnership that can be an activity, oldest period first, each with its organisations and money. */
    private List<IatiXml.Activity> activities(LocalDate today) {
        List<FundedPartnership> all = funded.search(new FundedPartnerships.Search(null, null, null, null, null, null, null),
                0, Integer.MAX_VALUE).partnerships().stream()
                .filter(p -> p.startsOn() != null && !p.partners().isEmpty())
                .sorted(java.util.Comparator.comparing(FundedPartnership::startsOn).thenComparing(FundedPartnership::key))
                .toList();
        Map<UUID, ProjectFinances.Finance> money = finances.of(all.stream().map(FundedPartnership::id).toList());
        Map<UUID, PartnerOrganisation> partners = registry.partnerOrganisations(all.stream()
                        .flatMap(p -> p.partners().stream()).map(FundedPartnership.Partner::partnerOrganisationId)
                        .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PartnerOrganisation::id, Function.identity()));
        Map<UUID, String> numbers = registry.organisationNumbers(
                all.stream().map(FundedPartnership::swedishOrganisationId).distinct().toList());
        Map<UUID, IatiXml.Org> swedish = new HashMap<>();
        return all.stream().map(p -> new IatiXml.Activity(p,
                swedish.computeIfAbsent(p.swedishOrganisationId(), id -> swedish(id, numbers.get(id))),
                p.partners().stream().filter(FundedPartnership.Partner::named)
                        .map(x -> partner(x, partners.get(x.partnerOrganisationId()))).toList(),
                money.get(p.id()))).toList();
    }

    /** The Swedish party: local government, by its organisation number when the registry has it. */
    private IatiXml.Org swedish(UUID id, String number) {
        Optional<SwedishOrganisation> o = registry.swedishOrganisation(id);
        String ref = number == null ? null : "SE-ON-" + number.replace("-", "");
        return new IatiXml.Org(ref, IatiXml.LOCAL_GOVERNMENT, o.map(SwedishOrganisation::officialName).orElse("?"));
    }

    /** A partner organisation has no identifier IATI knows; its type only when the registry says local government. */
    private static IatiXml.Org partner(FundedPartnership.Partner partner, PartnerOrganisation organisation) {
        boolean local = organisation != null && "local-government".equals(organisation.kind());
        return new IatiXml.Org(null, local ? IatiXml.LOCAL_GOVERNMENT : null, partner.name());
    }
}

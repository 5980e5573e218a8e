package se.partnerskap.publicsite.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.Language;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.TaggedDownloads;
import se.partnerskap.web.Ui;

/**
 * The open-data page (/oppna-data, /en/open-data): every data set with its formats, licence, update frequency and
 * address ({@link OpenDataSets}); and the same as a DCAT-AP catalogue in JSON-LD for a data portal to harvest.
 */
@Controller
@Tag(name = "Catalogue", description = "The data sets as DCAT-AP")
public class OpenDataController {

    /** A data set as the page lists it, in the page's language. */
    public record Row(String key, String title, String description, String frequency, List<Link> formats) {
    }

    public record Link(String format, String href) {
    }

    public record OpenDataPage(List<Row> sets, String licenceName, String licenceUrl, String publisher) {
    }

    public record ApiPage(List<ApiReference.Address> addresses) {
    }

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final OpenDataSets sets;
    private final DcatCatalog catalog;
    private final Programmes programmes;
    private final RenderedPages cache;
    private final ApiReference reference;

    OpenDataController(OpenDataSets sets, DcatCatalog catalog, Programmes programmes, RenderedPages cache,
            ApiReference reference) {
        this.reference = reference;
        this.sets = sets;
        this.catalog = catalog;
        this.programmes = programmes;
        this.cache = cache;
    }

    @GetMapping({"/oppna-data", "/en/open-data"})
    ResponseEntity<byte[]> page(Ui ui, HttpServletRequest request) {
        Instant now = programmes.now();
        return cache.serve(request, ui, Programmes.PAGES_REGION, now, () -> new RenderedPages.Rendering(
                "publicsite/open-data", Map.of("page", page(ui)), null, se.partnerskap.shared.StockholmTime.nextMidnight(now)));
    }

    /** The API reference for people: every address of the OpenAPI description with its parameters and answers. */
    @GetMapping({"/oppna-data/api", "/en/open-data/api"})
    ResponseEntity<byte[]> api(Ui ui, HttpServletRequest request) {
        Instant now = programmes.now();
        return cache.serve(request, ui, Programmes.PAGES_REGION, now, () -> new RenderedPages.Rendering(
                "publicsite/api-reference", Map.of("page", new ApiPage(reference.addresses(request))), null,
                se.partnerskap.shared.StockholmTime.nextMidnight(now)));
    }

    @GetMapping(value = "/api/v1/dcat.jsonld", produces = "application/ld+json")
    @CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD})
    @Operation(summary = "The data sets as a DCAT-AP catalogue in JSON-LD, for a data portal to harvest")
    ResponseEntity<byte[]> dcat(@Parameter(hidden = true) WebRequest request) {
        return TaggedDownloads.answer(catalog.write().getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON_LD,
                CacheControl.maxAge(Duration.ofHours(1)).cachePublic(), request);
    }

    private OpenDataPage page(Ui ui) {
        Language lang = ui.language();
        List<Row> rows = sets.all().stream().map(d -> new Row(d.key(), d.title(lang), d.description(lang),
                ui.t("openData.frequency." + d.frequency()),
                d.distributions().stream().map(x -> new Link(x.format(), x.path().startsWith("/api/") ? x.path() : ui.href(x.path())))
                        .toList())).toList();
        OpenDataSets.Licence licence = sets.licence();
        return new OpenDataPage(rows, licence.name(), licence.url(), sets.publisher());
    }
}

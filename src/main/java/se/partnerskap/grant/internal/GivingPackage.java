package se.partnerskap.grant.internal;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.web.TaggedDownloads;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: every grant as one 360Giving data package ({@code /api/v1/360giving.json}), for the 360Giving tools and
 * anyone comparing funders; with an ETag (a repeated request gets 304), cached publicly for five minutes and
 * readable from any origin, as the other open data ({@link ProjectsApi}).
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD})
class GivingPackage {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final GivingGrants grants;
    private final JsonMapper json;

    GivingPackage(GivingGrants grants, JsonMapper json) {
        this.grants = grants;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/360giving.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> giving(WebRequest request) {
        // written once: the ETag is of the bytes sent
        return TaggedDownloads.answer(json.writeValueAsBytes(grants.write()), MediaType.APPLICATION_JSON, CACHE, request);
    }
}

package se.partnerskap.publicsite.internal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import se.partnerskap.web.Links;

/** /robots.txt: crawlers are kept out of the administration, the search and the subscription links, and pointed to the sitemap. */
@Controller
class RobotsController {

    private final Links links;

    RobotsController(Links links) {
        this.links = links;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /admin/
                Disallow: /en/admin/
                Disallow: /sok
                Disallow: /en/search
                Disallow: /prenumeration/
                Disallow: /en/subscription/

                Sitemap: %s
                """.formatted(links.absolute("/sitemap.xml"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .cacheControl(SitemapController.CACHE).body(body);
    }
}

package se.partnerskap.newsroom.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.partnerskap.web.Links;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.RenderedPages;
import se.partnerskap.web.Ui;

/** The publications library (/publikationer, /en/publications): the list, each one's PDF and its citations. */
@Controller
class PublicationsController {

    private final NewsItems items;
    private final NewsPages views;
    private final RenderedPages pages;
    private final Links links;

    PublicationsController(NewsItems items, NewsPages views, RenderedPages pages, Links links) {
        this.items = items;
        this.views = views;
        this.pages = pages;
        this.links = links;
    }

    @GetMapping({"/publikationer", "/en/publications"})
    ResponseEntity<byte[]> publications(Ui ui, HttpServletRequest request) {
        Instant now = items.now();
        return pages.serve(request, ui, NewsPages.REGIONS, now, () -> new RenderedPages.Rendering(
                "newsroom/publications", Map.of("rows", views.publications(ui, now)), items.lastChange(now).orElse(null),
                views.expiry(now)));
    }

    @GetMapping({"/publikationer/{slug}.bib", "/en/publications/{slug}.bib"})
    ResponseEntity<String> bibtex(Ui ui, @PathVariable String slug) {
        NewsItem p = publication(ui, slug);
        return download(PublicationExport.bibtex(p, links.absolute(p.path())), "application/x-bibtex", slug + ".bib");
    }

    @GetMapping({"/publikationer/{slug}.ris", "/en/publications/{slug}.ris"})
    ResponseEntity<String> ris(Ui ui, @PathVariable String slug) {
        NewsItem p = publication(ui, slug);
        return download(PublicationExport.ris(p, links.absolute(p.path())), "application/x-research-info-systems",
                slug + ".ris");
    }

    @GetMapping({"/publikationer/{slug}.pdf", "/en/publications/{slug}.pdf"})
    ResponseEntity<byte[]> pdf(Ui ui, @PathVariable String slug) {
        NewsItem p = publication(ui, slug);
        NewsItems.Pdf pdf = items.pdf(p.id()).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }

    private NewsItem publication(Ui ui, String slug) {
        Instant now = items.now();
        return items.bySlug(ui.language(), slug).filter(i -> "publication".equals(i.type()) && i.publicAt(now))
                .orElseThrow(NotFoundException::new);
    }

    private static ResponseEntity<String> download(String body, String type, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}

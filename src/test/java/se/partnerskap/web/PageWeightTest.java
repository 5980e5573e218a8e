package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import se.partnerskap.support.AbstractIntegrationTest;

/**
 * What the public pages weigh on the wire: a cached page gzipped for a client that takes it (the same page,
 * with its own ETag and 304), the static files under versioned addresses cached for a year and compressed,
 * and the map page with its outlines simplified yet every area drawn and named.
 */
class PageWeightTest extends AbstractIntegrationTest {

    private static final String PAGE = "/nyheter";

    private HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    PageFiles files;

    @Test
    void aLargeCachedPageIsSentAsAFileWholeGzippedOrNot() throws Exception {
        // the map: 85 KB of HTML, over the size sent as a file, and 13 KB gzipped, under it; the first answer is
        // rendered, the next ones of the address are replayed: the HTML from a file, the gzip copy from memory
        int before = files.count();
        HttpResponse<byte[]> rendered = bytes("/karta?sendfile");
        HttpResponse<byte[]> renderedGzip = bytes("/karta?sendfile", "Accept-Encoding", "gzip");

        HttpResponse<byte[]> replayed = bytes("/karta?sendfile");
        HttpResponse<byte[]> replayedGzip = bytes("/karta?sendfile", "Accept-Encoding", "gzip");

        assertThat(files.count()).isEqualTo(before + 1);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(rendered.body());
        assertThat(replayed.headers().firstValue("Content-Length")).contains(String.valueOf(rendered.body().length));
        assertThat(replayedGzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(replayedGzip.body()).isEqualTo(renderedGzip.body());
        assertThat(gunzip(replayedGzip.body())).isEqualTo(rendered.body());
        // once written, the same bytes are sent from the same files
        assertThat(bytes("/karta?sendfile").body()).isEqualTo(rendered.body());
        assertThat(files.count()).isEqualTo(before + 1);
    }

    @Test
    void aCachedPageGoesGzippedToAClientThatTakesGzipAndIsTheSamePage() throws Exception {
        // twice each: the first is rendered, the second replayed from the cache
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> plain = bytes(PAGE);
            HttpResponse<byte[]> gzip = bytes(PAGE, "Accept-Encoding", "gzip, deflate, br");
            HttpResponse<byte[]> refused = bytes(PAGE, "Accept-Encoding", "gzip;q=0, br");

            assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
            assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(refused.body()).isEqualTo(plain.body());
            for (HttpResponse<byte[]> r : java.util.List.of(plain, gzip, refused)) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(String.join(",", r.headers().allValues("Vary")).toLowerCase()).contains("accept-encoding");
            }
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            assertThat(gzip.headers().firstValue("ETag")).contains(etag.replaceFirst("\"$", "-gz\""));
        }
    }

    @Test
    void eachEncodingGetsA304ForItsOwnETagOnly() {
        String etag = bytes(PAGE).headers().firstValue("ETag").orElseThrow();
        String gzipEtag = bytes(PAGE, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).isNotEqualTo(etag);

        assertThat(bytes(PAGE, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(bytes(PAGE, "Accept-Encoding", "gzip", "If-None-Match", gzipEtag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> other = bytes(PAGE, "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(bytes(PAGE, "If-None-Match", gzipEtag).statusCode()).isEqualTo(200);
    }

    @Test
    void theStyleSheetIsLinkedUnderAVersionedAddressCachedForAYearAndCompressed() throws Exception {
        String html = get(PAGE).body();
        Matcher link = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(html);
        assertThat(link.find()).as("versioned style sheet link").isTrue();
        assertThat(html).doesNotContain("href=\"/css/site.css\"");

        HttpResponse<byte[]> versioned = bytes(link.group(1), "Accept-Encoding", "gzip");
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000", "immutable"));
        assertThat(versioned.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] css = gunzip(versioned.body());
        assertThat(new String(css, StandardCharsets.UTF_8)).contains(".wrap");

        HttpResponse<byte[]> plain = bytes("/css/site.css");
        assertThat(plain.body()).isEqualTo(css);
        assertThat(plain.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(bytes(link.group(1).replaceAll("[0-9a-f]{32}", "0".repeat(32))).statusCode()).isEqualTo(404);
    }

    @Test
    void theMapPageIsLightYetDrawsAndNamesEveryArea() {
        HttpResponse<String> map = get("/karta");
        assertThat(map.statusCode()).isEqualTo(200);
        String html = map.body();
        // measured: 215 000 bytes before the outlines were simplified, 124 000 after, 85 000 with the plain areas
        // drawn from the outlines file (demo data)
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(100_000);
        assertThat(areas(html, "map-municipalities")).isEqualTo(290);
        assertThat(areas(html, "map-regions")).isEqualTo(21);
        assertThat(areas(html, "map-world")).isGreaterThan(170);
    }

    /** The areas drawn in one map, after checking that each has a name. */
    private static int areas(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        String svg = html.substring(start, html.indexOf("</svg>", start));
        // a highlighted area with its outline inline, a plain one as a use of the outlines file's
        Matcher area = Pattern.compile("<path d=\"M[^\"]+z\"[^>]*class=\"area on[^>]*><title>[^<]+</title></path>"
                + "|<use href=\"/karta/omraden-[0-9a-f]{32}\\.svg#[mrw][A-Z0-9]+\" class=\"area\"[^>]*><title>[^<]+</title></use>").matcher(svg);
        int n = 0;
        while (area.find()) {
            n++;
        }
        assertThat(svg.split("<path ", -1).length - 1 + svg.split("<use ", -1).length - 1).isEqualTo(n);
        return n;
    }
}

package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** Which clients get the gzip copy of a cached page, and that it is the same page. */
class PageEncodingTest {

    @Test
    void gzipIsTakenWhenAcceptedWithAQualityAboveZero() {
        assertThat(PageEncoding.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(PageEncoding.acceptsGzip("GZIP")).isTrue();
        assertThat(PageEncoding.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(PageEncoding.acceptsGzip("x-gzip")).isTrue();
        assertThat(PageEncoding.acceptsGzip("br, *;q=0.1")).isTrue();
    }

    @Test
    void gzipIsNotTakenWhenRefusedOrNotNamed() {
        assertThat(PageEncoding.acceptsGzip(null)).isFalse();
        assertThat(PageEncoding.acceptsGzip("")).isFalse();
        assertThat(PageEncoding.acceptsGzip("identity")).isFalse();
        assertThat(PageEncoding.acceptsGzip("br, deflate")).isFalse();
        assertThat(PageEncoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PageEncoding.acceptsGzip("gzip; q=0.000, br")).isFalse();
        assertThat(PageEncoding.acceptsGzip("*;q=1, gzip;q=0")).isFalse();
        assertThat(PageEncoding.acceptsGzip("*;q=0")).isFalse();
        assertThat(PageEncoding.acceptsGzip("gzip;q=nonsense")).isFalse();
    }

    @Test
    void theGzipCopyDecodesToThePageAndHasItsOwnETag() throws Exception {
        byte[] html = "<!doctype html><title>Nyheter</title>".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] gzip = PageEncoding.gzip(html);
        assertThat(gzip.length).isLessThan(html.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(html);
        }
        assertThat(PageEncoding.gzipEtag("\"abc\"")).isEqualTo("\"abc-gz\"");
    }

    @Test
    void aKeptPagesGzipCopyIsMadeOnceOnFirstUseAndIsThePage() throws Exception {
        byte[] html = "<!doctype html><title>Karta</title>".repeat(500).getBytes(StandardCharsets.UTF_8);
        PageEncoding.Compressed compressed = new PageEncoding.Compressed(html);
        byte[] first = compressed.bytes();
        assertThat(compressed.bytes()).isSameAs(first);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first))) {
            assertThat(in.readAllBytes()).isEqualTo(html);
        }
    }
}

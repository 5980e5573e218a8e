package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A cached public page is answered again, headers and all, without the application, to visitors without cookies. */
class PageReplayTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final byte[] HTML = "<!doctype html><title>Nyheter</title>".getBytes(StandardCharsets.UTF_8);

    /** One instance alone: nobody to tell of changes, and always listening. */
    private final RenderedPages pages = new RenderedPages(null, region -> { });
    private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    private final PageReplay replay = new PageReplay(pages, Clock.fixed(NOW, ZoneOffset.UTC), meters,
            new PageFiles());
    private final AtomicInteger applicationCalls = new AtomicInteger();

    PageReplayTest() {
        pages.listeningAgain();
    }

    /** What the application does for a cacheable anonymous page: mark it, write the headers and the page. */
    private final FilterChain application = (req, res) -> {
        applicationCalls.incrementAndGet();
        RenderedPages.Entry entry = new RenderedPages.Entry(HTML, "\"abc\"", NOW.minusSeconds(60), NOW.minusSeconds(1),
                NOW.plusSeconds(3600), 0, System.nanoTime(), -1);
        req.setAttribute(PageReplay.ATTRIBUTE, new PageReplay.Marked("newsroom", entry));
        HttpServletResponse r = (HttpServletResponse) res;
        r.setHeader("Content-Security-Policy", "default-src 'self'");
        r.setHeader("ETag", "\"abc\"");
        r.setContentType("text/html;charset=UTF-8");
        r.getOutputStream().write(HTML);
    };

    private MockHttpServletResponse get(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        replay.doFilter(request, response, application);
        return response;
    }

    private static MockHttpServletRequest anonymous() {
        return new MockHttpServletRequest("GET", "/nyheter");
    }

    @Test
    void theSecondAnonymousVisitorGetsTheSamePageAndHeadersWithoutTheApplication() throws Exception {
        MockHttpServletResponse first = get(anonymous());
        MockHttpServletResponse second = get(anonymous());

        assertThat(applicationCalls).hasValue(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray()).isEqualTo(HTML);
        assertThat(second.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(second.getHeader("ETag")).isEqualTo("\"abc\"");
        assertThat(second.getContentType()).startsWith("text/html");
    }

    @Test
    void pagesAnsweredFromTheCacheAreCountedForTheMetrics() throws Exception {
        get(anonymous());
        get(anonymous());
        get(anonymous());

        // the first went through the application (observed there), the other two were replayed
        assertThat(meters.get(PageReplay.METRIC).counter().count()).isEqualTo(2.0);
    }

    @Test
    void aRequestIfModifiedSinceTheLastChangeGetsA304AndAnOlderCopyThePage() throws Exception {
        get(anonymous());
        MockHttpServletRequest unchanged = anonymous();
        unchanged.addHeader("If-Modified-Since", NOW.minusSeconds(60).toEpochMilli());
        MockHttpServletRequest older = anonymous();
        older.addHeader("If-Modified-Since", NOW.minusSeconds(3600).toEpochMilli());

        assertThat(get(unchanged).getStatus()).isEqualTo(304);
        MockHttpServletResponse page = get(older);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsByteArray()).isEqualTo(HTML);
        assertThat(applicationCalls).hasValue(1);
    }

    @Test
    void aConditionalRequestWithTheSameETagGetsA304() throws Exception {
        get(anonymous());
        MockHttpServletRequest conditional = anonymous();
        conditional.addHeader("If-None-Match", "\"abc\"");

        MockHttpServletResponse response = get(conditional);

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(applicationCalls).hasValue(1);
    }

    @Test
    void aClientThatTakesGzipGetsTheGzipCopyWithItsOwnETagAndAnotherClientThePageItself() throws Exception {
        get(anonymous());
        MockHttpServletRequest gzip = anonymous();
        gzip.addHeader("Accept-Encoding", "gzip, deflate, br");
        MockHttpServletResponse compressed = get(gzip);

        assertThat(applicationCalls).hasValue(1);
        assertThat(compressed.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.getHeader("ETag")).isEqualTo("\"abc-gz\"");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.getContentAsByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(HTML);
        }

        MockHttpServletRequest refused = anonymous();
        refused.addHeader("Accept-Encoding", "gzip;q=0");
        MockHttpServletResponse plain = get(refused);
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getHeader("ETag")).isEqualTo("\"abc\"");
        assertThat(plain.getContentAsByteArray()).isEqualTo(HTML);
    }

    @Test
    void a304AnswersOnlyTheETagOfTheEncodingTheClientGets() throws Exception {
        get(anonymous());
        MockHttpServletRequest gzipWithPlainETag = anonymous();
        gzipWithPlainETag.addHeader("Accept-Encoding", "gzip");
        gzipWithPlainETag.addHeader("If-None-Match", "\"abc\"");
        assertThat(get(gzipWithPlainETag).getStatus()).isEqualTo(200);

        MockHttpServletRequest gzipWithItsETag = anonymous();
        gzipWithItsETag.addHeader("Accept-Encoding", "gzip");
        gzipWithItsETag.addHeader("If-None-Match", "\"abc-gz\"");
        MockHttpServletResponse notModified = get(gzipWithItsETag);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getHeader("ETag")).isEqualTo("\"abc-gz\"");

        MockHttpServletRequest plainWithGzipETag = anonymous();
        plainWithGzipETag.addHeader("If-None-Match", "\"abc-gz\"");
        assertThat(get(plainWithGzipETag).getStatus()).isEqualTo(200);
        assertThat(applicationCalls).hasValue(1);
    }

    @Test
    void aVisitorWithACookieAnotherAddressOrChangedContentGoesThroughTheApplication() throws Exception {
        get(anonymous());

        MockHttpServletRequest withSession = anonymous();
        withSession.setCookies(new Cookie("SESSION", "x"));
        get(withSession);
        assertThat(applicationCalls).hasValue(2);

        MockHttpServletRequest otherPage = anonymous();
        otherPage.setQueryString("page=2");
        get(otherPage);
        assertThat(applicationCalls).hasValue(3);

        pages.invalidate("newsroom");
        get(anonymous());
        assertThat(applicationCalls).hasValue(4);
    }

    @Test
    void whileNotListeningForChangesOfOtherInstancesNothingIsReplayed() throws Exception {
        get(anonymous());
        get(anonymous());
        assertThat(applicationCalls).hasValue(1);

        pages.notListening();
        get(anonymous());
        get(anonymous());

        assertThat(applicationCalls).hasValue(3);
    }

    @Test
    void anAnswerThatIsNotACachedPageIsNotKept() throws Exception {
        FilterChain notCached = (req, res) -> {
            applicationCalls.incrementAndGet();
            res.getOutputStream().write(HTML);
        };
        replay.doFilter(anonymous(), new MockHttpServletResponse(), notCached);
        replay.doFilter(anonymous(), new MockHttpServletResponse(), notCached);

        assertThat(applicationCalls).hasValue(2);
    }
}

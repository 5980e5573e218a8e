package se.partnerskap.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.ServletWebRequest;
import se.partnerskap.shared.Sha256;

/**
 * Public pages that many read and few change (the newsroom, the programme page): their rendered HTML is
 * kept in memory and served again while their content has not changed, with an {@code ETag} and a
 * {@code Last-Modified}, and 304 to a conditional request. A region is emptied by {@link #invalidate}
 * on every write to its content; an entry also ends at its own {@code expiresAt} (e.g. the next
 * scheduled publishing time). While the database is away, a page whose time ran out (but whose content
 * was not changed) is served as last rendered rather than answering 503. Only anonymous views are cached: they hold no CSRF token and no name, and
 * reading them creates no session. A logged-in viewer gets a freshly rendered page.
 *
 * <p>Several instances share one database, each with its own cache: {@link #invalidate} also sends a
 * PostgreSQL notification on {@value #CHANNEL} (with the write's transaction: it goes out on commit, and
 * not at all on rollback), and every instance, this one too, empties the region when it hears it
 * ({@link PageChanges}). An instance that is not listening (not yet, or its listening connection was
 * lost) might miss a change, so it serves nothing from the cache and renders every page afresh, keeping
 * the last rendering only for an outage of the database; when it listens again it forgets every page it
 * kept (docs/operations.md, "Rendered-page cache across instances").
 */
@Component
public class RenderedPages {

    /** More distinct addresses than this (queries are free text) and the cache starts over. */
    static final int MAX_ENTRIES = 5_000;

    /** The PostgreSQL notification channel on which a changed region's name is sent to every instance. */
    public static final String CHANNEL = "partnerskap_pages";

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    /**
     * What a page renders from: its template and model, when its content last changed, until when (on the
     * application's clock) it holds, and at most how long in real time it may be reused (null: no limit), for
     * pages that show what other modules change without telling.
     */
    public record Rendering(String template, Map<String, Object> model, Instant lastModified, Instant expiresAt,
            Duration maxAge) {

        public Rendering(String template, Map<String, Object> model, Instant lastModified, Instant expiresAt) {
            this(template, model, lastModified, expiresAt, null);
        }
    }

    /**
     * A kept page: its HTML and the gzip copy of it ({@link PageEncoding}), validators and freshness. The gzip
     * copy is made when a client first asks for it, not with the rendering: compressing costs more than
     * rendering (about 15 ms for the map's 124 KB on this machine's cores), and is paid once per kept page.
     */
    record Entry(byte[] html, PageEncoding.Compressed compressed, String etag, Instant lastModified,
            Instant renderedAt, Instant expiresAt, long generation, long renderedNanos, long maxAgeNanos) {

        Entry(byte[] html, String etag, Instant lastModified, Instant renderedAt, Instant expiresAt,
                long generation, long renderedNanos, long maxAgeNanos) {
            this(html, new PageEncoding.Compressed(html), etag, lastModified, renderedAt, expiresAt, generation,
                    renderedNanos, maxAgeNanos);
        }

        /** The gzip copy, made on the first call. */
        byte[] gzip() {
            return compressed.bytes();
        }

        /** The ETag of the page as sent: gzipped or not. */
        String etag(boolean gzipped) {
            return gzipped ? PageEncoding.gzipEtag(etag) : etag;
        }

        /** Same region generation, the application clock within [rendered, expires), and not too old in real time. */
        boolean fresh(long currentGeneration, Instant now) {
            return generation == currentGeneration && !now.isBefore(renderedAt) && now.isBefore(expiresAt)
                    && (maxAgeNanos < 0 || System.nanoTime() - renderedNanos < maxAgeNanos);
        }
    }

    private final TemplateEngine templates;
    private final Consumer<String> announce;
    /** Runs a page's reads in one read-only transaction (one connection, no BEGIN/COMMIT per query); null: as they come. */
    private final TransactionTemplate reads;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    /** Whether this instance hears every change the other instances announce (set by {@link PageChanges}). */
    private volatile boolean listening;

    @Autowired
    RenderedPages(TemplateEngine templates, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(templates, announcer(jdbc, transactions), readOnly(transactions));
    }

    /** With {@code announce} telling the other instances that a region changed, and the page's reads as they come. */
    RenderedPages(TemplateEngine templates, Consumer<String> announce) {
        this(templates, announce, null);
    }

    private RenderedPages(TemplateEngine templates, Consumer<String> announce, TransactionTemplate reads) {
        this.templates = templates;
        this.announce = announce;
        this.reads = reads;
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setReadOnly(true);
        return t;
    }

    /**
     * The page's model, read in one read-only transaction: a page reads from five to a dozen queries, and each
     * in a transaction of its own cost a connection from the pool and a BEGIN and COMMIT round trip every time
     * (about a third of an uncached home page's time, bench/README.md).
     */
    private Rendering read(Supplier<Rendering> render) {
        return reads == null ? render.get() : reads.execute(status -> render.get());
    }

    /**
     * Forgets every page of {@code region}, on every instance; pages being rendered at this moment are not
     * kept either. Called inside the write's transaction: the other instances hear of it when it commits
     * (and this one forgets again then, so that no page rendered from the old rows during the commit stays).
     */
    public void invalidate(String region) {
        changed(region);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changed(region);
                }
            });
        }
        announce.accept(region);
    }

    /** Forgets every page of every region, on every instance: after rows were changed by hand (SQL) that no write announced. */
    public void invalidateAll() {
        java.util.List.copyOf(generations.keySet()).forEach(this::invalidate);
    }

    /** Whether this instance hears of every change made through the other instances (else it caches nothing). */
    public boolean listening() {
        return listening;
    }

    /** A change of {@code region} here or on another instance: its pages are not served again. */
    void changed(String region) {
        generation(region).incrementAndGet();
    }

    /** Changes may have been missed from now on: nothing is served from the cache until {@link #listeningAgain}. */
    void notListening() {
        listening = false;
    }

    /** Listening (again): every page kept before, or being rendered now, is forgotten, since changes may have been missed. */
    void listeningAgain() {
        generations.values().forEach(AtomicLong::incrementAndGet);
        entries.clear();
        listening = true;
    }

    /**
     * Sends the region's name on {@link #CHANNEL}: inside the caller's (writing) transaction, so that it goes out
     * on commit; outside one (or from a read-only one, or after a transaction's completion) in a transaction of its own.
     */
    private static Consumer<String> announcer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return region -> {
            Runnable send = () -> jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, region).query().singleRow();
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    && TransactionSynchronizationManager.isSynchronizationActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                send.run();
            } else {
                own.executeWithoutResult(status -> send.run());
            }
        };
    }

    /**
     * Answers a GET of a cacheable page: from the cache when an anonymous viewer asks for a page whose
     * region has not changed and whose time has not run out, else rendered (and kept, for the anonymous).
     *
     * @param region what the page shows (emptied together); several joined by {@link #regions}
     * @param now the application clock's now
     */
    public ResponseEntity<byte[]> serve(HttpServletRequest request, Ui ui, String region, Instant now,
            Supplier<Rendering> render) {
        boolean cacheable = !ui.viewer().loggedIn() && ui.notice() == null;
        if (!cacheable) {
            Rendering r = read(render);
            byte[] html = render(r, ui);
            return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore().cachePrivate()).body(html);
        }
        String key = region + "|" + ui.lang() + "|" + request.getRequestURI() + "?" + request.getQueryString();
        long generation = generationOf(region);
        Entry entry = entries.get(key);
        if (entry == null || !listening || !entry.fresh(generation, now)) {
            long started = System.nanoTime();
            Rendering r;
            byte[] html;
            try {
                r = read(render);
                html = render(r, ui);
            } catch (RuntimeException e) {
                if (entry != null && entry.generation() == generation && DatabaseUnavailable.isCause(e)) {
                    // the database is away: the page as last rendered is better than none (its content has
                    // not been changed since, only its time ran out)
                    request.setAttribute(PageReplay.ATTRIBUTE, new PageReplay.Marked(region, entry));
                    return answer(request, entry);
                }
                throw e;
            }
            Instant lastModified = (r.lastModified() == null ? now : r.lastModified()).truncatedTo(ChronoUnit.SECONDS);
            String etag = etag(html);
            if (entry != null && entry.etag().equals(etag) && r.lastModified() == null) {
                // rendered again, the same page: it has not been modified since
                lastModified = entry.lastModified();
            } else if (entry != null && !entry.etag().equals(etag) && !lastModified.isAfter(entry.lastModified())) {
                // the page changed although its content's date did not move on (something was removed, or a
                // neighbour changed): Last-Modified must not stay, or a client asking If-Modified-Since gets a 304
                lastModified = now.truncatedTo(ChronoUnit.SECONDS);
                if (!lastModified.isAfter(entry.lastModified())) {
                    lastModified = entry.lastModified().plusSeconds(1);
                }
            }
            entry = new Entry(html, etag, lastModified, now, r.expiresAt(), generation, started,
                    r.maxAge() == null ? -1 : r.maxAge().toNanos());
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, entry);
        }
        request.setAttribute(PageReplay.ATTRIBUTE, new PageReplay.Marked(region, entry));
        return answer(request, entry);
    }

    /** Whether a kept page of {@code region} may still be served at {@code now}. */
    boolean fresh(String region, Entry entry, Instant now) {
        return listening && entry.fresh(generationOf(region), now);
    }

    /**
     * The regions a page shows, for {@link #serve}: a change of any of them ends the page ({@code "a,b"}).
     */
    public static String regions(String... regions) {
        return String.join(",", regions);
    }

    /** A region's generation; of several ({@link #regions}), the sum of theirs, which moves on when any of them does. */
    private long generationOf(String region) {
        if (region.indexOf(',') < 0) {
            return generation(region).get();
        }
        long sum = 0;
        for (String r : region.split(",")) {
            sum += generation(r).get();
        }
        return sum;
    }

    /**
     * The page with its validators. A conditional GET that they answer becomes a 304 in Spring MVC itself
     * ({@code HttpEntityMethodProcessor} asks {@link ServletWebRequest#checkNotModified(String, long)}).
     */
    private static ResponseEntity<byte[]> answer(HttpServletRequest request, Entry entry) {
        boolean gzipped = gzipped(request);
        // no-cache: a browser or proxy may keep the page but asks again (cheaply, with the validators) each time
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .eTag(entry.etag(gzipped)).lastModified(entry.lastModified()).cacheControl(CacheControl.noCache())
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (gzipped) {
            b.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return b.contentType(HTML).body(gzipped ? entry.gzip() : entry.html());
    }

    /** Whether the request's client takes the gzip copy ({@code Accept-Encoding}). */
    static boolean gzipped(HttpServletRequest request) {
        return PageEncoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /**
     * Whether a conditional GET of a kept page is answered by 304, which this sets on {@code response}: its
     * If-None-Match names the ETag of the encoding sent ({@code gzipped} or not), or else its
     * If-Modified-Since is not before Last-Modified (Spring's {@link ServletWebRequest#checkNotModified}).
     */
    static boolean notModified(HttpServletRequest request, HttpServletResponse response, Entry entry, boolean gzipped) {
        return new ServletWebRequest(request, response).checkNotModified(entry.etag(gzipped),
                entry.lastModified().toEpochMilli());
    }

    private byte[] render(Rendering r, Ui ui) {
        Map<String, Object> model = new java.util.HashMap<>(r.model());
        model.putIfAbsent("ui", ui);
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(r.template() + ".jte", model, output);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(output.getContentLength());
        try {
            output.writeTo(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String etag(byte[] html) {
        return "\"" + Sha256.shortHex(html) + "\"";
    }

    private AtomicLong generation(String region) {
        return generations.computeIfAbsent(region, r -> new AtomicLong());
    }

}

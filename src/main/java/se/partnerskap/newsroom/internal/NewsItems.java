package se.partnerskap.newsroom.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.web.PdfUpload;
import se.partnerskap.audit.Audit;
import se.partnerskap.newsroom.internal.NewsItem.NewsContact;
import se.partnerskap.shared.Language;
import se.partnerskap.web.RenderedPages;

/**
 * The news items: reading them for the public pages and the editor, and every change a communicator
 * makes (each one a revision with a full snapshot, audited, and the end of the cached public pages).
 */
@Service
@Transactional(readOnly = true)
public class NewsItems {

    /** The region of the rendered-page cache that every newsroom write empties. */
    public static final String CACHE_REGION = "newsroom";

    private final Clock clock;
    private final Audit audit;
    private final RenderedPages pages;
    private final NewsItemRows rows;
    private final NewsChangeRows changes;

    NewsItems(Clock clock, Audit audit, RenderedPages pages, NewsItemRows rows, NewsChangeRows changes) {
        this.clock = clock;
        this.audit = audit;
        this.pages = pages;
        this.rows = rows;
        this.changes = changes;
    }

    /** Needs no database (no connection is taken): cached pages ask it while the database may be away. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- reading (NewsItemRows)

    /** What the editor's list asks for; null for "any". */
    public record AdminFilter(String type, String language, String state, String text) {
    }

    /** What the public list asks for; null for "any". */
    public record Query(Language language, String type, String tag, Integer year, int page, int size) {
    }

    public record Found(List<NewsItem> items, int total) {
    }

    public record Pdf(String fileName, byte[] content) {
    }

    public Optional<NewsItem> find(UUID id) {
        return rows.find(id);
    }

    public Optional<NewsItem> bySlug(Language language, String slug) {
        return rows.bySlug(language, slug);
    }

    /** The item in the other language, whatever its state. */
    public Optional<NewsItem> translation(NewsItem item) {
        return rows.translation(item);
    }

    public List<NewsItem> all(AdminFilter f) {
        return rows.all(f, now());
    }

    /**
     * The public list of a language: its own items and those of the other language that have no public
     * translation in this one, newest first.
     */
    public Found published(Query q, Instant now) {
        return rows.published(q, now);
    }

    /** The years in which something public was published, newest first. */
    public List<Integer> years(Instant now) {
        return rows.years(now);
    }

    /** Public publications, newest first. */
    public List<NewsItem> publications(Language language, Instant now) {
        return rows.publications(language, now);
    }

    /** The next time at which a scheduled item becomes public, if any: no cached page may outlive it. */
    public Optional<Instant> nextScheduled(Instant now) {
        return rows.nextScheduled(now);
    }

    /** When the public newsroom last changed: an edit (of any item), or an item that became public. */
    public Optional<Instant> lastChange(Instant now) {
        return rows.lastChange(now);
    }

    public List<NewsTag> tags() {
        return rows.tags();
    }

    public Optional<NewsTag> tag(String key) {
        return rows.tag(key);
    }

    public Optional<Pdf> pdf(UUID id) {
        return rows.pdf(id);
    }

    public boolean slugTaken(Language language, String slug, UUID except) {
        return rows.slugTaken(language, slug, except);
    }

    // ---------------------------------------------------------------- writing (NewsChangeRows)

    /** Everything an editor or an import sets on an item (not its state). */
    public record Content(String type, Language language, UUID translationOf, String slug, String title, String lead,
            String bodyHtml, String imageUrl, String imageAlt, String imageCaption, String imageCredit,
            Instant eventStartsAt, String eventLocation, List<String> authors, Integer publicationYear, String citation,
            String abstractText, List<String> tags, List<NewsContact> contacts, List<String> projects) {

        /** An item of text only, with its contacts: no image, event, publication details, tags or projects. */
        public static Content text(String type, Language language, UUID translationOf, String slug, String title,
                String lead, String bodyHtml, List<NewsContact> contacts) {
            return new Content(type, language, translationOf, slug, title, lead, bodyHtml, null, null, null, null, null,
                    null, List.of(), null, null, null, List.of(), contacts, List.of());
        }
    }

    /** Creates a draft. */
    @Transactional
    public UUID create(Content c, String actor) {
        return insert(c, actor, "draft", null, false, false, null, null, "created");
    }

    /**
     * Inserts an item; with a {@code sourceKey} only once (a second call with the same key adds nothing).
     *
     * @return the new item's id, or null when the source key was there already
     */
    @Transactional
    public UUID insert(Content c, String actor, String status, Instant publishAt, boolean dateOnly, boolean undated,
            String sourceKey, Instant announcedAt, String action) {
        UUID id = UUID.randomUUID();
        UUID group = c.translationOf() == null ? UUID.randomUUID()
                : find(c.translationOf()).map(NewsItem::translationGroup).orElse(UUID.randomUUID());
        if (!changes.insert(id, group, c, NewsSanitiser.sanitise(c.bodyHtml()), status, publishAt, dateOnly, undated,
                sourceKey, announcedAt, actor, now())) {
            return null;
        }
        revise(id, actor, action);
        return id;
    }

    /**
     * Until the caller's transaction ends, nobody else picks a slug: importers that run at once (two press
     * releases, or one delivered twice) would otherwise both find the same slug free.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockSlugs() {
        changes.lockSlugs();
    }

    /**
     * Saves what the editor typed if nobody saved the item since {@code expectedVersion}.
     *
     * @return false when someone else saved first (nothing is changed then)
     */
    @Transactional
    public boolean update(UUID id, int expectedVersion, Content c, String actor) {
        NewsItem before = find(id).orElseThrow();
        UUID group = before.translationGroup();
        if (c.translationOf() != null) {
            group = find(c.translationOf()).map(NewsItem::translationGroup).orElse(group);
        } else if (translation(before).isPresent()) {
            // the link is dropped: this item goes on alone
            group = UUID.randomUUID();
        }
        if (!changes.update(id, expectedVersion, group, c, NewsSanitiser.sanitise(c.bodyHtml()), actor, now())) {
            return false;
        }
        revise(id, actor, "saved");
        return true;
    }

    /** Publishes now (an item published before keeps its first publishing time). */
    @Transactional
    public boolean publish(UUID id, int expectedVersion, String actor) {
        NewsItem item = find(id).orElseThrow();
        Instant now = now();
        Instant at = item.publishAt() != null && !item.publishAt().isAfter(now) && !"draft".equals(item.status())
                ? item.publishAt() : now;
        return changeState(id, expectedVersion, "published", at, actor, "published");
    }

    /** Makes the item public at {@code at} (in the future), without anybody having to do anything then. */
    @Transactional
    public boolean schedule(UUID id, int expectedVersion, Instant at, String actor) {
        return changeState(id, expectedVersion, "published", at, actor, "scheduled");
    }

    @Transactional
    public boolean unpublish(UUID id, int expectedVersion, String actor) {
        NewsItem item = find(id).orElseThrow();
        return changeState(id, expectedVersion, "unpublished", item.publishAt(), actor, "unpublished");
    }

    @Transactional
    /**
     * Attaches a PDF to the item (replacing one attached before), named as uploaded or after the item's slug;
     * {@link PdfUpload.Refused} when it is empty, too large or not a PDF we keep.
     */
    public void attachPdf(NewsItem item, String fileName, byte[] content, String actor) {
        PdfUpload pdf = PdfUpload.of(fileName == null || fileName.isBlank() ? item.slug() + ".pdf" : fileName, content);
        changes.attachPdf(item.id(), pdf, actor, now());
        revise(item.id(), actor, "pdf-attached");
    }

    private boolean changeState(UUID id, int expectedVersion, String status, Instant publishAt, String actor,
            String action) {
        boolean changed = changes.changeState(id, expectedVersion, status, publishAt, actor, now());
        if (changed) {
            revise(id, actor, action);
        }
        return changed;
    }

    // ---------------------------------------------------------------- revisions

    public record Revision(int number, String action, Map<String, Object> snapshot, String savedBy, Instant savedAt) {
    }

    public List<Revision> revisions(UUID id) {
        return changes.revisions(id);
    }

    public Optional<Revision> revision(UUID id, int number) {
        return changes.revision(id, number);
    }

    /** Writes the item as it is now as its next revision, audits it and empties the cached public pages. */
    private void revise(UUID id, String actor, String action) {
        NewsItem item = find(id).orElseThrow();
        Map<String, Object> snapshot = snapshot(item);
        int number = changes.addRevision(id, action, snapshot, actor, now());
        audit.record(actor, "news-item-" + action, "news-item", id.toString(),
                Map.of("revision", number, "title", item.title(), "language", item.language(), "status", item.status()));
        invalidateAfterCommit();
    }

    /** For tests and maintenance that change the tables directly: the public pages are rendered again. */
    public void forgetRenderedPages() {
        pages.invalidate(CACHE_REGION);
    }

    private void invalidateAfterCommit() {
        // on every instance once committed (RenderedPages), so that no page rendered from the old rows survives
        pages.invalidate(CACHE_REGION);
    }

    /** The fields a communicator edits, in the order the comparison shows them. */
    static Map<String, Object> snapshot(NewsItem i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", i.title());
        s.put("type", i.type());
        s.put("language", i.language());
        s.put("slug", i.slug());
        s.put("status", i.status());
        s.put("publishAt", i.publishAt() == null ? "" : i.publishAt().toString());
        s.put("lead", i.lead());
        s.put("body", i.bodyHtml());
        s.put("imageUrl", nz(i.imageUrl()));
        s.put("imageAlt", nz(i.imageAlt()));
        s.put("imageCaption", nz(i.imageCaption()));
        s.put("imageCredit", nz(i.imageCredit()));
        s.put("eventStartsAt", i.eventStartsAt() == null ? "" : i.eventStartsAt().toString());
        s.put("eventLocation", nz(i.eventLocation()));
        s.put("authors", String.join("; ", i.authors()));
        s.put("publicationYear", i.publicationYear() == null ? "" : i.publicationYear().toString());
        s.put("citation", nz(i.citation()));
        s.put("abstract", nz(i.abstractText()));
        s.put("pdf", nz(i.pdfFileName()));
        s.put("tags", String.join(", ", i.tags()));
        s.put("contacts", String.join("; ", i.contacts().stream()
                .map(c -> c.keyed() ? c.name() + " [" + c.key() + "]"
                        : String.join(", ", List.of(c.name(), c.role(), c.phone(), c.email()).stream()
                                .filter(x -> x != null && !x.isBlank()).toList()))
                .toList()));
        s.put("projects", String.join(", ", i.projects()));
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

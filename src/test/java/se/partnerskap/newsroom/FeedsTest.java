package se.partnerskap.newsroom;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsTest extends AbstractIntegrationTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    @Autowired
    FundedPartnerships funded;

    NewsfeedsFixtures news;

    @BeforeEach
    void fixtures() {
        news = new NewsfeedsFixtures(jdbc);
    }

    @AfterEach
    void clean() {
        news.clean();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && java.util.Objects.equals(ns, e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String ns, String name) {
        List<Element> c = children(parent, ns, name);
        assertThat(c).as("<" + name + "> in <" + parent.getLocalName() + ">").isNotEmpty();
        return c.get(0).getTextContent();
    }

    private static Instant ago(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes));
    }

    @Test
    void theNewsroomListTellsFeedReadersWhereItsFeedsAreInEachLanguage() {
        assertThat(get("/nyheter").body())
                .contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Alla nyheter (RSS)\" href=\"/nyheter/rss.xml\">")
                .contains("type=\"application/atom+xml\" title=\"Alla nyheter (Atom)\" href=\"/nyheter/atom.xml\"");
        String english = get("/en/news").body();
        assertThat(english).contains("href=\"/en/news/rss.xml\"").contains("href=\"/en/news/atom.xml\"");
        assertThat(get("/en/news/rss.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void rssFeedIsValidNewestFirstWithRequiredElementsAndOnlyPublicItems() {
        String tag = news.tag("kronoberg", "region", "Kronoberg", "Kronoberg");
        news.item("press-release", "sv", news.slug("aldre"), "Äldre & <bättre>", "Ingress ett", "<p>Ett</p>", "published", ago(60), tag);
        news.item("article", "sv", news.slug("nyare"), "Nyare artikel", "", "<p>Brödtext &amp; mer</p>", "published", ago(1));
        news.item("article", "sv", news.slug("utkast"), "Utkastet", "", "", "draft", null);
        news.item("article", "sv", news.slug("framtid"), "Framtiden", "", "", "published", Instant.now().plus(Duration.ofDays(1)));
        news.item("article", "en", news.slug("english"), "English article", "", "", "published", ago(2));

        var response = get("/nyheter/rss.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        Document doc = parse(response.body());
        Element rss = doc.getDocumentElement();
        assertThat(rss.getLocalName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = children(rss, null, "channel").get(0);
        assertThat(text(channel, null, "title")).contains("Nyheter");
        assertThat(text(channel, null, "link")).endsWith("/nyheter");
        assertThat(text(channel, null, "description")).isNotBlank();
        List<Element> items = children(channel, null, "item");
        List<String> titles = items.stream().map(i -> text(i, null, "title")).toList();
        assertThat(titles).contains("Nyare artikel", "Äldre & <bättre>")
                .doesNotContain("Utkastet", "Framtiden", "English article");
        assertThat(titles.indexOf("Nyare artikel")).isLessThan(titles.indexOf("Äldre & <bättre>"));
        for (Element item : items) {
            assertThat(text(item, null, "link")).matches("https?://.+/nyheter/[a-z0-9-]+");
            assertThat(text(item, null, "guid")).isNotBlank();
            String pubDate = text(item, null, "pubDate");
            ZonedDateTime parsed = ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(parsed).as("RFC 822 date " + pubDate).isNotNull();
        }
        Element older = items.get(titles.indexOf("Äldre & <bättre>"));
        assertThat(text(older, null, "description")).isEqualTo("Ingress ett");
        assertThat(text(older, null, "category")).isEqualTo("Kronoberg");
        // the description is HTML to a reader: the plain text "Brödtext & mer", escaped as HTML
        assertThat(text(items.get(titles.indexOf("Nyare artikel")), null, "description")).isEqualTo("Brödtext &amp; mer");
    }

    @Test
    void aLeadWithMarkupIsTextInTheRssFeedAsInTheAtomFeed() {
        String lead = "Ingress <script>alert('x')</script> med <b>fet</b> & <img src=x onerror=alert(1)>";
        news.item("press-release", "sv", news.slug("markup"), "Med markup", lead, "<p>Brödtext</p>", "published", ago(5));

        Document doc = parse(get("/nyheter/rss.xml").body());
        Element channel = children(doc.getDocumentElement(), null, "channel").get(0);
        Element item = children(channel, null, "item").stream()
                .filter(i -> text(i, null, "title").equals("Med markup")).findFirst().orElseThrow();
        String description = text(item, null, "description");
        // a reader decodes the description as HTML: it must find no element in it, only the lead as text
        assertThat(description).doesNotContain("<").doesNotContain(">");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(description)).isEqualTo(lead);

        Document atom = parse(get("/nyheter/atom.xml").body());
        Element entry = children(atom.getDocumentElement(), ATOM, "entry").stream()
                .filter(e -> text(e, ATOM, "title").equals("Med markup")).findFirst().orElseThrow();
        assertThat(children(entry, ATOM, "summary").get(0).getAttribute("type")).isEqualTo("text");
        assertThat(text(entry, ATOM, "summary")).isEqualTo(lead);
    }

    @Test
    void atomFeedHasTheRequiredElements() {
        news.item("blog-post", "en", news.slug("post"), "A post about <democracy>", "The lead", "<p>Body</p>",
                "published", ago(5));

        var response = get("/en/news/atom.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Element feed = parse(response.body()).getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(text(feed, ATOM, "id")).isNotBlank();
        assertThat(text(feed, ATOM, "title")).contains("News");
        Instant.parse(text(feed, ATOM, "updated"));
        assertThat(children(feed, ATOM, "link")).anySatisfy(l -> {
            assertThat(l.getAttribute("rel")).isEqualTo("self");
            assertThat(l.getAttribute("href")).endsWith("/en/news/atom.xml");
        });
        assertThat(text(children(feed, ATOM, "author").get(0), ATOM, "name")).isNotBlank();
        Element entry = children(feed, ATOM, "entry").stream()
                .filter(e -> text(e, ATOM, "title").equals("A post about <democracy>")).findFirst().orElseThrow();
        assertThat(text(entry, ATOM, "id")).startsWith("urn:uuid:");
        Instant.parse(text(entry, ATOM, "updated"));
        assertThat(children(entry, ATOM, "link").get(0).getAttribute("href")).endsWith("/en/news/" + news.slug("post"));
        assertThat(text(entry, ATOM, "summary")).isEqualTo("The lead");
        assertThat(children(feed, ATOM, "entry")).allSatisfy(e -> assertThat(text(e, ATOM, "id")).isNotBlank());
    }

    @Autowired
    se.partnerskap.newsroom.NewsImport newsImport;

    @Test
    void anImportedItemLastChangedWhenItsSourcePublishedItAndTheFeedWhenItsNewestEntryDid() {
        Instant published = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String key = "test/feed-updated-" + java.util.UUID.randomUUID();
        String slug = news.slug("imported");
        java.util.UUID id = newsImport.importPublished(new se.partnerskap.newsroom.NewsImport.Item(key, "article", "en",
                slug, "An item from elsewhere", "Its lead", "<p>Body</p>", published, false, 0, null, null, List.of(),
                List.of(), null, List.of(), List.of(), null, null, null), "system:test").orElseThrow();
        try {
            Element feed = parse(get("/en/news/atom.xml").body()).getDocumentElement();
            Element entry = children(feed, ATOM, "entry").stream()
                    .filter(e -> text(e, ATOM, "id").equals("urn:uuid:" + id)).findFirst().orElseThrow();
            // taken in just now, but changed last when its source published it
            assertThat(Instant.parse(text(entry, ATOM, "updated"))).isEqualTo(published);
            assertThat(Instant.parse(text(entry, ATOM, "published"))).isEqualTo(published);
            // the feed changed when its newest entry did
            Instant newest = children(feed, ATOM, "entry").stream().map(e -> Instant.parse(text(e, ATOM, "updated")))
                    .max(Instant::compareTo).orElseThrow();
            assertThat(Instant.parse(text(feed, ATOM, "updated"))).isEqualTo(newest);
        } finally {
            jdbc.sql("DELETE FROM news_item WHERE id = ?").param(id).update();
        }
    }

    @Test
    void feedsPerTypeAndPerTag() {
        String tag = news.tag("kalmar", "region", "Kalmar", "Kalmar");
        news.item("press-release", "sv", news.slug("press"), "Ett pressmeddelande", "", "", "published", ago(3));
        news.item("article", "sv", news.slug("taggad"), "En taggad artikel", "", "", "published", ago(4), tag);

        String press = get("/nyheter/rss.xml?type=press-release").body();
        assertThat(press).contains("Ett pressmeddelande").doesNotContain("En taggad artikel");
        assertThat(text(children(parse(press).getDocumentElement(), null, "channel").get(0), null, "title"))
                .contains("Pressmeddelanden");

        String tagged = get("/nyheter/atom.xml?tag=" + tag).body();
        assertThat(tagged).contains("En taggad artikel").doesNotContain("Ett pressmeddelande");
        assertThat(tagged).contains("Kalmar");

        assertThat(get("/nyheter/rss.xml?type=nonsense").statusCode()).isEqualTo(404);
        assertThat(get("/nyheter/atom.xml?tag=no-such-tag").statusCode()).isEqualTo(404);
    }

    @Test
    void feedsAnswerConditionalRequestsWithNotModified() {
        news.item("article", "sv", news.slug("etag"), "Etag", "", "", "published", ago(3));
        var first = get("/nyheter/rss.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();

        assertThat(get("/nyheter/rss.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);

        news.item("article", "sv", news.slug("etag-ny"), "Ny etag", "", "", "published", ago(1));
        assertThat(get("/nyheter/rss.xml", "If-None-Match", etag).statusCode()).as("a changed feed is sent again")
                .isEqualTo(200);
    }

    @Test
    void sitemapListsPagesPublicItemsWithLastmodAndProjectsWithLanguageAlternates() {
        var sv = news.item("press-release", "sv", news.slug("karta-sv"), "Svensk version", "", "", "published", ago(10));
        news.item(sv.group(), "press-release", "en", news.slug("map-en"), "English version", "", "", "published", ago(10));
        news.item("article", "sv", news.slug("karta-utkast"), "Utkast", "", "", "draft", null);

        List<Element> urls = new ArrayList<>();
        for (String part : sitemapParts()) {
            var response = get(part.substring(url("").length()));
            assertThat(response.statusCode()).as(part).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
            Element urlset = parse(response.body()).getDocumentElement();
            assertThat(urlset.getNamespaceURI()).isEqualTo(SITEMAP);
            assertThat(urlset.getLocalName()).isEqualTo("urlset");
            urls.addAll(children(urlset, SITEMAP, "url"));
        }
        List<String> locs = urls.stream().map(u -> text(u, SITEMAP, "loc")).toList();
        String base = url("");
        assertThat(locs).contains(base + "/", base + "/en", base + "/kommunala-partnerskap", base + "/projekt",
                base + "/nyheter", base + "/nyheter/" + news.slug("karta-sv"), base + "/en/news/" + news.slug("map-en"),
                base + "/statistik", base + "/en/statistics", base + "/oppna-data", base + "/en/open-data")
                .doesNotContain(base + "/nyheter/" + news.slug("karta-utkast"));

        Element item = urls.get(locs.indexOf(base + "/nyheter/" + news.slug("karta-sv")));
        Instant.parse(text(item, SITEMAP, "lastmod"));
        assertThat(children(item, XHTML, "link")).extracting(l -> l.getAttribute("hreflang") + " " + l.getAttribute("href"))
                .contains("en " + base + "/en/news/" + news.slug("map-en"), "sv " + base + "/nyheter/" + news.slug("karta-sv"));

        // a project by its readable address
        String key = funded.all("kommunala-partnerskap").get(0).path();
        assertThat(key).isEqualTo(funded.all("kommunala-partnerskap").get(0).slug());
        Element project = urls.get(locs.indexOf(base + "/projekt/" + key));
        assertThat(children(project, XHTML, "link")).extracting(l -> l.getAttribute("hreflang") + " " + l.getAttribute("href"))
                .contains("en " + base + "/en/projects/" + key);
        assertThat(get("/projekt/" + key).statusCode()).as("the project's address in the sitemap exists").isEqualTo(200);
    }

    /** The addresses of the parts the sitemap index lists. */
    private List<String> sitemapParts() {
        var index = get("/sitemap.xml");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        Element root = parse(index.body()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(root.getLocalName()).isEqualTo("sitemapindex");
        return children(root, SITEMAP, "sitemap").stream().map(s -> text(s, SITEMAP, "loc")).toList();
    }

    @Test
    void theSitemapIsAnIndexOfPartsOfPagesNewsAndProjectsEachCachedByItsETag() {
        news.item("article", "sv", news.slug("delar"), "Delar", "", "", "published", ago(5));
        List<String> parts = sitemapParts();
        String base = url("");
        assertThat(parts).contains(base + "/sitemap-pages.xml", base + "/sitemap-news-1.xml",
                base + "/sitemap-projects-1.xml");
        // every part is at the root (a sitemap may only list addresses below its own) and small enough
        for (String part : parts) {
            assertThat(part).matches(java.util.regex.Pattern.quote(base) + "/sitemap-[a-z]+(-[0-9]+)?\\.xml");
            var response = get(part.substring(base.length()));
            assertThat(children(parse(response.body()).getDocumentElement(), SITEMAP, "url").size())
                    .isBetween(1, 10_000);
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(get(part.substring(base.length()), "If-None-Match", etag).statusCode()).as(part).isEqualTo(304);
        }
        // a new public item changes the news parts' ETag
        var first = get("/sitemap-news-1.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        news.item("article", "sv", news.slug("delar-ny"), "Delar ny", "", "", "published", ago(1));
        var again = get("/sitemap-news-1.xml", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("/nyheter/" + news.slug("delar-ny"));
        assertThat(get("/sitemap-projects-999.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsTxtPointsToTheSitemap() {
        var robots = get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(robots.body()).contains("Sitemap: " + url("/sitemap.xml")).contains("User-agent: *");
    }
}

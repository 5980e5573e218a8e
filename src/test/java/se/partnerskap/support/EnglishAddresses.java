package se.partnerskap.support;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the English-path crawls share: the site's own links on a page, and the check that an address is English. */
public final class EnglishAddresses {

    /** Where a page sends the visitor: links, form actions and htmx posts. */
    public static final Pattern LINK = Pattern.compile("(?:href|action|hx-post)=\"([^\"#]*)");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]*)");

    private EnglishAddresses() {
    }

    /**
     * Follows the links {@code follow} accepts from the starting pages (never downloads: PDF, calendar, Excel),
     * at most {@code limit} pages, and checks every link, form action and redirect on the way; returns each
     * visited path with its page ("" for a redirect). {@code get} fetches a path, {@code location} reads a
     * redirect's target as a path.
     */
    public static Map<String, String> crawl(Function<String, HttpResponse<String>> get,
            Function<HttpResponse<String>, String> location, List<String> start, Predicate<String> follow, int limit,
            Set<String> swedish) {
        Map<String, String> visited = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty() && visited.size() < limit) {
            String path = queue.poll();
            if (visited.containsKey(path)) {
                continue;
            }
            HttpResponse<String> response = get.apply(path);
            assertThat(response.statusCode()).as(path).isIn(200, 302);
            if (response.statusCode() == 302) {
                String to = location.apply(response);
                assertThat(to).as("a redirect from " + path).startsWith("/en");
                assertEnglish(to, "a redirect from " + path, swedish);
                queue.add(to);
                visited.put(path, "");
                continue;
            }
            String body = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                    ? response.body() : "";
            visited.put(path, body);
            links(body, LINK).forEach(link -> assertEnglish(link, "a link or form on " + path, swedish));
            // forms are posted by the tests themselves; the crawler follows the links
            for (String link : links(body, HREF)) {
                String bare = link.split("\\?")[0];
                if (follow.test(bare) && !bare.endsWith(".pdf") && !bare.endsWith(".ics") && !bare.endsWith(".xlsx")
                        && !visited.containsKey(bare)) {
                    queue.add(bare);
                }
            }
        }
        return visited;
    }

    /** The site's own addresses {@code pattern} finds in {@code html} (not its style sheets, scripts or images). */
    public static Set<String> links(String html, Pattern pattern) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (link.startsWith("/") && !link.startsWith("/css/") && !link.startsWith("/js/")
                    && !link.startsWith("/images/") && !link.startsWith("/favicon")) {
                links.add(link);
            }
        }
        return links;
    }

    /** Fails when an English address ({@code /en/…}) has a word of {@code swedish} in it. */
    public static void assertEnglish(String path, String where, Set<String> swedish) {
        String bare = path.split("\\?")[0];
        // the language switcher is the one link to the Swedish page, marked as such
        if (!bare.startsWith("/en")) {
            return;
        }
        for (String segment : bare.split("/")) {
            assertThat(swedish).as(where + ": " + path).doesNotContain(segment);
        }
    }
}

package se.partnerskap.support;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the English-path crawls share: the site's own links on a page, and the check that an address is English. */
public final class EnglishAddresses {

    private EnglishAddresses() {
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

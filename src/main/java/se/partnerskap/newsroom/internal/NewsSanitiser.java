package se.partnerskap.newsroom.internal;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The body of a news item is rich text written by communicators: headings, paragraphs, lists, links,
 * images, emphasis, quotes and tables survive; scripts, styles, event handlers and javascript: URLs do not.
 */
public final class NewsSanitiser {

    static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "figure", "figcaption").toFactory());

    private NewsSanitiser() {
    }

    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html).strip();
    }
}

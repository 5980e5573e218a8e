package se.partnerskap.newsroom;

import org.junit.jupiter.api.Test;
import se.partnerskap.newsroom.internal.NewsSanitiser;

import static org.assertj.core.api.Assertions.assertThat;

/** The body of a news item keeps its structure and loses anything that runs. */
class NewsSanitiserTest {

    @Test
    void scriptsEventHandlersAndJavascriptLinksAreRemoved() {
        String clean = NewsSanitiser.sanitise("""
                <p onclick="steal()">Text</p><script>alert('x')</script>
                <img src="https://example.org/a.jpg" alt="A" onerror="steal()">
                <a href="javascript:steal()">link</a><iframe src="https://evil.example"></iframe>
                <p style="background:url(javascript:x)">styled</p>
                """);
        assertThat(clean).doesNotContain("script").doesNotContain("onclick").doesNotContain("onerror")
                .doesNotContain("javascript").doesNotContain("iframe").doesNotContain("steal")
                .contains("<p>Text</p>").contains("link");
    }

    @Test
    void headingsListsLinksImagesAndEmphasisAreKept() {
        String html = """
                <h2>Rubrik</h2><h3>Underrubrik</h3>
                <ul><li>ett</li></ul><ol><li>två</li></ol>
                <p><a href="https://icld.se/">ICLD</a> <strong>fet</strong> <em>kursiv</em></p>
                <blockquote>Citat</blockquote>
                <img src="https://example.org/bild.jpg" alt="En bild">
                """;
        String clean = NewsSanitiser.sanitise(html);
        assertThat(clean).contains("<h2>Rubrik</h2>").contains("<h3>Underrubrik</h3>")
                .contains("<ul><li>ett</li></ul>").contains("<ol><li>två</li></ol>")
                .contains("<a href=\"https://icld.se/\"").contains("<strong>fet</strong>").contains("<em>kursiv</em>")
                .contains("<blockquote>Citat</blockquote>")
                .contains("<img src=\"https://example.org/bild.jpg\" alt=\"En bild\" />");
    }
}

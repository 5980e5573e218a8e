package se.partnerskap.publicsite.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SanitisingTest {

    @Test
    void scriptsStylesAndEventHandlersAreRemovedButHeadingsListsAndLinksStay() {
        String clean = SiteContent.sanitise("""
                <h3 onclick="steal()">Rubrik</h3><script>alert(1)</script><style>body{}</style>
                <ul><li>ett</li></ul><p><a href="https://example.org" onmouseover="x()">länk</a>
                <a href="javascript:alert(1)">farlig</a><img src=x onerror=alert(1)></p>""");
        assertThat(clean).contains("<h3>Rubrik</h3>").contains("<ul><li>ett</li></ul>")
                .contains("href=\"https://example.org\"").contains("länk")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("onmouseover")
                .doesNotContain("javascript:").doesNotContain("onerror").doesNotContain("<style");
    }
}
